/**
 * Statistics of repeated timings. The median, not the mean: a run slowed down by another job
 * on the machine moves the mean, not the median. The spread is shown as min–max, so a noisy
 * figure looks noisy.
 */

export interface Summary {
  count: number;
  median: number;
  min: number;
  max: number;
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** `numerator`'s median over `denominator`'s: how many times the baseline a variant takes. */
export function ratioOfMedians(
  numerator: readonly number[],
  denominator: readonly number[],
): number {
  return median(numerator) / median(denominator);
}

/**
 * The ratio of each round's pair, measured side by side: its min–max shows how much the
 * ratio itself moved from round to round, which the medians alone hide.
 */
export function pairedRatios(
  numerator: readonly number[],
  denominator: readonly number[],
): number[] {
  return numerator.flatMap((value, index) => {
    const base = denominator[index];
    return base === undefined || base === 0 ? [] : [value / base];
  });
}
