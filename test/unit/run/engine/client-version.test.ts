import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findDockerCli,
  readCachedClientVersion,
} from '../../../../scripts/lib/run/engine/client-version.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-client-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A `docker` in `bin` (never run here: `ask` stands for running it). */
async function plantCli(bin: string, text = '#!/bin/sh\necho docker\n'): Promise<string> {
  const file = join(bin, 'docker');
  await writeFile(file, text);
  await chmod(file, 0o755);
  return file;
}

/** An `ask` that answers `version` and counts its calls. */
function asker(version: string) {
  let calls = 0;
  return {
    ask: async () => {
      calls++;
      return version;
    },
    calls: () => calls,
  };
}

describe('readCachedClientVersion', () => {
  it('asks the CLI once, then answers from the cache while the binary stays the same', async () => {
    const cli = await plantCli(folder);
    const cache = join(folder, 'clients.json');
    const first = asker('29.7.2');
    expect(await readCachedClientVersion(folder, first.ask, cache)).toBe('29.7.2');
    expect(await readCachedClientVersion(folder, first.ask, cache)).toBe('29.7.2');
    expect(first.calls()).toBe(1);
    expect(Object.values(JSON.parse(await readFile(cache, 'utf8')))).toEqual(['29.7.2']);
    // An upgrade writes another binary: asked again.
    await rm(cli);
    await plantCli(folder, '#!/bin/sh\necho newer docker\n');
    const second = asker('29.8.0');
    expect(await readCachedClientVersion(folder, second.ask, cache)).toBe('29.8.0');
    expect(second.calls()).toBe(1);
  });

  it('keeps no answer a CLI could not give, and finds no CLI where PATH has none', async () => {
    await plantCli(folder);
    const cache = join(folder, 'clients.json');
    const unknown = asker('unknown');
    await readCachedClientVersion(folder, unknown.ask, cache);
    await readCachedClientVersion(folder, unknown.ask, cache);
    expect(unknown.calls()).toBe(2);
    const none = asker('29.7.2');
    expect(await readCachedClientVersion(join(folder, 'empty'), none.ask, cache)).toBeUndefined();
    expect(none.calls()).toBe(0);
  });

  it('takes the first executable docker on PATH, as the shell does', async () => {
    const [first, second] = [join(folder, 'a'), join(folder, 'b')];
    await Promise.all([first, second].map((bin) => mkdir(bin)));
    await writeFile(join(first, 'docker'), 'not executable');
    const cli = await plantCli(second);
    expect(findDockerCli(`${first}:${second}`)).toBe(cli);
    expect(findDockerCli('')).toBeUndefined();
  });
});
