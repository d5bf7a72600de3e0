import { busyShare, readCpuTimes } from '../../scripts/lib/system/cpu-times.ts';
import type { Table } from './benchmark.ts';
import type { Variant } from './rounds.ts';
import { summarize } from './stats.ts';

/** The variant, measuring how busy the cores were while it ran (measured rounds only). */
export function watchCpu(variant: Variant, busy: number[]): Variant {
  return {
    name: variant.name,
    async run(info) {
      const before = readCpuTimes();
      const ms = await variant.run(info);
      const after = readCpuTimes();
      if (!info.isWarmup && before && after) busy.push(busyShare(before, after));
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
