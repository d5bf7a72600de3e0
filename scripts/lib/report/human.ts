import { isColorEnabled, selectPalette } from './colors.ts';
import { findPageFindings } from './findings.ts';
import {
  formatClosingLines,
  formatDiagnosticLines,
  formatFinding,
  formatFlaky,
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
    formatFlaky(summary.pages, palette, isLegNamed),
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
 * what was skipped and why, and a closing count. On a terminal, each running page has a
 * live line (its leg, the page, the snippet it is at), replaced by its result line.
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
  let isLegNamed = false;
  // Each running page's line: `[3/12] 28.5/overlay2 · snippet 4 of 9 · images.mdx`.
  const numbers = new Map<string, number>();
  const keyOf = (file: string, leg: string) => `${leg}\n${file}`;
  const describeRunning = (file: string, leg: string, where: string) => {
    const number = numbers.get(keyOf(file, leg)) ?? 0;
    // The file last: a line too long for the terminal loses its middle, not the page's name.
    // Not coloured: escapes would count in its width, and cutting one would garble the line.
    return `[${number}/${total}] ${isLegNamed ? `${leg} · ` : ''}${where} · ${file}`;
  };
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
      numbers.set(keyOf(file, leg), started);
      progress.show(describeRunning(file, leg, 'starting'), keyOf(file, leg));
    },
    onPageProgress(file, leg, state) {
      const key = keyOf(file, leg);
      if (state.status === 'finished') progress.remove(key);
      else
        progress.show(
          describeRunning(file, leg, `snippet ${state.current} of ${state.total}`),
          key,
        );
    },
    onPageEnd(page) {
      progress.remove(keyOf(page.file, page.leg));
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
