import { formatBytes, formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { Figure, Goal, Unit } from './benchmark.ts';

const byUnit: Record<Unit, (value: number) => string> = {
  ratio: (value) => `${value.toFixed(3)}×`,
  ms: formatMeasuredDuration,
  bytes: formatBytes,
  score: (value) => String(Math.round(value)),
};

export function formatValue(value: number, unit: Unit): string {
  return byUnit[unit](value);
}

/** `min – max` in `unit`. */
export function formatRange(min: number, max: number, unit: Unit): string {
  return `${formatValue(min, unit)} – ${formatValue(max, unit)}`;
}

export function formatSpread(figure: Figure): string {
  if (!figure.spread) return '';
  return formatRange(figure.spread.min, figure.spread.max, figure.unit);
}

export function formatGoal(goal: Goal | undefined, unit: Unit): string {
  if (!goal) return '';
  const value = unit === 'ratio' ? `${goal.value}×` : formatValue(goal.value, unit);
  return `${goal.comparison === 'at-most' ? '≤' : '≥'} ${value}`;
}
