/**
 * Wildcards only the documented side may use: `[..]` inside a line matches any text on that
 * line; a line that is exactly `...` matches any number of lines, none included.
 */

export const lineWildcard = '[..]';
export const linesWildcard = '...';

export function isLinesWildcard(line: string): boolean {
  return line === linesWildcard;
}

const patterns = new Map<string, RegExp>();

function patternOf(expected: string): RegExp {
  let pattern = patterns.get(expected);
  if (!pattern) {
    const parts = expected
      .split(lineWildcard)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^${parts.join('.*')}$`, 's');
    patterns.set(expected, pattern);
  }
  return pattern;
}

/** Whether one normalized documented line matches one normalized actual line. */
export function lineMatches(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  return expected.includes(lineWildcard) && patternOf(expected).test(actual);
}
