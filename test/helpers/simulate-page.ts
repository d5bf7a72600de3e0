import { extractSnippets } from '../../scripts/lib/extract/extract-snippets.ts';
import { compareOutput } from '../../scripts/lib/judge/compare-output.ts';
import type { PageResult, SnippetResult } from '../../scripts/lib/judge/results.ts';

/**
 * Builds the result a run would give for a page, without running anything: `actualOf`
 * says what each transcript step (numbered across the page) printed. For tests of the pure
 * stages after running (update, reporters).
 */
export function simulatePage(
  source: string,
  file: string,
  actualOf: (step: number) => string[],
): PageResult {
  const extracted = extractSnippets(source, file);
  if (!extracted.ok) throw new Error(extracted.diagnostics.map((d) => d.message).join('\n'));
  let stepNumber = 0;
  const results = extracted.page.snippets.flatMap((snippet): SnippetResult[] => {
    if (snippet.body.kind !== 'transcript') return [];
    const steps = snippet.body.steps.map((step) => {
      const comparison = compareOutput(step.expected, actualOf(stepNumber++));
      return {
        command: step.command,
        line: step.line,
        expectedExitCode: 0,
        exitCode: 0,
        comparison,
        output: comparison.actual.map((line) => line.text),
        documented: step.expected,
        documentedLines: step.expectedLines,
        durationMs: 1,
      };
    });
    const isDrift = steps.some((step) => !step.comparison.matches);
    return [{ status: isDrift ? 'drift' : 'pass', snippet, steps, durationMs: 1 }];
  });
  return { file, results, durationMs: 1 };
}
