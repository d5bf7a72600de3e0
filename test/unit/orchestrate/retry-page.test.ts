import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { retryPage } from '../../../scripts/lib/orchestrate/retry-page.ts';
import { pages } from '../report/sample-results.ts';

// The sample run's first page passes; its second has a drift and a failure.
const [passing, failing] = pages as [PageResult, PageResult];

/** An attempt function that returns the given results in turn, counting its calls. */
function attemptsOf(...results: PageResult[]) {
  let calls = 0;
  const attempt = async () => {
    const result = results[Math.min(calls, results.length - 1)] as PageResult;
    calls++;
    return { ...result, durationMs: calls };
  };
  return { attempt, calls: () => calls };
}

describe('retryPage', () => {
  it('runs a passing page once and returns it as it is', async () => {
    const run = attemptsOf(passing);
    const result = await retryPage(run.attempt, 3);
    expect(run.calls()).toBe(1);
    expect(result.earlierAttempts).toBeUndefined();
  });

  it('runs a failing page again until it passes, keeping the failed attempts in order', async () => {
    const run = attemptsOf(failing, failing, passing);
    const result = await retryPage(run.attempt, 3);
    expect(run.calls()).toBe(3);
    expect(result.file).toBe(passing.file);
    expect(result.earlierAttempts?.map((attempt) => attempt.durationMs)).toEqual([1, 2]);
  });

  it('stops after the retries it was given, the last failure being the result', async () => {
    const run = attemptsOf(failing);
    const result = await retryPage(run.attempt, 2);
    expect(run.calls()).toBe(3);
    expect(result.durationMs).toBe(3);
    expect(result.earlierAttempts).toHaveLength(2);
  });

  it('never runs again without retries, or once the run is interrupted', async () => {
    const once = attemptsOf(failing, passing);
    expect((await retryPage(once.attempt, 0)).earlierAttempts).toBeUndefined();
    expect(once.calls()).toBe(1);
    const interrupted = attemptsOf(failing, passing);
    await retryPage(interrupted.attempt, 5, () => false);
    expect(interrupted.calls()).toBe(1);
  });
});
