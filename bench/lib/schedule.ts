/**
 * How long pages take when `workers` of them run at once, each worker taking the next page
 * in order as soon as it is free (as the verifier's runPages does). From the pages' times
 * alone, with no contention: the best a parallel run of these pages can do.
 */
export function scheduleInOrder(durations: readonly number[], workers: number): number {
  const freeAt = Array.from({ length: Math.max(1, workers) }, () => 0);
  for (const duration of durations) {
    const earliest = Math.min(...freeAt);
    freeAt[freeAt.indexOf(earliest)] = earliest + duration;
  }
  return Math.max(...freeAt);
}
