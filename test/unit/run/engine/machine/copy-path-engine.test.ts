import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VerifyError } from '../../../../../scripts/lib/core/errors.ts';
import { copyPathEngine } from '../../../../../scripts/lib/run/engine/machine/copy-path-engine.ts';

let folder: string;
const saved = {
  PATH: process.env.PATH,
  XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
  DOCKER_CONFIG: process.env.DOCKER_CONFIG,
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-path-engine-'));
  await mkdir(join(folder, 'usr-bin'));
  await mkdir(join(folder, 'docker-config', 'cli-plugins'), { recursive: true });
  process.env.PATH = join(folder, 'usr-bin');
  process.env.XDG_CACHE_HOME = join(folder, 'cache');
  process.env.DOCKER_CONFIG = join(folder, 'docker-config');
});
afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(folder, { recursive: true, force: true });
});

async function install(name: string, text: string, at = join(folder, 'usr-bin', name)) {
  await writeFile(at, text);
  await chmod(at, 0o755);
}

describe('copyPathEngine', () => {
  it("copies the PATH's engine and the user's plugins into the cache once", async () => {
    await install('dockerd', 'dockerd v1');
    await install('docker', 'docker v1');
    await install('runc.real', 'runc v1');
    await symlink(join(folder, 'usr-bin', 'runc.real'), join(folder, 'usr-bin', 'runc'));
    await install(
      'docker-buildx',
      'buildx',
      join(folder, 'docker-config', 'cli-plugins', 'docker-buildx'),
    );
    const bin = await copyPathEngine();
    expect(bin.startsWith(join(folder, 'cache', 'docker-fundamentals', 'machine', 'engines'))).toBe(
      true,
    );
    expect(await readFile(join(bin, 'runc'), 'utf8')).toBe('runc v1');
    expect(await readFile(join(bin, 'cli-plugins', 'docker-buildx'), 'utf8')).toBe('buildx');
    expect(existsSync(join(bin, 'containerd'))).toBe(false);
    expect(await copyPathEngine()).toBe(bin);
    // An upgrade is a new copy.
    await install('dockerd', 'dockerd v2, longer');
    expect(await copyPathEngine()).not.toBe(bin);
  });

  it('says what is missing without a dockerd on PATH', async () => {
    await install('docker', 'docker v1');
    await expect(copyPathEngine()).rejects.toThrow(VerifyError);
  });
});
