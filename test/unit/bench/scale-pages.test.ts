import { describe, expect, it } from 'vitest';
import { analyzeScale, buildScalePages, snippetsPerPage } from '../../../bench/lib/scale-pages.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';

describe('scale pages', () => {
  it('names pages so they sort in order', () => {
    expect(buildScalePages(10).map((page) => page.name)).toEqual(
      Array.from(
        { length: 10 },
        (_, index) => `page-${String(index + 1).padStart(2, '0')}.generated.md`,
      ),
    );
  });

  it('hold one console block of one cheap command per snippet', () => {
    const [page] = buildScalePages(1);
    const extractedPage = extractValidPage(page?.content ?? '', 'page.md');
    expect(extractedPage.snippets).toHaveLength(snippetsPerPage);
    const commands = extractedPage.snippets.flatMap((snippet) =>
      snippet.body.kind === 'transcript' ? snippet.body.steps.map((step) => step.command) : [],
    );
    expect(commands).toHaveLength(snippetsPerPage);
    expect(commands.every((command) => /^(echo|printf) /.test(command))).toBe(true);
  });
});

describe('analyzeScale', () => {
  it('takes the smallest site as the fixed cost and finds the cost per added snippet', () => {
    // 1 s fixed, 2 ms per snippet: linear.
    const linear = new Map(
      [1, 10, 100].map((pages) => [pages, 1000 + 2 * pages * snippetsPerPage]),
    );
    const analysis = analyzeScale(linear);
    expect(analysis.slope).toBeCloseTo(2);
    expect(analysis.perSnippet.get(10)).toBeCloseTo(2);
    expect(analysis.linearity).toBeCloseTo(1);
  });

  it('shows a cost that grows with the size of the run', () => {
    const quadratic = new Map([1, 10, 100].map((pages) => [pages, 1000 + pages * pages]));
    expect(analyzeScale(quadratic).linearity).toBeGreaterThan(5);
  });
});
