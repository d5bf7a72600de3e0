import type { Figure, Goal } from './benchmark.ts';
import { pairedRatios, ratioOfMedians, summarize } from './stats.ts';

export interface Measured {
  label: string;
  samples: readonly number[];
}

/** A time over rounds: its median and min–max. */
export function timeFigure({ label, samples }: Measured): Figure {
  const { median, min, max } = summarize(samples);
  return { label, value: median, unit: 'ms', spread: { min, max } };
}

/**
 * `numerator` against its baseline `denominator`, measured side by side: the ratio of the
 * medians, spread by the ratios of each round's pair, then both times.
 */
export function compareFigures(
  label: string,
  numerator: Measured,
  denominator: Measured,
  goal?: Goal,
): Figure[] {
  const ratios = summarize(pairedRatios(numerator.samples, denominator.samples));
  return [
    {
      label,
      value: ratioOfMedians(numerator.samples, denominator.samples),
      unit: 'ratio',
      spread: { min: ratios.min, max: ratios.max },
      ...(goal ? { goal } : {}),
    },
    timeFigure(numerator),
    timeFigure(denominator),
  ];
}
