import type { Diagnostic } from '../core/errors.ts';
import { isNotRun, type PageResult, type SnippetResult } from '../judge/results.ts';
import type { Reporter, ReportTarget, RunInfo, RunSummary } from './reporter.ts';

/** Everything a run told its reporters; what a run stopped early never told stays empty. */
export interface RunRecord {
  info: RunInfo | undefined;
  diagnostics: readonly Diagnostic[];
  pages: readonly PageResult[];
  summary: RunSummary | undefined;
}

/**
 * A reporter that writes one document, once: when the run ends or, for a run that never got
 * there (diagnostics, an interruption), when reporters are closed, from what was seen so far.
 */
export function createDocumentReporter(
  target: ReportTarget,
  render: (record: RunRecord) => string,
): Reporter {
  const record: RunRecord = { info: undefined, diagnostics: [], pages: [], summary: undefined };
  let isWritten = false;
  const writeOnce = () => {
    if (isWritten) return;
    isWritten = true;
    target.write(render(record));
  };
  return {
    onRunStart(info) {
      record.info = info;
    },
    onDiagnostics(diagnostics) {
      record.diagnostics = [...record.diagnostics, ...diagnostics];
    },
    onPageEnd(page) {
      record.pages = [...record.pages, page];
    },
    onRunEnd(summary) {
      record.summary = summary;
      record.pages = summary.pages;
      writeOnce();
    },
    onClose: writeOnce,
  };
}

/** How long a snippet ran; a skipped one, or one for other legs, did not run. */
export function durationOfResult(result: SnippetResult): number {
  if (isNotRun(result)) return 0;
  if (result.status === 'error')
    return result.steps.reduce((sum, step) => sum + step.durationMs, 0);
  return result.durationMs;
}
