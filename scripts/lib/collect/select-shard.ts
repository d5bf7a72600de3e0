export interface Shard {
  index: number;
  total: number;
}

/**
 * Picks the pages of one shard. Pages are dealt, heaviest first, to the lightest shard (by
 * number of commands), ties broken by path, so shards take about the same time, every page
 * lands in exactly one shard, and the same pages always give the same split.
 */
export function selectShard<T extends { file: string; weight: number }>(
  pages: readonly T[],
  shard: Shard,
): T[] {
  const loads = Array.from({ length: shard.total }, () => 0);
  const chosen: T[] = [];
  const ordered = [...pages].sort(
    (a, b) => b.weight - a.weight || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  for (const page of ordered) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] = (loads[lightest] ?? 0) + Math.max(page.weight, 1);
    if (lightest === shard.index - 1) chosen.push(page);
  }
  return pages.filter((page) => chosen.includes(page));
}
