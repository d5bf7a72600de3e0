import type { ErrorCode } from '../core/errors.ts';
import type { FileLines, Snippet } from '../extract/snippet.ts';
import type { OutputComparison } from './compare-output.ts';

export const statuses = ['pass', 'drift', 'failed', 'timeout', 'skipped', 'error'] as const;
export type Status = (typeof statuses)[number];

/** One command of a snippet, run. */
export interface StepOutcome {
  command: string;
  /** Line of the command (the prompt line of a transcript, the first line of a script). */
  line: number;
  expectedExitCode: number;
  /** `undefined` when the command did not finish (timeout). */
  exitCode: number | undefined;
  /** Transcript steps only: documented vs actual output. */
  comparison: OutputComparison | undefined;
  /** What the command printed, as a terminal finally shows it (for scripts, the only record). */
  output: string[];
  /** Documented lines as written, and where: what `--update` rewrites. */
  documented: string[];
  documentedLines: FileLines | undefined;
  durationMs: number;
}

export interface EnvironmentProblem {
  code: ErrorCode;
  message: string;
  hint?: string;
}

/** The outcome of a snippet: a value, never an exception. */
export type SnippetResult =
  | {
      status: 'pass' | 'drift' | 'failed' | 'timeout';
      snippet: Snippet;
      steps: StepOutcome[];
      durationMs: number;
    }
  | { status: 'skipped'; snippet: Snippet; reason: string }
  | { status: 'error'; snippet: Snippet; problem: EnvironmentProblem; steps: StepOutcome[] };

export interface PageResult {
  file: string;
  results: SnippetResult[];
  durationMs: number;
}

export type StatusCounts = Record<Status, number>;

export function countStatuses(pages: readonly PageResult[]): StatusCounts {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts;
  for (const page of pages) for (const result of page.results) counts[result.status]++;
  return counts;
}

/** Drift, a wrong exit code and a timeout are all the documentation failing its reader. */
export function countFailed(counts: StatusCounts): number {
  return counts.drift + counts.failed + counts.timeout;
}

/** A step is wrong when its exit code or its output is not what the page documents. */
export function isStepWrong(step: StepOutcome): boolean {
  return step.exitCode !== step.expectedExitCode || step.comparison?.matches === false;
}
