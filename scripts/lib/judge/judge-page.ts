import { formatPosition } from '../core/errors.ts';
import { listNamedValues } from '../core/options.ts';
import type { PlannedSnippet } from '../plan/plan-page.ts';
import type { PageRun, SnippetOutcome } from '../run/run-page.ts';
import type { SnippetRun } from '../run/run-snippet.ts';
import { bindValues } from './bind-values.ts';
import { judgeCommand } from './judge-command.ts';
import type { PageResult, SnippetResult, StepOutcome } from './results.ts';

type PlannedRun = Extract<PlannedSnippet, { action: 'run' }>;

/**
 * A snippet's status from its commands' raw outcomes: an error where one could not start or
 * hit an environment problem, a timeout where one hung, else failed (an exit code the page
 * does not document), drift (output it does not document) or pass. Pure.
 */
export function judgeSnippet(planned: PlannedRun, run: SnippetRun): SnippetResult {
  const { snippet } = planned;
  const steps: StepOutcome[] = [];
  for (const [index, command] of run.commands.entries()) {
    const step = planned.steps[index];
    if (!step) break;
    const { result } = command;
    if (!result.hasStarted) {
      const problem = { code: 'SANDBOX_FAILED' as const, message: result.shortMessage };
      return { status: 'error', snippet, steps, problem };
    }
    const judged = judgeCommand(step, result, command.isDaemonAlive);
    steps.push(judged.outcome);
    if (result.timedOut) return { status: 'timeout', snippet, steps, durationMs: run.durationMs };
    if (judged.problem) return { status: 'error', snippet, steps, problem: judged.problem };
  }
  const isFailed = steps.some((step) => step.exitCode !== step.expectedExitCode);
  const isDrift = steps.some((step) => step.comparison?.matches === false);
  const status = isFailed ? 'failed' : isDrift ? 'drift' : 'pass';
  return { status, snippet, steps, durationMs: run.durationMs };
}

function judgeOutcome(
  planned: PlannedSnippet,
  outcome: SnippetOutcome | undefined,
  stoppedBy: string | undefined,
): SnippetResult | undefined {
  const { snippet } = planned;
  if (planned.action === 'exclude') {
    // A file fence for other legs is simply not written here.
    if (snippet.body.kind === 'file') return undefined;
    return { status: 'excluded', snippet, reason: planned.reason };
  }
  if (planned.action === 'write') {
    if (outcome?.kind !== 'write-failed') return undefined;
    const message = `Cannot write ${planned.path}: ${outcome.detail}`;
    return { status: 'error', snippet, steps: [], problem: { code: 'WRITE_FAILED', message } };
  }
  if (stoppedBy) {
    const reason = `not run: the page stopped after a timeout at ${stoppedBy}`;
    return { status: 'skipped', snippet, reason };
  }
  if (planned.action === 'skip') return { status: 'skipped', snippet, reason: planned.reason };
  if (outcome?.kind !== 'ran') return undefined;
  return judgeSnippet(planned, outcome);
}

/**
 * Turns a page's raw run into results, one per snippet that runs, is skipped or is left to
 * other legs (a file that was written has none; one that could not be written is an error),
 * then binds the page's named values across them. When the page's Docker world could not be
 * set up, every snippet of this leg has that problem. Pure.
 */
export function judgePage(run: PageRun): PageResult {
  const { plan } = run;
  const values = listNamedValues(plan.page.options);
  const finish = (results: SnippetResult[]): PageResult => {
    const bound = bindValues(results, values);
    return {
      file: plan.page.file,
      leg: plan.leg,
      results: bound.results,
      values: bound.bindings,
      durationMs: run.durationMs,
    };
  };
  const problem = run.setupProblem;
  if (problem) {
    return finish(
      plan.snippets.flatMap((planned): SnippetResult[] => {
        if (planned.action === 'write') return [];
        if (planned.action === 'exclude') {
          const result = judgeOutcome(planned, undefined, undefined);
          return result ? [result] : [];
        }
        return [{ status: 'error', snippet: planned.snippet, steps: [], problem }];
      }),
    );
  }
  const stop = run.stoppedAt === undefined ? undefined : plan.snippets[run.stoppedAt];
  const stoppedBy = stop && formatPosition(stop.snippet);
  const results = plan.snippets.map((planned, index) =>
    judgeOutcome(
      planned,
      run.snippets[index],
      index > (run.stoppedAt ?? Infinity) ? stoppedBy : undefined,
    ),
  );
  return finish(results.filter((result) => result !== undefined));
}
