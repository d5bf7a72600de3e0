import type { MachineReading } from '../system/watch-machine.ts';

/**
 * When to run one more page than the cores: pages spend much of their time waiting
 * (containers sleeping, `docker stop` timeouts, daemons starting), so a run of as many pages
 * as cores can leave the cores idle. One more page starts when the cores were idle enough
 * over the last reading and memory has room for another sandbox; never more than the ceiling.
 */

export interface ExtraPagePolicy {
  /** Start another page only while the cores are busy less than this share (0–1). */
  busyBelow: number;
  /** And only while this much memory is left for a page's daemon, images and containers. */
  memoryPerPage: number;
}

export const extraPagePolicy: ExtraPagePolicy = {
  busyBelow: 0.75,
  memoryPerPage: 2 * 1024 ** 3,
};

/** Whether one more page may start beside the `running` ones, `ceiling` at most. */
export function mayStartExtraPage(
  reading: MachineReading,
  running: number,
  ceiling: number,
  policy: ExtraPagePolicy = extraPagePolicy,
): boolean {
  if (running >= ceiling) return false;
  if (reading.busyShare >= policy.busyBelow) return false;
  return reading.availableMemory === undefined || reading.availableMemory >= policy.memoryPerPage;
}

/** How many pages may run at once at most: twice the cores, within what the engines allow. */
export function extraPageCeiling(cores: number, enginesAllow: number): number {
  return Math.max(1, Math.min(2 * cores, enginesAllow));
}
