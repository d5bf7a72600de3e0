import type { DockerEngine } from './engine/engine.ts';

export interface RunPagesOptions<Task, Result> {
  /** Tasks at once in all, already within what the engines allow (see clampJobs). */
  jobs: number;
  /** Indexes of `tasks` in the order to start them; results stay in task order. */
  startOrder: readonly number[];
  signal: AbortSignal;
  /** The engine a task runs on: never more of its tasks at once than it allows. */
  engineOf(task: Task): Pick<DockerEngine, 'maxParallelPages'>;
  /** Verifies one task (a page on a leg): plan, run, judge. */
  run(task: Task): Promise<Result>;
  onStart(task: Task): void;
  /** Called once per task, in task order, as soon as it and all before it are done. */
  onEnd(result: Result): void;
  /**
   * Beyond `jobs`, up to `ceiling` tasks: every `intervalMs` while tasks wait, one more
   * starts if `mayStart` says the machine has room (see plan/extra-pages.ts).
   */
  extra?: ExtraTasks | undefined;
}

export interface ExtraTasks {
  ceiling: number;
  intervalMs: number;
  mayStart(running: number): boolean;
}

/** How many pages run at once: as many as asked, never more than the engines allow, one at least. */
export function clampJobs(
  requested: number,
  engines: readonly Pick<DockerEngine, 'maxParallelPages'>[],
): number {
  const allowed = engines.reduce((sum, engine) => sum + engine.maxParallelPages, 0);
  return Math.max(1, Math.min(requested, allowed));
}

/**
 * Runs tasks (pages × legs) `jobs` at a time, each engine within its own limit, starting
 * them in `startOrder` as far as the limits allow, and hands results back in task order, so
 * reports read the same whatever the parallelism. After an abort no new task starts; the
 * returned list then holds the tasks that finished.
 */
export function runPages<Task, Result>(
  tasks: readonly Task[],
  options: RunPagesOptions<Task, Result>,
): Promise<Result[]> {
  const results: (Result | undefined)[] = Array(tasks.length).fill(undefined);
  const waiting = options.startOrder.filter((index) => tasks[index] !== undefined);
  const busy = new Map<Pick<DockerEngine, 'maxParallelPages'>, number>();
  let running = 0;
  let nextToReport = 0;
  const reportReady = () => {
    while (nextToReport < tasks.length && results[nextToReport] !== undefined) {
      const result = results[nextToReport];
      if (result !== undefined) options.onEnd(result);
      nextToReport++;
    }
  };
  const hasRoom = (index: number) => {
    const engine = options.engineOf(tasks[index] as Task);
    return (busy.get(engine) ?? 0) < engine.maxParallelPages;
  };
  return new Promise((resolve, reject) => {
    let ticker: ReturnType<typeof setInterval> | undefined;
    const takeNext = () => {
      const at = waiting.findIndex(hasRoom);
      if (at === -1) return false;
      const [index = 0] = waiting.splice(at, 1);
      start(index, tasks[index] as Task);
      return true;
    };
    const startNext = () => {
      if (options.signal.aborted) waiting.length = 0;
      let started = true;
      while (running < options.jobs && started) started = takeNext();
      if (waiting.length === 0 && ticker) {
        clearInterval(ticker);
        ticker = undefined;
      }
      if (running === 0) resolve(results.filter((result) => result !== undefined));
    };
    const { extra } = options;
    if (extra && extra.ceiling > options.jobs) {
      ticker = setInterval(() => {
        if (options.signal.aborted || waiting.length === 0) startNext();
        else if (running >= options.jobs && running < extra.ceiling && extra.mayStart(running))
          takeNext();
      }, extra.intervalMs);
      ticker.unref();
    }
    const start = (index: number, task: Task) => {
      const engine = options.engineOf(task);
      busy.set(engine, (busy.get(engine) ?? 0) + 1);
      running++;
      options.onStart(task);
      options.run(task).then(
        (result) => {
          results[index] = result;
          busy.set(engine, (busy.get(engine) ?? 1) - 1);
          running--;
          reportReady();
          startNext();
        },
        (error) => {
          if (ticker) clearInterval(ticker);
          reject(error);
        },
      );
    };
    startNext();
  });
}
