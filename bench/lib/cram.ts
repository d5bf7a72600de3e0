import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCacheFolder } from '../../scripts/lib/system/cache-folder.ts';
import { isOnPath } from '../../scripts/lib/system/find-program.ts';
import { runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';

/** How to start cram: a program, the arguments before the test's, and environment to add. */
export interface Cram {
  program: string;
  args: string[];
  env: Record<string, string>;
  /** For the report: cram3 from PATH, or Debian's package unpacked in the cache. */
  label: string;
}

/** Debian's python3-cram, unpacked here (dpkg-deb -x), never installed on the machine. */
const unpacked = join(resolveCacheFolder(), 'tools/python3-cram');
const sitePackages = join(unpacked, 'usr/lib/python3/dist-packages');

function unpackedCram(): Cram {
  return {
    // Debian's interpreter, as cram3's own first line names it (a python3 on PATH may be a shim).
    program: '/usr/bin/python3',
    args: [join(unpacked, 'usr/bin/cram3')],
    env: { PYTHONPATH: sitePackages },
    label: 'cram3, python3-cram unpacked in the cache',
  };
}

async function hasUnpacked(): Promise<boolean> {
  return readdir(join(sitePackages, 'cram')).then(
    () => true,
    () => false,
  );
}

/** Fetches Debian's python3-cram with apt-get download and unpacks it into the cache. */
async function unpackCram(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-cram-deb-'));
  try {
    const download = await runProcess('apt-get', ['download', 'python3-cram'], {
      cwd: folder,
      timeoutMs: 120_000,
    });
    const [deb] = (await readdir(folder)).filter((name) => name.endsWith('.deb'));
    if (download.exitCode !== 0 || deb === undefined) {
      throw new Error(`apt-get download python3-cram failed:\n${tailOf(download.all, 5)}`);
    }
    // dpkg-deb makes the target folder, not its parents: on a fresh machine there are none.
    await mkdir(unpacked, { recursive: true });
    const unpack = await runProcess('dpkg-deb', ['-x', join(folder, deb), unpacked], {
      cwd: folder,
      timeoutMs: 60_000,
    });
    if (unpack.exitCode !== 0) throw new Error(`dpkg-deb -x failed:\n${tailOf(unpack.all, 5)}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * cram for the peer benchmark: the one on PATH (Debian installs it as cram3), else Debian's
 * package unpacked in the project's cache, fetched the first time; the machine's installed
 * packages are left as they are.
 */
export async function findCram(): Promise<Cram> {
  const onPath = ['cram', 'cram3'].find(isOnPath);
  if (onPath) return { program: onPath, args: [], env: {}, label: onPath };
  if (!(await hasUnpacked())) await unpackCram();
  return unpackedCram();
}
