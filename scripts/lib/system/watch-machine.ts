import { busyShare, readAvailableMemory, readCpuTimes } from './cpu-times.ts';

export interface MachineReading {
  /** Share (0–1) of all cores' time spent busy since the previous reading, by any process. */
  busyShare: number;
  /** Bytes of memory available now; undefined where the machine does not say. */
  availableMemory: number | undefined;
}

/**
 * Readings of how busy the cores were since the previous reading (the first since the
 * watch began) and how much memory is left; undefined where the machine does not tell
 * (no /proc), so nothing is started on a guess.
 */
export function watchMachine(): () => MachineReading | undefined {
  let previous = readCpuTimes();
  return () => {
    const now = readCpuTimes();
    const before = previous;
    previous = now;
    if (!before || !now) return undefined;
    return { busyShare: busyShare(before, now), availableMemory: readAvailableMemory() };
  };
}
