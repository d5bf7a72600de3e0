/**
 * Named values: facts of the machine (the kernel release, the engine's version) that a page
 * shows with a realistic value and that must be the same wherever the page prints them.
 * Frontmatter declares them: `verify: { values: { KERNEL: { shown: "6.8.0-45-generic",
 * pattern: "\\d+\\.\\d+\\S*" } } }`. Pure; shared by the verifier and the site.
 */

export interface NamedValue {
  name: string;
  /** The value the page shows, one token: what readers see. */
  shown: string;
  /** A regular expression for one token of the value on any machine. */
  pattern: string;
}

/** Where a shown value stands in a line of documented output: columns, half-open. */
export interface ValueOccurrence {
  name: string;
  start: number;
  end: number;
}

export const valueNamePattern = /^[A-Z][A-Z0-9_]*$/;

/** A character that would make a shown value part of a longer token, e.g. `v` in `v29.0.0`. */
const tokenCharacter = '[\\w.+-]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a value's pattern; `undefined` when it is not a valid regular expression. */
export function compileValuePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined;
  }
}

/** Why a declared value cannot be used, and which of its fields is at fault; or `undefined`. */
export function checkNamedValue(
  value: Pick<NamedValue, 'shown' | 'pattern'>,
): { field: 'shown' | 'pattern'; message: string } | undefined {
  const compiled = compileValuePattern(value.pattern);
  if (!compiled)
    return { field: 'pattern', message: `\`${value.pattern}\` is not a valid regular expression` };
  if (!compiled.test(value.shown))
    return {
      field: 'shown',
      message: `the shown value \`${value.shown}\` does not fit its pattern \`${value.pattern}\``,
    };
  return undefined;
}

const finders = new Map<string, RegExp>();

function finderOf(shown: string): RegExp {
  let finder = finders.get(shown);
  if (!finder) {
    finder = new RegExp(`(?<!${tokenCharacter})${escapeRegExp(shown)}(?!${tokenCharacter})`, 'gu');
    finders.set(shown, finder);
  }
  return finder;
}

/**
 * The shown values in a line, left to right. A value counts where its shown text stands as a
 * token of its own: `29.0.0` in `"Version": "29.0.0",`, not in `v29.0.0` or `29.0.0.1`.
 */
export function findValueOccurrences(
  line: string,
  values: readonly NamedValue[],
): ValueOccurrence[] {
  const found: ValueOccurrence[] = [];
  for (const value of values) {
    for (const match of line.matchAll(finderOf(value.shown))) {
      found.push({ name: value.name, start: match.index, end: match.index + value.shown.length });
    }
  }
  // Values can overlap only across a character such as `/` (`linux/amd64` and `amd64`): the
  // leftmost, then the longest, wins.
  const kept: ValueOccurrence[] = [];
  for (const occurrence of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (occurrence.start >= (kept.at(-1)?.end ?? 0)) kept.push(occurrence);
  }
  return kept;
}

/** Replaces each token equal to `from` with `to`, with the same token rule as above. */
export function replaceValueToken(line: string, from: string, to: string): string {
  return line.replace(finderOf(from), () => to);
}
