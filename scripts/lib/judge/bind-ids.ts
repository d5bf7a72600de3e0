/**
 * IDs and digests a page shows, bound to what its commands printed in their places, per page
 * and leg (as snapbox's redactions and byexample's captures, with no configuration): the
 * same shown value must be the same printed value everywhere, and two different shown values
 * must be two different printed values. A short ID and the long one it starts, or a digest
 * and its 12-digit form, are one value (`4c1d6e5b8a37` is `sha256:4c1d6e5b8a37…`). Pure.
 */

/** An ID or digest's hex digits: `sha256:` dropped. */
export function hexOf(text: string): string {
  return text.replace(/^sha256:/, '').toLowerCase();
}

/** Two hex values are one when one starts the other. */
export function isSameValue(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** A shown value and the printed one it stands for, with the longest form seen of each. */
export interface IdBinding {
  shown: string;
  actual: string;
  /** The file line where the page first showed it. */
  line: number;
}

export type BindOutcome =
  | { status: 'bound' }
  /** The page showed this value before, and it stood for another printed value there. */
  | { status: 'differs'; first: IdBinding }
  /** Another shown value stood for this printed value before. */
  | { status: 'merges'; other: IdBinding };

export interface IdBinder {
  bind(shown: string, actual: string, line: number): BindOutcome;
  /** The printed value a shown one (or a prefix of one, 4 digits or more) stands for. */
  actualOf(shown: string): string | undefined;
  /** The shown value a printed one stands behind. */
  shownOf(actual: string): string | undefined;
  bindings(): IdBinding[];
}

const longer = (a: string, b: string) => (b.length > a.length ? b : a);

export function createIdBinder(): IdBinder {
  const entries: IdBinding[] = [];
  return {
    bind(shownText, actualText, line) {
      const shown = hexOf(shownText);
      const actual = hexOf(actualText);
      const same = entries.find((entry) => isSameValue(entry.shown, shown));
      if (same) {
        if (!isSameValue(same.actual, actual)) return { status: 'differs', first: { ...same } };
        same.shown = longer(same.shown, shown);
        same.actual = longer(same.actual, actual);
        return { status: 'bound' };
      }
      const other = entries.find((entry) => isSameValue(entry.actual, actual));
      if (other) return { status: 'merges', other: { ...other } };
      entries.push({ shown, actual, line });
      return { status: 'bound' };
    },
    actualOf(shown) {
      const hex = hexOf(shown);
      if (hex.length < 4) return undefined;
      return entries.find((entry) => entry.shown.startsWith(hex))?.actual;
    },
    shownOf(actual) {
      const hex = hexOf(actual);
      return entries.find((entry) => isSameValue(entry.actual, hex))?.shown;
    },
    bindings: () => entries.map((entry) => ({ ...entry })),
  };
}
