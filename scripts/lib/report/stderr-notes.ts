import { formatPosition } from '../core/errors.ts';
import { isNothingVerified } from '../judge/results.ts';
import { selectPalette } from './colors.ts';
import { findPageFindings } from './findings.ts';
import { formatDiagnosticLines } from './format-human.ts';
import { formatCounts } from './format-summary.ts';
import type { Reporter, ReportTarget } from './reporter.ts';

/**
 * What a person must see even when only document reporters run (`--reporter json`): problems
 * in the documents, environment errors one line each, and the closing counts, on stderr, so
 * the document on stdout stays whole.
 */
export function createStderrNotes(target: ReportTarget): Reporter {
  const palette = selectPalette(false);
  const print = (lines: readonly string[]) =>
    target.write(lines.map((line) => `${line}\n`).join(''));
  return {
    onDiagnostics(diagnostics) {
      print(formatDiagnosticLines(diagnostics, palette));
    },
    onRunEnd(summary) {
      const errors = summary.pages
        .flatMap(findPageFindings)
        .filter((finding) => finding.status === 'error');
      print(errors.map((finding) => `${formatPosition(finding)}: error: ${finding.summary}`));
      print([formatCounts(summary.counts)]);
      if (isNothingVerified(summary.counts)) print(['nothing was verified: no snippet could run']);
    },
  };
}
