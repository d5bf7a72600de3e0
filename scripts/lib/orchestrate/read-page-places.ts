/**
 * The places of the pages a run does not run (the reading order needs every page's sidebar
 * place and installs), kept in the user's cache under each file's stamp
 * (system/file-stamp.js). While it holds, the page is as it was and its frontmatter
 * is not parsed again: YAML took about a millisecond a page, most of a one-page run's start
 * on a site of twenty chapters, and more the larger the site. A cache that cannot be read or
 * written only costs the parsing.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type PagePlace, readPagePlace } from '../extract/read-page-place.ts';
import { resolveCacheFolder } from '../system/cache-folder.ts';
import { formatFileStamp } from '../system/file-stamp.js';
import { replaceFile } from '../system/replace-file.ts';

interface CachedPlace {
  stamp: string;
  place: Omit<PagePlace, 'file'>;
}

/** Pages of every site this user verified: enough, and a bound on the file's size. */
const mostEntries = 5000;

const defaultCacheFile = () => join(resolveCacheFolder(), 'verify-page-places.json');

/** A cached entry as written; anything else is no entry. Checked by hand, as zod costs more. */
function isCachedPlace(value: unknown): value is CachedPlace {
  if (typeof value !== 'object' || value === null) return false;
  const { stamp, place } = value as Partial<CachedPlace>;
  return (
    typeof stamp === 'string' &&
    typeof place === 'object' &&
    place !== null &&
    typeof place.sidebar === 'object' &&
    place.sidebar !== null &&
    typeof place.sidebar.isHidden === 'boolean' &&
    (place.sidebar.order === undefined || typeof place.sidebar.order === 'number') &&
    Array.isArray(place.installs) &&
    place.installs.every(
      (install) =>
        typeof install?.tool === 'string' &&
        (install.line === undefined || typeof install.line === 'number'),
    )
  );
}

async function readCache(file: string): Promise<Map<string, CachedPlace>> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    return new Map(Object.entries(value).filter((entry) => isCachedPlace(entry[1])));
  } catch {
    return new Map();
  }
}

/** Each file's place, in the order given: from the cache while its stamp holds, else read. */
export async function readPagePlaces(
  files: readonly string[],
  cacheFile = defaultCacheFile(),
): Promise<PagePlace[]> {
  const cache = await readCache(cacheFile);
  let isChanged = false;
  const places = await Promise.all(
    files.map(async (file) => {
      const absolute = resolve(file);
      // The stamp before the text: a page saved in between reads as changed next time.
      const stamp = formatFileStamp(await stat(absolute));
      const cached = cache.get(absolute);
      if (cached?.stamp === stamp) return { file, ...cached.place };
      const { file: _, ...place } = readPagePlace(await readFile(file, 'utf8'), file);
      cache.delete(absolute);
      cache.set(absolute, { stamp, place });
      isChanged = true;
      return { file, ...place };
    }),
  );
  if (isChanged) {
    const kept = [...cache].slice(-mostEntries);
    await replaceFile(cacheFile, JSON.stringify(Object.fromEntries(kept))).catch(() => {});
  }
  return places;
}
