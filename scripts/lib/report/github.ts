import { appendFile } from 'node:fs/promises';
import { VerifyError } from '../core/errors.ts';
import { formatDuration } from '../core/format.ts';
import { countFlaky } from '../judge/results.ts';
import { findFlakyFindings, findPageFindings } from './findings.ts';
import { formatCounts } from './format-summary.ts';
import { formatAnnotation } from './github-commands.ts';
import { formatStepSummary } from './github-summary.ts';
import { hasSeveralLegs } from './legs.ts';
import type { Reporter, ReportTarget } from './reporter.ts';

export interface GithubReporterOptions {
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Annotations for GitHub Actions: an error on the command's line for each problem (with the
 * diff), a warning where a page that passed when run again failed before, a notice for each skip, and with GITHUB_STEP_SUMMARY set, a Markdown summary of the run.
 */
export function createGithubReporter(
  target: ReportTarget,
  { env = process.env }: GithubReporterOptions = {},
): Reporter {
  const print = (lines: readonly string[]) => {
    if (lines.length > 0) target.write(lines.map((line) => `${line}\n`).join(''));
  };
  // With several legs an annotation's title names the leg it is about.
  let onLeg = (_leg: string) => '';
  return {
    onRunStart(info) {
      if (hasSeveralLegs(info)) onLeg = (leg) => `[${leg}] `;
    },
    onDiagnostics(diagnostics) {
      print(
        diagnostics.map(({ code, message, position, hint }) =>
          formatAnnotation(
            'error',
            { file: position.file, line: position.line, col: position.column, title: code },
            hint ? `${message}\nhint: ${hint}` : message,
          ),
        ),
      );
    },
    onPageEnd(page) {
      const errors = findPageFindings(page).map((finding) => {
        const details = finding.details.map((line) => line.text).join('\n');
        return formatAnnotation(
          'error',
          { file: finding.file, line: finding.line, title: `${onLeg(page.leg)}${finding.summary}` },
          details || finding.summary,
        );
      });
      // A page that passed only when run again: a warning where it failed before.
      const flaky = findFlakyFindings(page).map((finding) =>
        formatAnnotation(
          'warning',
          { file: finding.file, line: finding.line, title: `${onLeg(page.leg)}${finding.summary}` },
          finding.details.map((line) => line.text).join('\n') || finding.summary,
        ),
      );
      const notices = page.results.flatMap((result) =>
        result.status === 'skipped' || result.status === 'unchecked'
          ? [
              formatAnnotation(
                'notice',
                {
                  file: result.snippet.file,
                  line: result.snippet.line,
                  title: `${onLeg(page.leg)}${result.status === 'skipped' ? 'Skipped' : 'Not checked'}`,
                },
                result.reason,
              ),
            ]
          : [],
      );
      print([...errors, ...flaky, ...notices]);
    },
    async onRunEnd(summary) {
      const refusals = summary.updates.flatMap((update) =>
        update.refused.map(({ line, reason }) =>
          formatAnnotation('warning', { file: update.file, line, title: 'Not updated' }, reason),
        ),
      );
      const unverified = summary.unverified.map((block) =>
        formatAnnotation(
          'warning',
          { file: block.file, line: block.line, title: 'Not verified' },
          block.reason,
        ),
      );
      const counts = formatCounts(
        summary.counts,
        summary.unverified.length,
        countFlaky(summary.pages),
      );
      const closing = `${counts} in ${formatDuration(summary.durationMs)}`;
      print([
        ...refusals,
        ...unverified,
        formatAnnotation('notice', { title: 'Verified examples' }, closing),
      ]);
      const path = env.GITHUB_STEP_SUMMARY;
      if (!path) return;
      await appendFile(path, formatStepSummary(summary)).catch((error: unknown) => {
        throw new VerifyError('WRITE_FAILED', `Cannot append the job summary to ${path}`, {
          cause: error,
        });
      });
    },
  };
}
