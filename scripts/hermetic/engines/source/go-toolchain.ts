// Go and libseccomp for the source builds, unpacked from Debian forky's packages into the
// build root (a chroot in the cache) with `dpkg-deb -x`: nothing is installed on the machine.
// forky's golang-1.26 is new enough for every component (moby and containerd ask for 1.26.3).
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type DebCache, unpackDeb, versionOfDebFile } from '../../plumbing/debs.ts';
import { ROOT_PATHS } from './go-command.ts';

/** The packages unpacked into each folder of the build root, all from forky. */
const UNPACKED = {
  [ROOT_PATHS.toolchain]: ['golang-1.26-go', 'golang-1.26-src'],
  [ROOT_PATHS.libseccomp]: ['libseccomp-dev'],
} as const;

/** Which .debs the builds use, e.g. `golang-1.26-go 1.26.10-1`: part of every build's hash. */
export type Toolchain = Record<string, string>;

/** The toolchain's packages (downloaded once, then read from the cache), without unpacking. */
export async function readToolchain(debs: DebCache): Promise<Toolchain> {
  const names = Object.values(UNPACKED).flat();
  const files = await debs.fetch('forky', names);
  return Object.fromEntries(
    names.map((name) => [name, versionOfDebFile(basename(files[name] as string))]),
  );
}

/** Unpacks the toolchain into `root` unless the same packages are there already. */
export async function ensureToolchainIn(root: string, debs: DebCache): Promise<Toolchain> {
  for (const [folder, names] of Object.entries(UNPACKED)) {
    const files = await debs.fetch('forky', names);
    const dir = join(root, folder);
    const marker = join(dir, '.unpacked');
    const record = `${names.map((name) => basename(files[name] as string)).join('\n')}\n`;
    if (existsSync(marker) && (await readFile(marker, 'utf8')) === record) continue;
    await rm(dir, { recursive: true, force: true });
    for (const name of names) await unpackDeb(files[name] as string, dir, true);
    await writeFile(marker, record);
  }
  return readToolchain(debs);
}
