import { readFileSync } from 'node:fs';
import type { Table } from './benchmark.ts';
import type { Variant } from './rounds.ts';
import { summarize } from './stats.ts';

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

export function readCpuTimes(): CpuTimes {
  return parseProcStat(readFileSync('/proc/stat', 'utf8'));
}

/** The share (0–1) of all cores' time that was busy between two readings, whoever used it. */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/** The variant, measuring how busy the cores were while it ran (measured rounds only). */
export function watchCpu(variant: Variant, busy: number[]): Variant {
  return {
    name: variant.name,
    async run(info) {
      const before = readCpuTimes();
      const ms = await variant.run(info);
      if (!info.isWarmup) busy.push(busyShare(before, readCpuTimes()));
      return ms;
    },
  };
}

/** Each variant's busy share over rounds: median and min – max, in percent. */
export function busyTable(
  cores: number,
  variants: readonly (readonly [string, number[]])[],
): Table {
  const percent = (share: number) => Math.round(share * 100);
  return {
    title: `Cores busy during the run (all processes on the machine, ${cores} cores)`,
    columns: ['variant', 'median busy share', 'min – max'],
    rows: variants.map(([name, busy]) => {
      const { median, min, max } = summarize(busy);
      return [name, `${percent(median)} %`, `${percent(min)} – ${percent(max)} %`];
    }),
  };
}
