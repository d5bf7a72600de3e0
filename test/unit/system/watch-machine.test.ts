import { describe, expect, it } from 'vitest';
import { parseAvailableMemory } from '../../../scripts/lib/system/cpu-times.ts';
import { watchMachine } from '../../../scripts/lib/system/watch-machine.ts';

describe('watchMachine', () => {
  it("reads the cores' busy share since the last reading, and the memory left", async () => {
    const read = watchMachine();
    const started = Date.now();
    while (Date.now() - started < 30) {} // keeps a core busy for a moment
    const reading = read();
    expect(reading?.busyShare).toBeGreaterThan(0);
    expect(reading?.busyShare).toBeLessThanOrEqual(1);
    expect(reading?.availableMemory).toBeGreaterThan(0);
  });
});

describe('parseAvailableMemory', () => {
  it('reads MemAvailable in bytes, and nothing from a file without it', () => {
    const meminfo = 'MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:    2048 kB\n';
    expect(parseAvailableMemory(meminfo)).toBe(2048 * 1024);
    expect(parseAvailableMemory('MemTotal: 1 kB\n')).toBeUndefined();
  });
});
