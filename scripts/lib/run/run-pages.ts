import type { DockerEngine } from './engine/engine.ts';

export interface RunPagesOptions<Task, Result> {
  /** Tasks at once, already within what the engine allows (see clampJobs). */
  jobs: number;
  /** Indexes of `tasks` in the order to start them; results stay in task order. */
  startOrder: readonly number[];
  signal: AbortSignal;
  /** Verifies one task (a page): plan, run, judge. */
  run(task: Task): Promise<Result>;
  onStart(task: Task): void;
  /** Called once per task, in task order, as soon as it and all before it are done. */
  onEnd(result: Result): void;
}

/** How many pages run at once: as many as asked, never more than the engine allows, one at least. */
export function clampJobs(
  requested: number,
  engine: Pick<DockerEngine, 'maxParallelPages'>,
): number {
  return Math.max(1, Math.min(requested, engine.maxParallelPages));
}

/**
 * Runs tasks `jobs` at a time, starting them in `startOrder`, and hands results back in task
 * order, so reports read the same whatever the parallelism. After an abort no new task
 * starts; the returned list then holds the tasks that finished.
 */
export async function runPages<Task, Result>(
  tasks: readonly Task[],
  options: RunPagesOptions<Task, Result>,
): Promise<Result[]> {
  const results: (Result | undefined)[] = Array(tasks.length).fill(undefined);
  let started = 0;
  let nextToReport = 0;
  const reportReady = () => {
    while (nextToReport < tasks.length && results[nextToReport] !== undefined) {
      const result = results[nextToReport];
      if (result !== undefined) options.onEnd(result);
      nextToReport++;
    }
  };
  const worker = async () => {
    while (started < tasks.length && !options.signal.aborted) {
      const index = options.startOrder[started++] ?? -1;
      const task = tasks[index];
      if (task === undefined) continue;
      options.onStart(task);
      results[index] = await options.run(task);
      reportReady();
    }
  };
  const workers = Math.max(1, Math.min(options.jobs, tasks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results.filter((result) => result !== undefined);
}
