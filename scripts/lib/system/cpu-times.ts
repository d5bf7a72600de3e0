import { readFileSync } from 'node:fs';

/** Jiffies the machine's cores spent busy and in all, since boot (first line of /proc/stat). */
export interface CpuTimes {
  busy: number;
  total: number;
}

export function parseProcStat(text: string): CpuTimes {
  const fields = (text.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** The cores' times now; undefined where there is no /proc/stat (not Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** The share (0–1) of all cores' time that was busy between two readings, whoever used it. */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/** Bytes of memory the kernel says could be given out now (MemAvailable of /proc/meminfo). */
export function parseAvailableMemory(meminfo: string): number | undefined {
  const kib = /^MemAvailable:\s+(\d+) kB/m.exec(meminfo)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}

/** The memory available now; undefined where there is no /proc/meminfo. */
export function readAvailableMemory(): number | undefined {
  try {
    return parseAvailableMemory(readFileSync('/proc/meminfo', 'utf8'));
  } catch {
    return undefined;
  }
}
