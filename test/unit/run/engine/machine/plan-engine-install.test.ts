import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  engineFolder,
  planEngineInstall,
  pluginFolder,
} from '../../../../../scripts/lib/run/engine/machine/plan-engine-install.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-engine-test-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** An engine laid out as hermetic lays it out: bin/ of links into pkgs/, and lib/. */
async function makeEngine(runcNamesItsFolder: boolean) {
  const engine = join(folder, 'engines', '28.5');
  const bin = join(engine, 'bin');
  await mkdir(join(bin, 'cli-plugins'), { recursive: true });
  await mkdir(join(engine, 'pkgs', 'cli'), { recursive: true });
  await mkdir(join(engine, 'lib'));
  await writeFile(join(engine, 'pkgs', 'cli', 'docker'), 'ELF docker');
  await symlink('../pkgs/cli/docker', join(bin, 'docker'));
  await writeFile(join(bin, 'dockerd'), 'ELF dockerd');
  const loader = runcNamesItsFolder ? `${engine}/lib/ld-linux-x86-64.so.2` : '/lib64/ld.so';
  await writeFile(join(bin, 'runc'), `ELF\0${loader}\0runc`);
  await writeFile(join(bin, 'cli-plugins', 'docker-buildx'), 'ELF buildx');
  await writeFile(join(bin, 'cli-plugins', 'README'), 'not a plugin');
  await writeFile(join(bin, 'iptables'), '#!/bin/sh\n');
  await Promise.all(['dockerd', 'runc'].map((name) => chmod(join(bin, name), 0o755)));
  return { engine, bin };
}

describe('planEngineInstall', () => {
  it('shows the engine folder in the machine and links its programs where Debian has them', async () => {
    const { engine, bin } = await makeEngine(false);
    const install = await planEngineInstall(bin);
    expect(install.folders).toEqual([{ host: engine, path: engineFolder }]);
    expect(install.links).toEqual([
      { path: '/usr/bin/docker', target: `${engineFolder}/pkgs/cli/docker` },
      { path: '/usr/bin/dockerd', target: `${engineFolder}/bin/dockerd` },
      { path: '/usr/bin/runc', target: `${engineFolder}/bin/runc` },
      {
        path: `${pluginFolder}/docker-buildx`,
        target: `${engineFolder}/bin/cli-plugins/docker-buildx`,
      },
    ]);
  });

  it("shows the folder at this machine's path too when a program names it (a patched loader)", async () => {
    const { engine, bin } = await makeEngine(true);
    const install = await planEngineInstall(bin);
    expect(install.folders).toEqual([
      { host: engine, path: engineFolder },
      { host: engine, path: engine },
    ]);
  });

  it('shows the folder of a program that resolves outside the engine folder', async () => {
    const { bin } = await makeEngine(false);
    const elsewhere = join(folder, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'containerd'), 'ELF containerd');
    await symlink(join(elsewhere, 'containerd'), join(bin, 'containerd'));
    const install = await planEngineInstall(bin);
    expect(install.folders).toContainEqual({ host: elsewhere, path: `${engineFolder}-2` });
    expect(install.links).toContainEqual({
      path: '/usr/bin/containerd',
      target: `${engineFolder}-2/containerd`,
    });
  });
});
