import { describe, expect, it } from 'vitest';
import { assessPage } from '../../../../scripts/lib/record/assess-page.ts';
import { matchBlock } from '../../../../src/integrations/verification/match-block.ts';
import { extractValidPage } from '../../../helpers/extract-page.ts';

const source = [
  '<Tabs>',
  '<TabItem label="a">',
  '',
  '  ```console title="Indented" store="containerd"',
  '  $ printf "a\\tb\\n"   ',
  '  a\tb',
  '  ```',
  '',
  '</TabItem>',
  '</Tabs>',
  '',
  '```console',
  '$ echo same',
  'same',
  '```',
  '',
  '```console',
  '$ echo same',
  'same',
  '```',
].join('\n');

const page = extractValidPage(source, 'a.mdx');

describe('matchBlock', () => {
  it('finds a block inside JSX as Expressive Code renders it: tabs expanded, ends trimmed', () => {
    const record = {
      page: 'a.mdx',
      blocks: page.snippets.map((snippet) => ({
        line: snippet.line,
        hash: snippet.hash,
        legs: {},
      })),
    };
    const blocks = assessPage(page, record, []);
    const found = matchBlock(blocks, {
      language: 'console',
      meta: 'title="Indented" store="containerd"',
      code: '$ printf "a\\tb\\n"\na  b',
    });
    expect(found?.snippet.line).toBe(4);
    expect(matchBlock(blocks, { language: 'sh', meta: '', code: '$ printf' })).toBeUndefined();
  });

  it('shows the least proven of equal blocks, so a mark never claims too much', () => {
    const [, first] = page.snippets;
    // Only the first `echo same` is in the record: its twin is unrecorded.
    const record = {
      page: 'a.mdx',
      blocks: first
        ? [
            {
              line: first.line,
              hash: first.hash,
              legs: {
                x: {
                  result: 'pass' as const,
                  date: '2026-11-26',
                  client: '1',
                  server: '1',
                  containerd: null,
                  runc: null,
                  store: null,
                },
              },
            },
          ]
        : [],
    };
    const blocks = assessPage(page, record, []);
    expect(blocks.map((block) => block.state)).toEqual(['unrecorded', 'verified', 'unrecorded']);
    expect(
      matchBlock(blocks, { language: 'console', meta: '', code: '$ echo same\nsame' })?.state,
    ).toBe('unrecorded');
  });
});
