/**
 * Binds a page's named values on one leg: the first place the page shows a value binds it
 * to what the command really printed there; every later place must print the same, or the
 * step drifts, naming the value and both texts. Pure.
 */
import type { NamedValue } from '../core/named-values.ts';
import {
  isNotRun,
  type SnippetResult,
  type StepOutcome,
  type ValueBinding,
  type ValueMismatch,
} from './results.ts';

interface Bound {
  text: string;
  line: number;
}

function bindStep(step: StepOutcome, bound: Map<string, Bound>): StepOutcome {
  const captured = step.comparison?.values ?? [];
  if (captured.length === 0) return step;
  const mismatches: ValueMismatch[] = [];
  for (const value of captured) {
    const line = (step.documentedLines?.start ?? step.line) + value.origin;
    const first = bound.get(value.name);
    if (!first) bound.set(value.name, { text: value.text, line });
    else if (first.text !== value.text)
      mismatches.push({ name: value.name, bound: first, found: { text: value.text, line } });
  }
  return mismatches.length === 0
    ? step
    : { ...step, valueMismatches: [...step.valueMismatches, ...mismatches] };
}

export interface BoundResults {
  results: SnippetResult[];
  bindings: ValueBinding[];
}

/** Walks the page's results in order; a passing snippet with a mismatch becomes drift. */
export function bindValues(
  results: readonly SnippetResult[],
  values: readonly NamedValue[],
): BoundResults {
  const bound = new Map<string, Bound>();
  const bindings = (): ValueBinding[] =>
    values.map((value) => ({
      name: value.name,
      shown: value.shown,
      actual: bound.get(value.name)?.text,
      line: bound.get(value.name)?.line,
    }));
  if (values.length === 0) return { results: [...results], bindings: [] };
  // Values are bound by name: the page's own, and the versions a `docker version` shows.
  const judged = results.map((result): SnippetResult => {
    if (isNotRun(result)) return result;
    const steps = result.steps.map((step) => bindStep(step, bound));
    const hasMismatch = steps.some((step) => step.valueMismatches.length > 0);
    if (result.status === 'pass' && hasMismatch) return { ...result, status: 'drift', steps };
    return { ...result, steps };
  });
  return { results: judged, bindings: bindings() };
}
