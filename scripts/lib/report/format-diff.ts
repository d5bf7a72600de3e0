import type { StepOutcome } from '../judge/results.ts';
import type { StyledLine } from './colors.ts';

export type DiffLineKind = 'context' | 'removed' | 'added';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** The documented line's file line; for an added line, the line it would be inserted at. */
  fileLine: number;
}

export interface DiffHunk {
  fileLine: number;
  lines: DiffLine[];
}

export type DiffInput = Pick<StepOutcome, 'documented' | 'documentedLines' | 'comparison'>;

/**
 * Walks the comparison's alignment, so the diff shows as unchanged exactly what `--update`
 * keeps. Unchanged and `...` lines show the documented text as written (not the normalized
 * text that was compared), added lines the actual output as a terminal shows it.
 */
export function listDiffLines(step: DiffInput): DiffLine[] {
  const { comparison } = step;
  if (!comparison) return [];
  const start = step.documentedLines?.start ?? 1;
  let nextLine = start;
  const documentedLine = (expected: number) => {
    const origin = comparison.expected[expected]?.origin ?? 0;
    nextLine = start + origin + 1;
    return { text: step.documented[origin] ?? '', fileLine: start + origin };
  };
  return comparison.alignment.ops.map((op): DiffLine => {
    if (op.op === 'added') {
      return { kind: 'added', text: comparison.actual[op.actual]?.text ?? '', fileLine: nextLine };
    }
    return { kind: op.op === 'removed' ? 'removed' : 'context', ...documentedLine(op.expected) };
  });
}

/** Groups changed lines into hunks with `context` unchanged lines around each, like `diff -U`. */
export function groupHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const ranges: { start: number; end: number }[] = [];
  lines.forEach((line, index) => {
    if (line.kind === 'context') return;
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length, index + context + 1);
    const last = ranges.at(-1);
    if (last && start <= last.end) last.end = end;
    else ranges.push({ start, end });
  });
  return ranges.map(({ start, end }) => {
    const hunk = lines.slice(start, end);
    return { fileLine: hunk[0]?.fileLine ?? 1, lines: hunk };
  });
}

const markers: Record<DiffLineKind, string> = { context: ' ', removed: '-', added: '+' };

/** Renders hunks as a unified diff whose headers name the documented file line: `@@ a.mdx:12 @@`. */
export function formatDiff(file: string, hunks: readonly DiffHunk[]): StyledLine[] {
  return hunks.flatMap((hunk) => [
    { style: 'hunk' as const, text: `@@ ${file}:${hunk.fileLine} @@` },
    ...hunk.lines.map((line) => ({ style: line.kind, text: `${markers[line.kind]}${line.text}` })),
  ]);
}

/** The diff of a step's documented output against its actual output, empty when they match. */
export function diffStep(file: string, step: DiffInput, context = 3): StyledLine[] {
  if (!step.comparison || step.comparison.matches) return [];
  return formatDiff(file, groupHunks(listDiffLines(step), context));
}
