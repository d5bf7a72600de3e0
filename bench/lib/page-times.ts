/** Page file → its times, one per measured round, in round order. */
export type PageTimes = Map<string, number[]>;

/** Appends one round's time of the page `file`. */
export function addPageTime(times: PageTimes, file: string, ms: number): void {
  times.set(file, [...(times.get(file) ?? []), ms]);
}
