import { describe, expect, it } from 'vitest';
import { countStatuses, type PageResult } from '../../../scripts/lib/judge/results.ts';
import { formatStepSummary } from '../../../scripts/lib/report/github-summary.ts';
import { snippetAt, stepAt, summary, transcript } from './sample-results.ts';

const file = 'docs/<a|b>.mdx';
const page: PageResult = {
  file,
  leg: 'sandbox',
  values: [],
  ids: [],
  durationMs: 40,
  results: [
    {
      status: 'drift',
      snippet: snippetAt(file, 3, transcript),
      steps: [stepAt(4, 'cat README.md', ['```sh', 'x'], ['```sh', 'y'])],
      durationMs: 40,
    },
  ],
};

describe('formatStepSummary', () => {
  const markdown = formatStepSummary({ ...summary, pages: [page], counts: countStatuses([page]) });

  it('escapes HTML and pipes in a table cell', () => {
    expect(markdown).toContain('| ❌ docs/&lt;a\\|b&gt;.mdx | 0 | 1 | 0 | 0 | 40ms |');
  });

  it('fences a diff with more backticks than it contains', () => {
    expect(markdown).toContain('````diff\n$ cat README.md\n');
    expect(markdown).toContain('\n+y\n````\n');
  });

  it('escapes HTML in the folded summary', () => {
    expect(markdown).toContain('<summary><code>docs/&lt;a|b&gt;.mdx:4</code> output differs');
  });
});
