import { isColorEnabled, selectPalette } from './colors.ts';
import { findPageFindings } from './findings.ts';
import {
  formatClosingLines,
  formatDiagnosticLines,
  formatFinding,
  formatPageLine,
  formatRecords,
  formatRunHeader,
  formatSkipped,
  formatUnverified,
  formatUpdates,
} from './format-human.ts';
import { hasSeveralLegs } from './legs.ts';
import { createProgressLine } from './progress-line.ts';
import type { Reporter, ReportTarget, RunSummary } from './reporter.ts';

export interface HumanReporterOptions {
  env?: Readonly<Record<string, string | undefined>>;
}

/** Sections of the end of a run, separated by blank lines; empty ones are left out. */
function formatRunEnd(summary: RunSummary, palette: ReturnType<typeof selectPalette>): string[] {
  const isLegNamed = hasSeveralLegs(summary.info);
  const findings = summary.pages.flatMap(findPageFindings);
  const sections = [
    ...findings.map((finding) => formatFinding(finding, palette, isLegNamed)),
    formatSkipped(summary.pages, palette, isLegNamed),
    formatUnverified(summary.unverified, palette),
    summary.info.isUpdate ? formatUpdates(summary.updates, palette) : [],
    summary.info.isRecord ? formatRecords(summary.records, palette) : [],
    formatClosingLines(summary, palette),
  ];
  return sections.filter((lines) => lines.length > 0).flatMap((lines) => ['', ...lines]);
}

/**
 * The terminal report: one line per page as pages end, then what went wrong with diffs,
 * what was skipped and why, and a closing count. On a terminal, a status line shows which
 * page is running.
 */
export function createHumanReporter(
  target: ReportTarget,
  { env = process.env }: HumanReporterOptions = {},
): Reporter {
  const palette = selectPalette(isColorEnabled(target.isTty, env));
  const progress = createProgressLine(target);
  const print = (lines: readonly string[]) =>
    progress.write(lines.map((line) => `${line}\n`).join(''));
  let total = 0;
  let started = 0;
  let ended = 0;
  let isLegNamed = false;
  return {
    onRunStart(info) {
      isLegNamed = hasSeveralLegs(info);
      total = info.files.length * info.legs.length;
      print([...formatRunHeader(info).map((line) => palette.dim(line)), '']);
    },
    onDiagnostics(diagnostics) {
      print(formatDiagnosticLines(diagnostics, palette));
    },
    onPageStart(file, leg) {
      started++;
      const where = isLegNamed ? `${file} on ${leg}` : file;
      progress.show(`verifying ${started}/${total} pages · ${where}`);
    },
    onPageEnd(page) {
      ended++;
      if (ended === total) progress.clear();
      print([formatPageLine(page, palette, isLegNamed)]);
    },
    onRunEnd(summary) {
      progress.clear();
      print(formatRunEnd(summary, palette));
    },
    onClose() {
      progress.clear();
    },
  };
}
