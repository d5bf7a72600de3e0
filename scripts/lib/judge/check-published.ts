/**
 * Whether an ID or digest a page shows is Docker Hub's published value where it must be:
 * - where the run printed a look-alike's value (hermetic's mirror cannot have Docker Hub's),
 *   the page must show Docker Hub's value of the same part of the same image;
 * - anywhere, a shown value that starts like a published one (8 digits or more) must be it,
 *   never half real and half invented, and no longer than what is known of it;
 * - a published value shown where the run printed something that is not its look-alike
 *   stands for the wrong thing.
 * A block marked `example-values` shows examples: only its bindings hold. Pure.
 */

import { type PublishedContext, type PublishedValue, partKey } from '../config/published-values.ts';
import { hexOf, isSameValue } from './bind-ids.ts';

export type PublishedProblem =
  /** The run printed a look-alike of `published` here; the page shows another value. */
  | { kind: 'not-published'; published: PublishedValue }
  /** The shown value starts as `published` does, then goes on otherwise. */
  | { kind: 'half-published'; published: PublishedValue }
  /** The shown value is longer than what is known of `published`: its rest is unconfirmed. */
  | { kind: 'unconfirmed'; published: PublishedValue }
  /** The page shows `published` where the run printed something else. */
  | { kind: 'published-elsewhere'; published: PublishedValue };

/** How many leading digits make a shown value read as a published one. */
const recognisedDigits = 8;

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** `shown` against one published value it must be: undefined when it is that value. */
function compareWith(shown: string, published: PublishedValue): PublishedProblem | undefined {
  if (published.hex.startsWith(shown)) return undefined;
  if (shown.startsWith(published.hex)) return { kind: 'unconfirmed', published };
  return { kind: 'half-published', published };
}

export function checkPublished(
  shownText: string,
  actualText: string,
  context: PublishedContext,
): PublishedProblem | undefined {
  const shown = hexOf(shownText);
  const actual = hexOf(actualText);
  const stands = context.lookalikes
    ? [...context.lookalikes].flatMap(([hex, values]) => (isSameValue(hex, actual) ? values : []))
    : [];
  if (stands.length > 0) {
    const problems = stands.map((published) => compareWith(shown, published));
    if (problems.includes(undefined)) return undefined;
    const [first] = stands;
    const unconfirmed = problems.find((problem) => problem?.kind === 'unconfirmed');
    if (unconfirmed) return unconfirmed;
    return first ? { kind: 'not-published', published: first } : undefined;
  }
  const recognised = context.values.filter(
    (value) => commonPrefix(shown, value.hex) >= Math.min(recognisedDigits, shown.length),
  );
  if (recognised.length === 0 || shown.length < recognisedDigits) return undefined;
  const problems = recognised.map((published) => compareWith(shown, published));
  const exact = recognised.find((_, index) => problems[index] === undefined);
  if (exact) {
    const isServed = context.servedParts.has(partKey(exact.image, exact.role, exact.layer));
    return isServed ? { kind: 'published-elsewhere', published: exact } : undefined;
  }
  return problems.find((problem) => problem?.kind === 'unconfirmed') ?? problems[0];
}
