import type { PublishedContext, PublishedValue } from '../config/published-values.ts';
import type { EnvironmentProblem, SourcePosition } from '../core/errors.ts';
import type { UncheckedCategory } from '../core/read-block.ts';
import type { FileLines, Snippet } from '../extract/snippet.ts';
import type { IdBinding } from './bind-ids.ts';
import { type Cause, isFailingCause } from './causes.ts';
import type { OutputComparison } from './compare-output.ts';

/**
 * `excluded`: the snippet's condition does not hold on this leg, so it did not run here
 * (neither a pass nor a skip: other legs may verify it; one no leg of the run verifies is
 * reported as not verified, see unverified-blocks.ts).
 */
export const statuses = [
  'pass',
  'drift',
  'failed',
  'timeout',
  'skipped',
  'unchecked',
  'excluded',
  'error',
] as const;
export type Status = (typeof statuses)[number];

/** A named value printed differently from where the page first printed it. */
export interface ValueMismatch {
  name: string;
  /** What the value was bound to, and the file line where it was first printed. */
  bound: { text: string; line: number };
  /** What it was here, and the file line. */
  found: { text: string; line: number };
}

/**
 * A value the page shows (an ID, a digest, a size) that is not true of the real output:
 * - `id-differs`: shown before, where it stood for another printed value (`first`);
 * - `ids-merge`: another shown value (`other`) stood for the same printed value before;
 * - `size`: more than the tolerance (a ratio) away from the printed size;
 * - `not-published`, `half-published`, `unconfirmed`, `published-elsewhere`: not Docker Hub's
 *   value of the image part it shows (judge/check-published.ts).
 */
export type ShownValueProblem = { line: number; shown: string; actual: string } & (
  | { kind: 'id-differs'; first: { line: number; actual: string } }
  | { kind: 'ids-merge'; other: { line: number; shown: string } }
  | { kind: 'size'; tolerance: number }
  | {
      kind: 'not-published' | 'half-published' | 'unconfirmed' | 'published-elsewhere';
      published: PublishedValue;
    }
);

/** What a named value was bound to on a page and leg (undefined: never printed). */
export interface ValueBinding {
  name: string;
  shown: string;
  actual: string | undefined;
  /** The file line of its first occurrence, when bound. */
  line: number | undefined;
}

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
  /** Named values printed differently from their first occurrence on the page (drift). */
  valueMismatches: ValueMismatch[];
  /** IDs, digests and sizes shown that are not true of the real output (drift). */
  shownValueProblems: ShownValueProblem[];
  /** A session that goes on in later fences: each fence's share, judged as a step of its own. */
  parts?: StepOutcome[] | undefined;
  /** Another page that is why it went wrong for a reader reading in order (judge/causes.ts). */
  causes?: Cause[] | undefined;
  durationMs: number;
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
  /** A shell-looking fence that is shown but cannot run: never a pass, always reported. */
  | { status: 'unchecked'; snippet: Snippet; category: UncheckedCategory; reason: string }
  | { status: 'excluded'; snippet: Snippet; reason: string }
  | {
      status: 'error';
      snippet: Snippet;
      problem: EnvironmentProblem;
      steps: StepOutcome[];
      /** Where the problem is when it is not at a command (a fence option, say). */
      position?: SourcePosition | undefined;
    };

export interface PageResult {
  file: string;
  /** The name of the leg (the Docker) the page ran on. */
  leg: string;
  results: SnippetResult[];
  /** The page's named values as this leg printed them. */
  values: ValueBinding[];
  /** The IDs and digests the page shows, each bound to what this leg printed in its place. */
  ids: IdBinding[];
  /** Docker Hub's published values the run held the page to, for `--update` to write. */
  published?: PublishedContext | undefined;
  durationMs: number;
  /** When the page's first command started (ms since the epoch), if one ran. */
  firstCommandAt?: number | undefined;
  /**
   * With `--retries`: the runs of the page before this one, each of which failed (oldest
   * first). This result is the last attempt; the page is flaky when it passed.
   */
  earlierAttempts?: PageResult[] | undefined;
}

export type StatusCounts = Record<Status, number>;

export function countStatuses(pages: readonly PageResult[]): StatusCounts {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts;
  for (const page of pages) for (const result of page.results) counts[result.status]++;
  return counts;
}

/** Whether a page's run went wrong: a snippet failed its reader, or the environment got in the way. */
export function isPageBroken(page: PageResult): boolean {
  const counts = countStatuses([page]);
  return countFailed(counts) + counts.error > 0;
}

/** A page that failed, then passed when run again (`--retries`). */
export function isPageFlaky(page: PageResult): boolean {
  return (page.earlierAttempts?.length ?? 0) > 0 && !isPageBroken(page);
}

/** How many pages passed only when run again. */
export function countFlaky(pages: readonly PageResult[]): number {
  return pages.filter(isPageFlaky).length;
}

/** Drift, a wrong exit code and a timeout are all the documentation failing its reader. */
export function countFailed(counts: StatusCounts): number {
  return counts.drift + counts.failed + counts.timeout;
}

/**
 * The run's exit code: 2 when the environment or the documents had a problem (an error, a
 * page or fence that could not be read) or when nothing at all was verified (no snippet ran
 * or was skipped: a pattern that matched nothing useful must not pass silently, unless the
 * run is one shard of several, which may get no page that runs); 1 when the documentation
 * failed its reader; else 0.
 */
export function decideExitCode(
  counts: StatusCounts,
  hasProblems: boolean,
  isShard = false,
): number {
  if (counts.error > 0 || hasProblems || (!isShard && isNothingVerified(counts))) return 2;
  return countFailed(counts) > 0 ? 1 : 0;
}

/** No snippet ran or was skipped by the page's choice: only fences that cannot run, or none. */
export function isNothingVerified(counts: StatusCounts): boolean {
  return counts.pass + countFailed(counts) + counts.skipped + counts.error === 0;
}

/** A step is wrong when its exit code or its output is not what the page documents. */
export function isStepWrong(step: StepOutcome): boolean {
  return (
    step.exitCode !== step.expectedExitCode ||
    step.comparison?.matches === false ||
    step.valueMismatches.length > 0 ||
    step.shownValueProblems.length > 0 ||
    (step.causes ?? []).some(isFailingCause)
  );
}

/** Statuses of results that hold no commands: nothing ran (each says why). */
export function isNotRun(
  result: SnippetResult,
): result is Extract<SnippetResult, { status: 'skipped' | 'excluded' | 'unchecked' }> {
  return (
    result.status === 'skipped' || result.status === 'excluded' || result.status === 'unchecked'
  );
}
