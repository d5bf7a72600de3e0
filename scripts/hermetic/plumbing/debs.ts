// Debian packages kept in the cache, never installed: downloaded with a private apt (one per
// suite) and unpacked with `dpkg-deb -x`. The machine's dpkg database and /etc/apt stay as
// they are.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, tailOf } from '../../lib/system/run-process.ts';
import type { HermeticPaths } from './config.ts';
import { HermeticError } from './errors.ts';
import { downloadPackages, type PrivateApt, updatePrivateApt } from './private-apt.ts';

/** The suites hermetic takes packages from. */
export const SUITES = ['bookworm', 'trixie', 'forky'] as const;
export type Suite = (typeof SUITES)[number];

/** A package of a suite, e.g. forky's `docker.io`. */
export type DebRef = { suite: Suite; name: string };

/** Pure: the newest cached .deb of each package (`name_version_arch.deb`), if any. */
export function pickDebFiles(
  names: readonly string[],
  files: readonly string[],
): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const name of names) {
    picked[name] = files
      .filter((file) => file.startsWith(`${name}_`) && file.endsWith('.deb'))
      .sort()
      .at(-1);
  }
  return picked;
}

/** Pure: the version in a .deb's file name, `%3a` for the epoch colon decoded. */
export function versionOfDebFile(file: string): string {
  return decodeURIComponent(file.split('_')[1] ?? '');
}

/** Downloads lists once per suite and run: a warm run with every .deb cached needs none. */
export class DebCache {
  private readonly updated = new Map<Suite, Promise<void>>();
  private readonly paths: HermeticPaths;

  constructor(paths: HermeticPaths) {
    this.paths = paths;
  }

  aptOf(suite: Suite): PrivateApt {
    return { dir: join(this.paths.aptDir, suite), kind: 'deb', suite };
  }

  /** Updates the suite's private lists, once per run. */
  update(suite: Suite): Promise<void> {
    let pending = this.updated.get(suite);
    if (!pending) {
      pending = updatePrivateApt(this.aptOf(suite));
      this.updated.set(suite, pending);
    }
    return pending;
  }

  /** The .deb path of every package, downloading those not cached yet. */
  async fetch(suite: Suite, names: readonly string[]): Promise<Record<string, string>> {
    const dir = join(this.paths.debsDir, suite);
    await mkdir(dir, { recursive: true });
    let picked = pickDebFiles(names, await readdir(dir));
    const missing = names.filter((name) => picked[name] === undefined);
    if (missing.length > 0) {
      await this.update(suite);
      picked = pickDebFiles(names, await downloadPackages(this.aptOf(suite), missing, dir));
    }
    const result: Record<string, string> = {};
    for (const name of names) {
      const file = picked[name];
      if (file === undefined) {
        throw new HermeticError('APT_FAILED', `apt-get download ${name} (${suite}) left no .deb`, {
          hint: `look into ${dir}, then run \`npm run hermetic\` again.`,
        });
      }
      result[name] = join(dir, file);
    }
    return result;
  }
}

/** Unpacks a .deb into `dest` without installing it; `dest` is emptied first unless `merge`. */
export async function unpackDeb(deb: string, dest: string, merge = false): Promise<void> {
  if (!merge) await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const result = await runProcess('dpkg-deb', ['-x', deb, dest]);
  if (result.failed) {
    throw new HermeticError('APT_FAILED', `dpkg-deb -x ${deb} failed:\n${tailOf(result.all, 15)}`, {
      hint: `delete ${deb} so that it is downloaded again, then run \`npm run hermetic\` again.`,
      cause: result,
    });
  }
}
