/**
 * The real values `--update` writes: what the run printed, except where the page already
 * names the value (a named value, written as the page shows it; an ID the page showed before,
 * written as it showed it) or where the run printed a look-alike of a Docker Hub image (then
 * Docker Hub's published value). A shown value the checks found false is replaced, in its
 * documented line, by the real one; the rest of the line stays as written. Pure.
 */
import type { PublishedContext, PublishedValue } from '../config/published-values.ts';
import { describePart } from '../config/published-values.ts';
import { replaceValueToken } from '../core/named-values.ts';
import { hexOf, isSameValue } from '../judge/bind-ids.ts';
import type { PageResult, ShownValueProblem, StepOutcome } from '../judge/results.ts';

export type Restored = { ok: true; text: string } | { ok: false; reason: string };

const idToken = /sha256:[0-9a-f]{64}\b|\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g;

/** `hex` in the form of `printed`: as many digits, `sha256:` if it has it. */
function inFormOf(printed: string, hex: string): string {
  const digits = hexOf(printed).length;
  return `${printed.startsWith('sha256:') ? 'sha256:' : ''}${hex.slice(0, digits)}`;
}

export interface ValueRestorer {
  /** A printed line as `--update` writes it. */
  restoreLine(text: string): Restored;
  /** The documented lines of a step with their false values replaced, by index in the step. */
  fixLines(step: StepOutcome): Map<number, Restored>;
}

function publishedFor(
  printed: string,
  published: PublishedContext | undefined,
): PublishedValue | undefined {
  if (!published?.lookalikes) return undefined;
  const hex = hexOf(printed);
  for (const [lookalike, values] of published.lookalikes)
    if (isSameValue(lookalike, hex)) return values[0];
  return undefined;
}

export function createValueRestorer(page: PageResult): ValueRestorer {
  const named = page.values.filter(
    (value) => value.actual !== undefined && value.actual !== value.shown,
  );
  /** A printed ID as the page writes it. */
  const restoreId = (printed: string): Restored => {
    const digits = hexOf(printed).length;
    const hub = publishedFor(printed, page.published);
    if (hub) {
      if (hub.hex.length >= digits) return { ok: true, text: inFormOf(printed, hub.hex) };
      return {
        ok: false,
        reason: `${describePart(hub)} is known only as ${hub.hex}…, too short to write in place of ${printed}: a person must decide (show less of it, or mark the block example-values)`,
      };
    }
    const bound = page.ids.find((binding) => isSameValue(binding.actual, hexOf(printed)));
    if (bound && bound.shown.length >= digits)
      return { ok: true, text: inFormOf(printed, bound.shown) };
    return { ok: true, text: printed };
  };
  const restoreLine = (text: string): Restored => {
    let refusal: string | undefined;
    const ids = text.replace(idToken, (printed) => {
      const restored = restoreId(printed);
      if (restored.ok) return restored.text;
      refusal ??= restored.reason;
      return printed;
    });
    if (refusal) return { ok: false, reason: refusal };
    const line = named.reduce(
      (current, value) => replaceValueToken(current, value.actual ?? '', value.shown),
      ids,
    );
    return { ok: true, text: line };
  };
  const replacementOf = (problem: ShownValueProblem): Restored => {
    if (problem.kind === 'size') return { ok: true, text: problem.actual };
    // The page shows Docker Hub's value where the run printed another: write what it printed.
    if (problem.kind === 'published-elsewhere') return { ok: true, text: problem.actual };
    return restoreId(problem.actual);
  };
  return {
    restoreLine,
    fixLines(step) {
      const fixed = new Map<number, Restored>();
      const start = step.documentedLines?.start;
      if (start === undefined) return fixed;
      for (const problem of step.shownValueProblems) {
        const index = problem.line - start;
        const current = fixed.get(index) ?? { ok: true, text: step.documented[index] ?? '' };
        if (!current.ok) continue;
        const replacement = replacementOf(problem);
        fixed.set(
          index,
          replacement.ok
            ? { ok: true, text: replaceValueToken(current.text, problem.shown, replacement.text) }
            : replacement,
        );
      }
      return fixed;
    },
  };
}
