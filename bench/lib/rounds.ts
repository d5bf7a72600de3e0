/**
 * Runs variants side by side: every round runs each variant once, so whatever else loads the
 * machine meanwhile weighs on all of them alike. The order turns from round to round (AB, BA,
 * AB…), so neither variant always runs on the caches the other one warmed. A warm-up round
 * first fills the caches (page cache, image store, compiled modules) and is not counted.
 */

export interface RoundInfo {
  /** 0 for warm-up rounds, then 1…rounds. */
  round: number;
  isWarmup: boolean;
}

export interface Variant {
  name: string;
  /** Runs the variant once and returns what to count: its milliseconds (setup left out), say. */
  run(info: RoundInfo): Promise<number>;
}

export interface RoundsOptions {
  rounds: number;
  warmupRounds?: number;
  /** After each run, with what it returned. */
  onRun?(event: RoundInfo & { variant: string; ms: number }): void;
}

/** The variants in the order round `round` runs them: rotated by one each round. */
export function orderOfRound<T>(variants: readonly T[], round: number): T[] {
  if (variants.length === 0) return [];
  const shift = round % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** Milliseconds per variant, one per measured round, in round order. */
export async function runRounds(
  variants: readonly Variant[],
  options: RoundsOptions,
): Promise<Map<string, number[]>> {
  const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  const warmupRounds = options.warmupRounds ?? 1;
  for (let index = 0; index < warmupRounds + options.rounds; index++) {
    const isWarmup = index < warmupRounds;
    const round = isWarmup ? 0 : index - warmupRounds + 1;
    for (const variant of orderOfRound(variants, index)) {
      const ms = await variant.run({ round, isWarmup });
      options.onRun?.({ round, variant: variant.name, ms, isWarmup });
      if (!isWarmup) samples.get(variant.name)?.push(ms);
    }
  }
  return samples;
}

/** Wall-clock milliseconds of `work`. */
export async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
