import type { Figure, Goal, Unit } from './benchmark.ts';

const byUnit: Record<Unit, (value: number) => string> = {
  ratio: (value) => `${value.toFixed(3)}×`,
  ms: formatDuration,
  bytes: formatBytes,
  score: (value) => String(Math.round(value)),
};

/** Milliseconds as a reader takes them in: `4.20 ms`, `850 ms`, `12.40 s`, `31.5 min`. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 600_000) return `${(ms / 1000).toFixed(ms < 100_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Bytes in kB (1000 B), the unit network budgets use; exact below 1 kB. */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

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
