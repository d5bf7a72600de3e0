import { describe, expect, it } from 'vitest';
import { clampJobs, type ExtraTasks, runPages } from '../../../scripts/lib/run/run-pages.ts';

interface Task {
  name: string;
  engine: { maxParallelPages: number };
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs tasks and records what ran at once, per engine and in all. */
async function schedule(
  tasks: Task[],
  jobs: number,
  startOrder = tasks.map((_, i) => i),
  extra?: ExtraTasks,
) {
  const running = new Map<object, number>();
  const peaks = new Map<object, number>();
  let all = 0;
  let peak = 0;
  const started: string[] = [];
  const ended: string[] = [];
  const results = await runPages(tasks, {
    jobs,
    startOrder,
    signal: new AbortController().signal,
    engineOf: (task) => task.engine,
    async run(task) {
      running.set(task.engine, (running.get(task.engine) ?? 0) + 1);
      peaks.set(task.engine, Math.max(peaks.get(task.engine) ?? 0, running.get(task.engine) ?? 0));
      peak = Math.max(peak, ++all);
      await sleep(task.ms);
      running.set(task.engine, (running.get(task.engine) ?? 1) - 1);
      all--;
      return task.name;
    },
    onStart: (task) => started.push(task.name),
    onEnd: (name) => ended.push(name),
    extra,
  });
  return { results, started, ended, peak, peaks };
}

describe('runPages', () => {
  const sandbox = { maxParallelPages: 4 };
  const host = { maxParallelPages: 1 };

  it('keeps every engine within its limit and the run within --jobs, results in task order', async () => {
    const tasks: Task[] = [
      { name: 'host a', engine: host, ms: 20 },
      { name: 'host b', engine: host, ms: 5 },
      { name: 'sandbox a', engine: sandbox, ms: 5 },
      { name: 'sandbox b', engine: sandbox, ms: 20 },
      { name: 'sandbox c', engine: sandbox, ms: 5 },
    ];
    const run = await schedule(tasks, 3);
    expect(run.peak).toBe(3);
    expect(run.peaks.get(host)).toBe(1);
    expect(run.results).toEqual(tasks.map((task) => task.name));
    expect(run.ended).toEqual(tasks.map((task) => task.name));
    // The second host page waits for the first; sandbox pages go ahead of it meanwhile.
    expect(run.started.slice(0, 3)).toEqual(['host a', 'sandbox a', 'sandbox b']);
  });

  it('starts tasks in the order it is given', async () => {
    const tasks = ['a', 'b', 'c'].map((name) => ({ name, engine: sandbox, ms: 1 }));
    expect((await schedule(tasks, 1, [2, 0, 1])).started).toEqual(['c', 'a', 'b']);
  });

  it('starts nothing new after an abort and returns what finished', async () => {
    const controller = new AbortController();
    const tasks = ['a', 'b', 'c'].map((name) => ({ name, engine: sandbox, ms: 5 }));
    const results = await runPages(tasks, {
      jobs: 1,
      startOrder: [0, 1, 2],
      signal: controller.signal,
      engineOf: (task) => task.engine,
      run: async (task) => {
        controller.abort();
        await sleep(task.ms);
        return task.name;
      },
      onStart: () => {},
      onEnd: () => {},
    });
    expect(results).toEqual(['a']);
  });

  it('starts more than --jobs while the machine has room, one per interval, up to the ceiling', async () => {
    const tasks = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, engine: sandbox, ms: 60 }));
    const asked: number[] = [];
    const mayStart = (running: number) => {
      asked.push(running);
      return true;
    };
    const run = await schedule(tasks, 1, undefined, { ceiling: 3, intervalMs: 5, mayStart });
    expect(run.peak).toBe(3);
    expect(run.results).toEqual(tasks.map((task) => task.name));
    expect(Math.max(...asked)).toBeLessThan(3);
  });

  it('starts no more than --jobs while the machine says it is busy', async () => {
    const tasks = ['a', 'b', 'c', 'd'].map((name) => ({ name, engine: sandbox, ms: 30 }));
    let asked = 0;
    const run = await schedule(tasks, 2, undefined, {
      ceiling: 4,
      intervalMs: 5,
      mayStart: () => {
        asked++;
        return false;
      },
    });
    expect(run.peak).toBe(2);
    expect(asked).toBeGreaterThan(0);
    expect(run.results).toEqual(tasks.map((task) => task.name));
  });

  it('clamps --jobs to what the engines allow together', () => {
    expect(clampJobs(8, [sandbox])).toBe(4);
    expect(clampJobs(8, [sandbox, host])).toBe(5);
    expect(clampJobs(2, [sandbox, sandbox])).toBe(2);
    expect(clampJobs(0, [host])).toBe(1);
  });
});
