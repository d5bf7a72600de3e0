/**
 * Version ranges as fences write them: comparators joined by `,` (and), e.g. `>=28`,
 * `>=26.1, <29`, `28.5`. A partial version stands for its whole series, as in npm: `28`
 * is every 28.x.y, so `<=28` includes 28.5.2 and `>28` starts at 29. Pure.
 */

export const comparators = ['>=', '<=', '>', '<', '='] as const;
export type Comparator = (typeof comparators)[number];

/** Numbers of a version, most significant first: `28.5.2` is [28, 5, 2]. */
type Parts = readonly number[];

export interface VersionRange {
  /** The range as written, spaces normalised: `>=26.1, <29`. */
  text: string;
  /** Lowest version in the range, included; none: no lower bound. */
  from: Parts | undefined;
  /** First version past the range, excluded; none: no upper bound. */
  until: Parts | undefined;
}

export type RangeParseResult = { ok: true; range: VersionRange } | { ok: false; message: string };

const partialVersion = /^\d+(?:\.\d+){0,2}$/;

/** The leading `1.2.3` of a version as Docker reports it (`26.1.5+dfsg1`, `28.5.2-rc.1`). */
export function parseVersionParts(version: string): Parts | undefined {
  const leading = /^v?(\d+(?:\.\d+)*)/.exec(version.trim())?.[1];
  return leading?.split('.').map(Number);
}

function compareParts(a: Parts, b: Parts): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The first version after a series: 28 → 29, 28.5 → 28.6. */
function nextSeries(parts: Parts): Parts {
  return [...parts.slice(0, -1), (parts.at(-1) ?? 0) + 1];
}

const laterOf = (a: Parts | undefined, b: Parts | undefined) =>
  a === undefined ? b : b === undefined || compareParts(a, b) >= 0 ? a : b;
const earlierOf = (a: Parts | undefined, b: Parts | undefined) =>
  a === undefined ? b : b === undefined || compareParts(a, b) <= 0 ? a : b;

/** One comparator as the interval [from, until) it allows. */
function boundsOf(comparator: Comparator, parts: Parts): Pick<VersionRange, 'from' | 'until'> {
  const next = nextSeries(parts);
  if (comparator === '>=') return { from: parts, until: undefined };
  if (comparator === '>') return { from: next, until: undefined };
  if (comparator === '<') return { from: undefined, until: parts };
  if (comparator === '<=') return { from: undefined, until: next };
  return { from: parts, until: next };
}

export function parseVersionRange(text: string): RangeParseResult {
  const terms = text.split(',').map((term) => term.trim());
  let from: Parts | undefined;
  let until: Parts | undefined;
  const written: string[] = [];
  for (const term of terms) {
    const comparator = comparators.find((candidate) => term.startsWith(candidate));
    const version = term.slice(comparator?.length ?? 0).trim();
    if (!partialVersion.test(version)) {
      return {
        ok: false,
        message: `Unexpected \`${term}\`, expected a comparator (>=, >, <=, <, =) and a version such as 28 or 26.1, joined by commas`,
      };
    }
    const parts = version.split('.').map(Number);
    const bounds = boundsOf(comparator ?? '=', parts);
    from = laterOf(from, bounds.from);
    until = earlierOf(until, bounds.until);
    written.push(`${comparator ?? ''}${version}`);
  }
  const range = { text: written.join(', '), from, until };
  if (from && until && compareParts(from, until) >= 0) {
    return { ok: false, message: `No version is ${range.text}` };
  }
  return { ok: true, range };
}

/** Whether a version (as Docker reports it) is in the range; an unreadable one is not. */
export function isVersionInRange(version: string, range: VersionRange): boolean {
  const parts = parseVersionParts(version);
  if (!parts) return false;
  return (
    (!range.from || compareParts(parts, range.from) >= 0) &&
    (!range.until || compareParts(parts, range.until) < 0)
  );
}

/** Whether some version of a series (`28.5`: every 28.5.x) is in the range. */
export function isSeriesInRange(series: string, range: VersionRange): boolean {
  const parts = parseVersionParts(series);
  if (!parts) return false;
  const from = laterOf(parts, range.from) ?? parts;
  const until = earlierOf(nextSeries(parts), range.until) ?? nextSeries(parts);
  return compareParts(from, until) < 0;
}
