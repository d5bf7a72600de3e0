/**
 * Named values in the comparison of one command's output: documented lines show a value's
 * realistic text, which stands for any text its pattern allows; what that text was in the
 * actual output is captured, for the page to bind (bind-values.ts). Pure.
 */
import { findValueOccurrences, type NamedValue } from '../core/named-values.ts';
import { lineMatches, lineWildcard } from '../core/wildcards.ts';
import type { Line } from './filters.ts';

/** What a documented value's place held in the actual output. */
export interface CapturedValue {
  name: string;
  /** The actual text, after redactions (a value is a fact redactions leave alone). */
  text: string;
  /** Index of the documented raw line it stands in. */
  origin: number;
}

// Private-use characters: no filter touches them and no output contains them.
const placeholder = (index: number) => `\uE000${index}\uE001`;
const placeholders = /\uE000(\d+)\uE001/;

/** Puts a placeholder where each value is shown, before redaction filters can touch it. */
export function markValues(lines: readonly Line[], values: readonly NamedValue[]): Line[] {
  if (values.length === 0) return [...lines];
  return lines.map((line) => {
    let text = '';
    let at = 0;
    for (const occurrence of findValueOccurrences(line.text, values)) {
      const index = values.findIndex((value) => value.name === occurrence.name);
      text += line.text.slice(at, occurrence.start) + placeholder(index);
      at = occurrence.end;
    }
    return { ...line, text: text + line.text.slice(at) };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledLine {
  pattern: RegExp;
  /** The value of each capture group `v0`, `v1`, ..., in order. */
  names: string[];
}

function compileLine(expected: string, values: readonly NamedValue[]): CompiledLine {
  const names: string[] = [];
  const source = expected
    .split(new RegExp(`(${placeholders.source}|${escapeRegExp(lineWildcard)})`, 'u'))
    .map((part, index) => {
      // split() with groups interleaves the separators and their inner group: skip those.
      if (index % 3 === 2) return '';
      if (part === lineWildcard) return '.*';
      const valueIndex = placeholders.exec(part)?.[1];
      const value = valueIndex === undefined ? undefined : values[Number(valueIndex)];
      if (!value) return escapeRegExp(part);
      names.push(value.name);
      return `(?<v${names.length - 1}>(?:${value.pattern}))`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 'su'), names };
}

export interface ValueMatcher {
  /** Whether a documented line (normalized, with placeholders) matches an actual one. */
  matches(expected: string, actual: string): boolean;
  /** The values a matching pair of lines holds, in order. */
  capture(expected: string, actual: string): { name: string; text: string }[];
}

/** A line matcher that knows the page's named values; without values, the plain one. */
export function createValueMatcher(values: readonly NamedValue[]): ValueMatcher {
  const compiled = new Map<string, CompiledLine>();
  const compiledOf = (expected: string) => {
    let line = compiled.get(expected);
    if (!line) {
      line = compileLine(expected, values);
      compiled.set(expected, line);
    }
    return line;
  };
  const hasValue = (expected: string) => values.length > 0 && placeholders.test(expected);
  return {
    matches: (expected, actual) =>
      hasValue(expected)
        ? compiledOf(expected).pattern.test(actual)
        : lineMatches(expected, actual),
    capture(expected, actual) {
      if (!hasValue(expected)) return [];
      const { pattern, names } = compiledOf(expected);
      const groups = pattern.exec(actual)?.groups ?? {};
      return names.map((name, index) => ({ name, text: groups[`v${index}`] ?? '' }));
    },
  };
}
