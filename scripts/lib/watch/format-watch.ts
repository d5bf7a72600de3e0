/** The lines watch mode prints after a saved page ran again. Pure. */
import { formatPosition } from '../core/errors.ts';
import type { PageResult } from '../judge/results.ts';
import type { Palette } from '../report/colors.ts';
import { formatFinding, formatPageLine } from '../report/format-human.ts';
import { formatWhere } from '../report/legs.ts';
import type { RunChanges } from './compare-runs.ts';

const clock = (date: Date) => date.toTimeString().slice(0, 8);

/** `[14:02:11] docs/a.md saved`: the heading of a re-run. */
export function formatSaved(file: string, at: Date, palette: Palette): string {
  return palette.dim(`[${clock(at)}] ${file} saved`);
}

/** New problems in full; fixed ones and those as before, one line each; then the verdict. */
export function formatRerun(
  changes: RunChanges,
  pages: readonly PageResult[],
  palette: Palette,
  isLegNamed: boolean,
): string[] {
  const lines = [
    ...changes.fixed.map(
      (fixed) =>
        `${palette.pass('✓')} ${palette.heading(formatWhere(fixed, fixed.leg, isLegNamed))}  fixed (was ${fixed.was}): ${palette.dim(`$ ${fixed.command}`)}`,
    ),
    ...changes.added.flatMap((finding) => formatFinding(finding, palette, isLegNamed)),
  ];
  const same = changes.unchanged;
  if (same.length > 0) {
    const where = same.map((finding) => formatWhere(finding, finding.leg, isLegNamed)).join(', ');
    const problems = same.length === 1 ? '1 problem' : `${same.length} problems`;
    lines.push(palette.dim(`${problems} as before: ${where}`));
  }
  return [...lines, ...pages.map((page) => formatPageLine(page, palette, isLegNamed))];
}

/** Blocks whose text changed since the record proved them: the record no longer covers them. */
export function formatStaleRecord(
  file: string,
  lines: readonly number[],
  command: string,
  palette: Palette,
): string[] {
  if (lines.length === 0) return [];
  const where = lines.map((line) => formatPosition({ file, line })).join(', ');
  const blocks = lines.length === 1 ? 'block' : 'blocks';
  return [
    `${palette.skip('record')} ${where}  ${blocks} changed since the verification record proved ${lines.length === 1 ? 'it' : 'them'}: ${palette.dim(`run \`${command}\``)}`,
  ];
}
