/**
 * How a leg's engine is installed in the reader's machine: its folders shown under
 * /usr/local/lib/docker-engine, and links where a Debian package puts the programs and the
 * CLI plugins, so the reader's `docker` is /usr/bin/docker and dockerd finds containerd and
 * runc on a reader's PATH. A program that names its folder by this machine's path (a loader
 * or libraries patched in, as hermetic's runc) gets the folder shown at that path too.
 */
import { open, readdir, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface EngineInstall {
  /** Host folders shown inside the machine at `path`, read-only (a folder may show twice). */
  folders: { host: string; path: string }[];
  /** Symlinks made in the machine: `path` points at `target`, both inside. */
  links: { path: string; target: string }[];
}

/** The programs of an engine a reader's machine has on PATH, where Debian installs them. */
export const enginePrograms = [
  'docker',
  'dockerd',
  'containerd',
  'containerd-shim-runc-v2',
  'ctr',
  'runc',
  'docker-init',
  'docker-proxy',
] as const;

/** Where the CLI finds plugins on Debian (docker.io, docker-buildx, docker-compose). */
export const pluginFolder = '/usr/libexec/docker/cli-plugins';

export const engineFolder = '/usr/local/lib/docker-engine';

/** Plans the install of the engine in `bin` (dockerd, ..., and cli-plugins/). */
export async function planEngineInstall(bin: string): Promise<EngineInstall> {
  const present = new Set(await readdir(bin).catch(() => [] as string[]));
  const plugins = (await readdir(join(bin, 'cli-plugins')).catch(() => [] as string[])).filter(
    (name) => name.startsWith('docker-'),
  );
  const files = [
    ...enginePrograms
      .filter((program) => present.has(program))
      .map((program) => ({ path: `/usr/bin/${program}`, host: join(bin, program) })),
    ...plugins.map((name) => ({
      path: `${pluginFolder}/${name}`,
      host: join(bin, 'cli-plugins', name),
    })),
  ];
  // The folder holding bin/ (hermetic's engines keep pkgs/ and lib/ beside it), and the
  // folder of any program that resolves outside it.
  const base = await realpath(dirname(bin));
  const hosts = [base];
  for (const file of files) {
    const real = await realpath(file.host).catch(() => undefined);
    if (real && !hosts.some((folder) => real.startsWith(`${folder}/`))) hosts.push(dirname(real));
  }
  const folders = hosts.map((host, index) => ({
    host,
    path: index === 0 ? engineFolder : `${engineFolder}-${index + 1}`,
  }));
  const inside = (host: string) => {
    const folder = folders.find((candidate) => host.startsWith(`${candidate.host}/`));
    return folder ? `${folder.path}${host.slice(folder.host.length)}` : host;
  };
  // Each link names the file itself: bin/ may link to it by a path only this machine has.
  const links = await Promise.all(
    files.map(async (file) => ({ path: file.path, target: inside(await realpath(file.host)) })),
  );
  const programs = files.map((file) => file.host);
  const aliases = [];
  for (const folder of folders) {
    if (await isNamedByAny(folder.host, programs))
      aliases.push({ host: folder.host, path: folder.host });
  }
  return { folders: [...folders, ...aliases], links };
}

/** Whether a program names the folder: its loader and library path are in its first pages. */
async function isNamedByAny(folder: string, programs: readonly string[]): Promise<boolean> {
  const needle = Buffer.from(`${folder}/`);
  for (const program of programs) {
    const handle = await open(program, 'r').catch(() => undefined);
    if (!handle) continue;
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
      if (buffer.subarray(0, bytesRead).includes(needle)) return true;
    } finally {
      await handle.close();
    }
  }
  return false;
}
