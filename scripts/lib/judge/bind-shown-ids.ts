/**
 * Binds the IDs and digests a page shows across its commands, in the page's order, on one
 * leg (bind-ids.ts): a step that shows one value for two printed ones, or two values for one
 * printed one, drifts, naming both places. Pure.
 */
import { createIdBinder, type IdBinding } from './bind-ids.ts';
import {
  isNotRun,
  type ShownValueProblem,
  type SnippetResult,
  type StepOutcome,
} from './results.ts';

function bindStep(step: StepOutcome, binder: ReturnType<typeof createIdBinder>): StepOutcome {
  const problems: ShownValueProblem[] = [];
  const firstLine = step.documentedLines?.start ?? step.line;
  for (const pair of step.comparison?.pairs ?? []) {
    if (pair.kind === 'size') continue;
    const line = firstLine + pair.origin;
    const place = { line, shown: pair.shown, actual: pair.actual };
    const outcome = binder.bind(pair.shown, pair.actual, line);
    if (outcome.status === 'differs')
      problems.push({
        ...place,
        kind: 'id-differs',
        first: { line: outcome.first.line, actual: outcome.first.actual },
      });
    else if (outcome.status === 'merges')
      problems.push({
        ...place,
        kind: 'ids-merge',
        other: { line: outcome.other.line, shown: outcome.other.shown },
      });
  }
  if (problems.length === 0) return step;
  return { ...step, shownValueProblems: [...step.shownValueProblems, ...problems] };
}

/** Walks the page's results in order; a passing snippet that shows a false value drifts. */
export function bindShownIds(results: readonly SnippetResult[]): {
  results: SnippetResult[];
  ids: IdBinding[];
} {
  const binder = createIdBinder();
  const judged = results.map((result): SnippetResult => {
    if (isNotRun(result)) return result;
    const steps = result.steps.map((step) => bindStep(step, binder));
    const hasProblem = steps.some((step) => step.shownValueProblems.length > 0);
    if (result.status === 'pass' && hasProblem) return { ...result, status: 'drift', steps };
    return { ...result, steps };
  });
  return { results: judged, ids: binder.bindings() };
}
