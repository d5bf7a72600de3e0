// What the source builds need in the build root (a chroot in the cache) besides its compilers,
// unpacked from Debian's packages with `dpkg-deb -x`, never installed: Go (forky's
// golang-1.26, new enough for every component: moby and containerd ask for 1.26.3),
// libseccomp for runc's static link (forky's), and from the build root's own suite xz, to
// unpack the tag archives, and pkgconf, through which cgo finds libseccomp.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BUILD_ROOT_SUITE } from '../../mirror/build-root.ts';
import { type DebCache, type Suite, unpackDeb, versionOfDebFile } from '../../plumbing/debs.ts';
import { ROOT_PATHS } from './go-command.ts';

type Unpacked = { folder: string; suite: Suite; packages: readonly string[] };

const GO: Unpacked = {
  folder: ROOT_PATHS.toolchain,
  suite: 'forky',
  packages: ['golang-1.26-go', 'golang-1.26-src'],
};
const LIBSECCOMP: Unpacked = {
  folder: ROOT_PATHS.libseccomp,
  suite: 'forky',
  packages: ['libseccomp-dev'],
};
const HELPERS: Unpacked = {
  folder: ROOT_PATHS.helpers,
  suite: BUILD_ROOT_SUITE,
  packages: ['xz-utils', 'pkgconf-bin', 'libpkgconf3'],
};

/** The packages whose versions shape a build's output, e.g. `golang-1.26-go: 1.26.10-1`. */
export type Toolchain = Record<string, string>;

/**
 * Go's packages, and libseccomp's for a cgo build, with their Debian versions: part of each
 * build's hash (xz and pkgconf only unpack and find; they change no binary). Downloaded once,
 * then read from the cache.
 */
export async function readToolchain(debs: DebCache, isCgo: boolean): Promise<Toolchain> {
  const toolchain: Toolchain = {};
  for (const unpacked of isCgo ? [GO, LIBSECCOMP] : [GO]) {
    const files = await debs.fetch(unpacked.suite, unpacked.packages);
    for (const name of unpacked.packages)
      toolchain[name] = versionOfDebFile(basename(files[name] as string));
  }
  return toolchain;
}

/** Unpacks each folder into `root` unless the same packages are there already. */
export async function ensureToolchainIn(root: string, debs: DebCache): Promise<void> {
  for (const { folder, suite, packages } of [GO, LIBSECCOMP, HELPERS]) {
    const files = await debs.fetch(suite, packages);
    const dir = join(root, folder);
    const marker = join(dir, '.unpacked');
    const record = `${packages.map((name) => basename(files[name] as string)).join('\n')}\n`;
    if (existsSync(marker) && (await readFile(marker, 'utf8')) === record) continue;
    await rm(dir, { recursive: true, force: true });
    for (const name of packages) await unpackDeb(files[name] as string, dir, true);
    await writeFile(marker, record);
  }
}
