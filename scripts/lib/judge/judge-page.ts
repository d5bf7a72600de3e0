import { type Diagnostic, type EnvironmentProblem, formatPosition } from '../core/errors.ts';
import type { NamedValue } from '../core/named-values.ts';
import { listNamedValues } from '../core/options.ts';
import type { Snippet } from '../extract/snippet.ts';
import type { PagePlan, PlannedSnippet } from '../plan/plan-page.ts';
import type { PageRun, SnippetOutcome } from '../run/run-page.ts';
import type { SnippetRun } from '../run/run-snippet.ts';
import { bindShownIds } from './bind-shown-ids.ts';
import { bindValues } from './bind-values.ts';
import type { CommandJudgement } from './judge-command.ts';
import type { PageResult, SnippetResult, StepOutcome } from './results.ts';

type PlannedRun = Extract<PlannedSnippet, { action: 'run' }>;

/** The page's named values and those its steps have on this leg (versions), once each. */
function listPlannedValues(plan: PagePlan): NamedValue[] {
  const byName = new Map(listNamedValues(plan.page.options).map((value) => [value.name, value]));
  for (const planned of plan.snippets)
    if (planned.action === 'run')
      for (const step of planned.steps)
        for (const value of step.values) if (!byName.has(value.name)) byName.set(value.name, value);
  return [...byName.values()];
}

/** A page as it ran, each command with the verdict judge-command.ts gave it. */
export type JudgedRun = PageRun<CommandJudgement>;

/**
 * A snippet's status from its commands' verdicts: an error where one could not start or
 * hit an environment problem, a timeout where one hung, else failed (an exit code the page
 * does not document), drift (output it does not document) or pass. Pure.
 */
export function judgeSnippet(
  planned: PlannedRun,
  run: SnippetRun<CommandJudgement>,
): SnippetResult {
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
    const judged = command.verdict;
    steps.push(judged.outcome);
    if (result.timedOut) return { status: 'timeout', snippet, steps, durationMs: run.durationMs };
    if (judged.problem) return { status: 'error', snippet, steps, problem: judged.problem };
  }
  const isFailed = steps.some((step) => step.exitCode !== step.expectedExitCode);
  const isDrift = steps.some(
    (step) => step.comparison?.matches === false || step.shownValueProblems.length > 0,
  );
  const status = isFailed ? 'failed' : isDrift ? 'drift' : 'pass';
  return { status, snippet, steps, durationMs: run.durationMs };
}

/** A fence with problems: an error at the first problem's position, all of them in its message. */
function judgeInvalid(snippet: Snippet, diagnostics: readonly Diagnostic[]): SnippetResult {
  const [first] = diagnostics;
  const problem: EnvironmentProblem = {
    code: first?.code ?? 'INVALID_OPTION',
    message: diagnostics.map((diagnostic) => diagnostic.message).join('; '),
    ...(first?.hint ? { hint: first.hint } : {}),
  };
  return { status: 'error', snippet, steps: [], problem, position: first?.position };
}

/**
 * A fence typed into a session an earlier fence started: its share of that session's
 * screen, judged when the session ran (judge-command.ts); skipped when it did not.
 */
function judgeContinuation(
  planned: Extract<PlannedSnippet, { action: 'continue' }>,
  session: SnippetResult | undefined,
): SnippetResult {
  const { snippet } = planned;
  const steps = session && 'steps' in session ? session.steps : [];
  const part = steps
    .flatMap((step) => step.parts ?? [])
    .find((candidate) => candidate.line === snippet.line + 1);
  if (!part) {
    const reason = `not run: the session it goes on (line ${planned.of}) did not run here`;
    return { status: 'skipped', snippet, reason };
  }
  const isDrift = part.comparison?.matches === false || part.shownValueProblems.length > 0;
  return { status: isDrift ? 'drift' : 'pass', snippet, steps: [part], durationMs: 0 };
}

function judgeOutcome(
  planned: PlannedSnippet,
  outcome: SnippetOutcome<CommandJudgement> | undefined,
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
  if (planned.action === 'unchecked') {
    const { category, reason } = planned;
    return { status: 'unchecked', snippet, category, reason };
  }
  if (planned.action === 'invalid') return judgeInvalid(snippet, planned.diagnostics);
  if (planned.action === 'continue') return undefined;
  if (outcome?.kind !== 'ran') return undefined;
  return judgeSnippet(planned, outcome);
}

/**
 * Turns a page's run into results, one per snippet that runs, is skipped or is left to
 * other legs (a file that was written has none; one that could not be written is an error),
 * then binds the page's named values across them. When the page's Docker world could not be
 * set up, every snippet of this leg has that problem. Pure.
 */
export function judgePage(run: JudgedRun): PageResult {
  const { plan } = run;
  const values = listPlannedValues(plan);
  const finish = (results: SnippetResult[]): PageResult => {
    const bound = bindValues(results, values);
    const shown = bindShownIds(bound.results);
    return {
      file: plan.page.file,
      leg: plan.leg,
      results: shown.results,
      values: bound.bindings,
      ids: shown.ids,
      published: plan.published,
      durationMs: run.durationMs,
    };
  };
  const problem = run.setupProblem;
  if (problem) {
    const results = plan.snippets.map((planned) =>
      planned.action === 'run'
        ? { status: 'error' as const, snippet: planned.snippet, steps: [], problem }
        : judgeOutcome(planned, undefined, undefined),
    );
    return finish(results.filter((result) => result !== undefined));
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
  const continued = plan.snippets.map((planned, index) => {
    if (planned.action !== 'continue' || index > (run.stoppedAt ?? Infinity)) return results[index];
    const session = plan.snippets.findIndex((other) => other.snippet.line === planned.of);
    return judgeContinuation(planned, results[session]);
  });
  return finish(continued.filter((result) => result !== undefined));
}
