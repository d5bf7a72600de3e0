import { describe, expect, it } from 'vitest';
import {
  countStatuses,
  decideExitCode,
  type StatusCounts,
} from '../../../scripts/lib/judge/results.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({
  ...countStatuses([]),
  ...partial,
});

describe('decideExitCode', () => {
  it.each([
    ['everything passed', counts({ pass: 3, unchecked: 1 }), false, false, 0],
    ['drift', counts({ pass: 3, drift: 1 }), false, false, 1],
    ['an environment error, even beside drift', counts({ drift: 1, error: 1 }), false, false, 2],
    ['a problem in the documents', counts({ pass: 3 }), true, false, 2],
    ['nothing verified: only fences that cannot run', counts({ unchecked: 2 }), false, false, 2],
    ['nothing at all', counts({}), false, false, 2],
    ['a page skipped on purpose', counts({ skipped: 2 }), false, false, 0],
    ['a shard that got nothing that runs', counts({ unchecked: 1 }), false, true, 0],
  ])('%s', (_name, given, hasProblems, isShard, expected) => {
    expect(decideExitCode(given, hasProblems, isShard)).toBe(expected);
  });
});
