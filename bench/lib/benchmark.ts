/**
 * What a benchmark is and what it hands back. Figures are data, judged against their goal
 * here and printed or written elsewhere (table.ts, results-file.ts).
 */

export const benchmarkNames = [
  'harness',
  'peer',
  'parallel',
  'matrix',
  'scale',
  'site',
  'record',
  'watch',
  'sources',
  'machine',
  'suite',
] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

export const units = ['ratio', 'ms', 'bytes', 'score'] as const;
export type Unit = (typeof units)[number];

export interface Goal {
  comparison: 'at-most' | 'at-least';
  value: number;
}

/** One headline number: a median over rounds, its spread, and the goal it is held to. */
export interface Figure {
  label: string;
  value: number;
  unit: Unit;
  spread?: { min: number; max: number };
  goal?: Goal;
}

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface BenchmarkReport {
  figures: Figure[];
  tables: Table[];
  /** What a reader must know to trust the figures: failed runs, skipped parts, causes. */
  notes: string[];
}

export type BenchmarkOutcome =
  | ({ status: 'done'; name: BenchmarkName; title: string; durationMs: number } & BenchmarkReport)
  | { status: 'failed'; name: BenchmarkName; title: string; durationMs: number; message: string };

export interface BenchContext {
  /** Measured rounds per variant, after one warm-up round. */
  rounds: number;
  /** The project root; benchmarks run the project's own scripts from here. */
  root: string;
  /** Progress, for the terminal (stderr); not part of the results. */
  log(message: string): void;
}

export interface Benchmark {
  name: BenchmarkName;
  title: string;
  run(context: BenchContext): Promise<BenchmarkReport>;
}

export type GoalStatus = 'met' | 'missed' | 'none';

export function checkGoal(figure: Figure): GoalStatus {
  const { goal } = figure;
  if (!goal) return 'none';
  const isMet =
    goal.comparison === 'at-most' ? figure.value <= goal.value : figure.value >= goal.value;
  return isMet ? 'met' : 'missed';
}
