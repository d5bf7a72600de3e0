/**
 * The engine of a run without legs.json is the dockerd on PATH, installed in the machine's
 * own /usr/bin (say /usr/bin/dockerd): its folders cannot be shown in the reader's machine
 * at their own paths without hiding the machine's. So its programs and CLI plugins are
 * copied once into the cache, into a bin/ folder of their own, which the machine shows like a
 * leg's. A changed program (an upgrade) is a new copy.
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { VerifyError } from '../../../core/errors.ts';
import { resolveCacheFolder } from '../../../system/cache-folder.ts';
import { enginePrograms } from './plan-engine-install.ts';

/** Where the docker CLI looks for plugins on Linux, the user's own first. */
function listPluginFolders(): string[] {
  const config = process.env['DOCKER_CONFIG'] ?? join(homedir(), '.docker');
  return [
    join(config, 'cli-plugins'),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
  ];
}

async function findOnPath(program: string): Promise<string | undefined> {
  const folders = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  for (const folder of folders.filter(Boolean)) {
    const path = join(folder, program);
    if (existsSync(path)) return realpath(path);
  }
  return undefined;
}

async function findPlugins(): Promise<Map<string, string>> {
  const plugins = new Map<string, string>();
  for (const folder of listPluginFolders()) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (name.startsWith('docker-') && !plugins.has(name))
        plugins.set(name, await realpath(join(folder, name)));
    }
  }
  return plugins;
}

/** Copies the PATH's engine into the cache (once per set of programs); returns its bin/. */
export async function copyPathEngine(): Promise<string> {
  const files = new Map<string, string>();
  for (const program of enginePrograms) {
    const path = await findOnPath(program);
    if (path) files.set(program, path);
  }
  if (!files.has('dockerd') || !files.has('docker')) {
    throw new VerifyError(
      'SANDBOX_FAILED',
      "No dockerd and docker on PATH for the reader's machine.",
      {
        hint: 'Install Docker Engine, or run `npm run hermetic` for engines of its own.',
      },
    );
  }
  for (const [name, path] of await findPlugins()) files.set(`cli-plugins/${name}`, path);
  const key = createHash('sha256');
  for (const [name, path] of [...files].sort()) {
    const info = await stat(path);
    key.update(`${name} ${path} ${info.size} ${info.mtimeMs}\n`);
  }
  const folder = join(resolveCacheFolder(), 'machine', 'engines', key.digest('hex').slice(0, 16));
  const bin = join(folder, 'bin');
  if (existsSync(bin)) return bin;
  const partial = `${bin}.${process.pid}.tmp`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'cli-plugins'), { recursive: true });
  for (const [name, path] of files) await copyFile(path, join(partial, name));
  await rename(partial, bin).catch(async (error: unknown) => {
    // Another run copied the same engine meanwhile: theirs is as good.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(bin)) throw error;
  });
  return bin;
}
