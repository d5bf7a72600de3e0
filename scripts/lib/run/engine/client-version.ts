/**
 * The version of the `docker` CLI a run uses, without starting it each time: a CLI binary
 * prints the same version for as long as it is the same file, so the answer is kept in the
 * user's cache under the file's place and stamp (system/file-stamp.js). Starting the CLI costs
 * tens of milliseconds of every start-up, and it is the one call at start that needs no daemon.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { resolveCacheFolder } from '../../system/cache-folder.ts';
import { formatFileStamp } from '../../system/file-stamp.js';
import { replaceFile } from '../../system/replace-file.ts';

const cacheFile = () => join(resolveCacheFolder(), 'docker-clients.json');

/** The first executable `docker` on `path` (a PATH value), as the shell would run it. */
export function findDockerCli(path: string | undefined): string | undefined {
  for (const folder of (path ?? '').split(delimiter)) {
    if (folder === '') continue;
    const file = join(folder, 'docker');
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here: the next folder.
    }
  }
  return undefined;
}

async function readCache(file: string): Promise<Record<string, string>> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * The CLI's version, from the cache or from `ask` (which starts the CLI); undefined when no
 * `docker` is on `path`. A cache that cannot be read or written only costs the start.
 */
export async function readCachedClientVersion(
  path: string | undefined,
  ask: () => Promise<string>,
  file = cacheFile(),
): Promise<string | undefined> {
  const cli = findDockerCli(path);
  if (cli === undefined) return undefined;
  const key = `${cli}\0${formatFileStamp(statSync(cli))}`;
  const cache = await readCache(file);
  const known = cache[key];
  if (known !== undefined) return known;
  const version = await ask();
  // A CLI that could not say (`unknown`) is asked again next time.
  if (version !== 'unknown') {
    await replaceFile(file, JSON.stringify({ ...cache, [key]: version })).catch(() => {});
  }
  return version;
}
