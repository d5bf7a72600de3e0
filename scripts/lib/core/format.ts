/**
 * Numbers as people read them, for every program of the project. Pure.
 */

/** A duration in a report line, short: `850ms`, `12.3s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * A measured duration, with the digits a comparison needs: `4.20 ms`, `850 ms`, `12.40 s`,
 * `31.5 min`; a negative difference reads `−113 ms`.
 */
export function formatMeasuredDuration(ms: number): string {
  if (ms < 0) return `−${formatMeasuredDuration(-ms)}`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 600_000) return `${(ms / 1000).toFixed(ms < 100_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Sizes as `docker images` prints them, in decimal units: `999 B`, `4.1 kB`, `29.1 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
