import { describe, expect, it } from 'vitest';
import { showsInstall } from '../../../scripts/lib/extract/check-installs.ts';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';

describe('showsInstall', () => {
  it.each([
    ['sudo apt-get install -y jq', true],
    ['sudo apt-get update && sudo apt-get install -y curl jq', true],
    ['`brew install jq`.', true],
    ['winget install jqlang.jq', true],
    ['apk add --no-cache jq', true],
    ['pacman -S jq', true],
    ['apt install jq-doc', false],
    ['npm install jq', false],
    ['pipe it into jq to install nothing', false],
  ])('%s → %s', (line, expected) => {
    expect(showsInstall(line, ['jq'])).toBe(expected);
  });
});

describe('verify.installs', () => {
  const page = (body: string) =>
    extractSnippets(['---', 'verify:', '  installs: [jq]', '---', '', body].join('\n'), 'p.md')
      .page;

  it('keeps where the page shows the install', () => {
    const found = page('Install it: `sudo apt-get install -y jq`.');
    expect(found.diagnostics).toEqual([]);
    expect(found.installs).toEqual([{ tool: 'jq', line: 6 }]);
  });

  it('is an error at its frontmatter line when the page never shows how', () => {
    expect(page('Use jq.').diagnostics).toEqual([
      expect.objectContaining({
        code: 'INVALID_OPTION',
        position: { file: 'p.md', line: 3 },
        message: expect.stringContaining('installs jq (verify.installs) but never shows how'),
      }),
    ]);
  });

  it('reads the sidebar order beside it', () => {
    const { sidebar } = extractSnippets(
      ['---', 'sidebar:', '  order: 4', '---', ''].join('\n'),
      'p.md',
    ).page;
    expect(sidebar).toEqual({ order: 4, isHidden: false });
  });
});
