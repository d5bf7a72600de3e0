import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../scripts/lib/report/dispatch.ts';
import type { Reporter, RunSummary } from '../../../scripts/lib/report/reporter.ts';

function recording(name: string, log: string[], delayMs = 0): Reporter {
  const wait = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  return {
    onPageStart: (file) => void log.push(`${name} start ${file}`),
    async onRunEnd() {
      await wait();
      log.push(`${name} end`);
    },
    async onClose() {
      log.push(`${name} close`);
    },
  };
}

describe('createDispatcher', () => {
  it('hands each event to every reporter in order, awaiting each ending one before the next', async () => {
    const log: string[] = [];
    const dispatch = createDispatcher([recording('slow', log, 20), {}, recording('fast', log)]);
    dispatch.onPageStart('a.md', 'sandbox');
    dispatch.onPageEnd({
      file: 'a.md',
      leg: 'sandbox',
      results: [],
      values: [],
      ids: [],
      durationMs: 1,
    });
    await dispatch.onRunEnd({} as RunSummary);
    await dispatch.onClose();
    expect(log).toEqual([
      'slow start a.md',
      'fast start a.md',
      'slow end',
      'fast end',
      'slow close',
      'fast close',
    ]);
  });

  it('stops at a reporter that fails, and the failure is the caller’s', async () => {
    const log: string[] = [];
    const failing: Reporter = {
      onClose: () => Promise.reject(new Error('disk full')),
    };
    const dispatch = createDispatcher([failing, recording('after', log)]);
    await expect(dispatch.onClose()).rejects.toThrow('disk full');
    expect(log).toEqual([]);
  });
});
