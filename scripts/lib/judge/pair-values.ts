/**
 * Which printed value stands where the page shows one: in a documented line that matches an
 * actual line, each ID, digest or size the page shows is paired with the one the command
 * printed in its place. Both lines come out of the redact stage with markers where their
 * values stood (value-tokens.ts); the documented line, read as a pattern (its `[..]` and
 * named values as what they match, each of its markers as "a marker of the same kind"), is
 * matched against the actual one, and each group names the actual marker. Pure.
 */
import type { NamedValue } from '../core/named-values.ts';
import { lineWildcard } from '../core/wildcards.ts';
import type { Line } from './filters.ts';
import {
  indexOfMarker,
  markerSource,
  type ValueKind,
  type ValueToken,
  valueKinds,
} from './value-tokens.ts';

/** A value the page shows and what the command printed in its place. */
export interface ValuePair {
  kind: ValueKind;
  shown: string;
  actual: string;
  /** Index of the documented raw line it stands in. */
  origin: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const markerKinds = new Map<string, ValueKind>([
  ['\uE100', 'id'],
  ['\uE102', 'digest'],
  ['\uE103', 'size'],
]);
const placeholder = /^\uE000(\d+)\uE001$/u;
const parts = new RegExp(
  `(\uE000\\d+\uE001|${escapeRegExp(lineWildcard)}|${valueKinds.map((kind) => markerSource[kind]).join('|')})`,
  'u',
);

/** The documented line as a pattern, and which documented value each group is. */
function compile(expected: string, values: readonly NamedValue[]) {
  const shown: number[] = [];
  const source = expected
    .split(parts)
    .map((part, index) => {
      if (index % 2 === 0) return escapeRegExp(part);
      if (part === lineWildcard) return '.*?';
      const named = placeholder.exec(part)?.[1];
      if (named !== undefined) return `(?:${values[Number(named)]?.pattern ?? '.*?'})`;
      const kind = markerKinds.get(part[0] ?? '') ?? 'id';
      shown.push(indexOfMarker(part));
      return `(${markerSource[kind]})`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 'su'), shown };
}

/**
 * The values of a documented line paired with those of the actual line it matched. A pair
 * whose documented line no longer matches as a pattern (it cannot, once both matched as
 * text) gives none.
 */
export function pairValues(
  expected: Line,
  actual: Line,
  values: readonly NamedValue[] = [],
): ValuePair[] {
  const shownValues = expected.values ?? [];
  if (shownValues.length === 0 || expected.marked === undefined) return [];
  const { pattern, shown } = compile(expected.marked, values);
  const match = pattern.exec(actual.marked ?? '');
  if (!match) return [];
  const printed = actual.values ?? [];
  return shown.flatMap((shownIndex, group) => {
    const marker = match[group + 1] ?? '';
    const printedValue: ValueToken | undefined = printed[indexOfMarker(marker)];
    const shownValue = shownValues[shownIndex];
    if (!printedValue || !shownValue) return [];
    return [
      {
        kind: shownValue.kind,
        shown: shownValue.text,
        actual: printedValue.text,
        origin: expected.origin,
      },
    ];
  });
}
