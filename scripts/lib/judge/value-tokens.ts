/**
 * Values a redaction hides but the judge still checks: IDs and digests (bound per page) and
 * sizes (within a tolerance). While the redaction filters run, each such value stands in its
 * line as a marker of private-use characters that no other filter touches and no output
 * contains; the last filter turns the markers into the tokens lines are compared by
 * (`[ID]`, `[DIGEST]`, `[SIZE]`) and keeps the values, in the order they stand. Pure.
 */

export const valueKinds = ['id', 'digest', 'size'] as const;
export type ValueKind = (typeof valueKinds)[number];

/** A value as the output printed it, where a redaction filter found it. */
export interface ValueToken {
  kind: ValueKind;
  text: string;
}

const opener: Record<ValueKind, string> = { id: '\uE100', digest: '\uE102', size: '\uE103' };
const closer = '\uE101';
const firstIndex = 0xe200;
const token: Record<ValueKind, string> = { id: '[ID]', digest: '[DIGEST]', size: '[SIZE]' };

/** A marker of each kind, as a regular expression source: `(…)` captures the whole marker. */
export const markerSource: Record<ValueKind, string> = {
  id: `\\uE100[\\uE200-\\uEFFF]\\uE101`,
  digest: `\\uE102[\\uE200-\\uEFFF]\\uE101`,
  size: `\\uE103[\\uE200-\\uEFFF]\\uE101`,
};

const anyMarker = /[\uE100\uE102\uE103]([\uE200-\uEFFF])\uE101/gu;

/** The marker of the `index`-th value of a line. */
export function markValue(kind: ValueKind, index: number): string {
  return `${opener[kind]}${String.fromCharCode(firstIndex + index)}${closer}`;
}

/** The index of the value a marker (as `markValue` wrote it) stands for. */
export function indexOfMarker(marker: string): number {
  return (marker.codePointAt(1) ?? firstIndex) - firstIndex;
}

/**
 * Turns a line's markers into tokens: the text lines are compared by, and its values in the
 * order they now stand (filters may have moved or dropped none, but order is what counts).
 */
export function unmarkValues(
  marked: string,
  values: readonly ValueToken[],
): { text: string; values: ValueToken[] } {
  const ordered: ValueToken[] = [];
  const text = marked.replace(anyMarker, (marker) => {
    const value = values[indexOfMarker(marker)];
    if (!value) return marker;
    ordered.push(value);
    return token[value.kind];
  });
  return { text, values: ordered };
}

/** Whether a text holds markers (a value the redaction stage has not turned into a token). */
export function hasMarkers(text: string): boolean {
  anyMarker.lastIndex = 0;
  return anyMarker.test(text);
}
