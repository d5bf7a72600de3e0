import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { type ProcessResult, runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';
import type { Notes } from './notes.ts';
import type { Variant } from './rounds.ts';

export interface VerifyRun extends ProcessResult {
  /** The run's own report; absent when it stopped before writing one. */
  report: JsonReport | undefined;
  /** When the process was spawned (ms since the epoch), to time its start against the report. */
  spawnedAt: number;
}

/**
 * Start-up: from spawning the verifier to its first command (the earliest page's, as its
 * report gives it), module loading, preflight, daemon and page set-up included; undefined
 * when no command ran.
 */
export function startupOf(run: Pick<VerifyRun, 'report' | 'spawnedAt'>): number | undefined {
  const firsts = (run.report?.pages ?? []).flatMap((page) =>
    page.firstCommandAt === null ? [] : [page.firstCommandAt],
  );
  return firsts.length === 0 ? undefined : Math.min(...firsts) - run.spawnedAt;
}

/**
 * Runs the verifier CLI as `npm run verify` does (minus npm), with its human report as usual
 * and a JSON report on the side for the counts and each page's time.
 */
async function runVerify(
  root: string,
  args: readonly string[],
  options: { timeoutMs: number; env?: Record<string, string> | undefined },
): Promise<VerifyRun> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-'));
  const reportFile = join(folder, 'report.json');
  try {
    const command = verifyCommand(root, [
      ...args,
      '--reporter',
      'human',
      '--reporter',
      `json=${reportFile}`,
    ]);
    const spawnedAt = performance.timeOrigin + performance.now();
    const run = await runProcess(process.execPath, command.args, {
      cwd: root,
      env: { ...command.env, ...options.env },
      timeoutMs: options.timeoutMs,
    });
    const text = await readFile(reportFile, 'utf8').catch(() => undefined);
    return { ...run, report: text ? (JSON.parse(text) as JsonReport) : undefined, spawnedAt };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A run that did not pass, in a line: exit code, the statuses that occurred, its last words. */
export function describeFailure(run: VerifyRun): string {
  const counts = Object.entries(run.report?.counts ?? {})
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const how = run.timedOut ? 'timed out' : `exit ${run.exitCode}`;
  return `${how}${counts ? ` (${counts})` : ''}: ${tailOf(run.all, 3).replaceAll('\n', ' / ')}`;
}

export interface VerifyVariantOptions {
  timeoutMs: number;
  notes: Notes;
  /** Added to the verifier's environment, e.g. DOCKER_HOST for `--docker host`. */
  env?: Record<string, string>;
  /**
   * Called with each measured run's report (not the warm-up's), e.g. to collect page times,
   * and the run itself (its spawn time, for startupOf).
   */
  onReport?(report: JsonReport, run: VerifyRun): void;
}

/**
 * A variant that runs the verifier with `args`. A run that drifts or fails is a note (its time
 * still counts: the same commands ran). A run that hangs past the timeout, or ends with a
 * usage or environment error (exit 2: no daemon, an image it cannot pull), is an error: its
 * commands did not all run, so its time measures nothing.
 */
export function verifyVariant(
  name: string,
  root: string,
  args: readonly string[],
  options: VerifyVariantOptions,
): Variant {
  return {
    name,
    async run(info) {
      const run = await runVerify(root, args, { timeoutMs: options.timeoutMs, env: options.env });
      if (run.timedOut || run.exitCode === 2) throw new Error(`${name}: ${describeFailure(run)}`);
      if (run.exitCode !== 0) options.notes.add(`${name} did not pass`, describeFailure(run));
      if (run.report && !info.isWarmup) options.onReport?.(run.report, run);
      return run.durationMs;
    },
  };
}
