/**
 * The journey hash of each page of the site as it is now (scripts/lib/record/
 * record-reading-order.ts): the pages of the record's folder in reading order, each hash
 * over its blocks and those of every page before it. A page's record proves it in reading
 * order only while its hash is the one the journey recorded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { MatrixLeg } from '../../../scripts/lib/core/legs.ts';
import { sortInReadingOrder } from '../../../scripts/lib/core/reading-order.ts';
import { namePage, type RecordLocation } from '../../../scripts/lib/record/record-path.ts';
import { hashJourney } from '../../../scripts/lib/record/record-reading-order.ts';
import { extractPage } from './extract-page.ts';
import { sharedCache } from './shared-cache.ts';

const toPosix = (path: string) => path.split(sep).join('/');

const cache = sharedCache<{ key: string; hashes: Promise<Map<string, string>> }>('journey-hashes');

async function listPages(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(md|mdx)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !toPosix(relative(folder, file)).includes('node_modules/'))
    .sort();
}

function hashPages(
  sources: readonly { file: string; source: string }[],
  location: RecordLocation,
  matrix: readonly MatrixLeg[],
) {
  const folder = join(location.root, location.pages);
  const pages = sources.map(({ file, source }) => {
    const page = extractPage(file, source, matrix);
    return {
      path: toPosix(relative(folder, file)),
      order: page.sidebar?.order,
      isHidden: page.sidebar?.isHidden ?? false,
      name: namePage(file, location.root),
      blockHashes: page.snippets.map((snippet) => snippet.hash),
    };
  });
  return hashJourney(sortInReadingOrder(pages));
}

/**
 * Each page's journey hash, by its name in the record (relative to the project root).
 * `matrix`: the project's, as the pages are read for their marks (it never changes a hash;
 * with the same one, each page is extracted once for both).
 */
export async function loadJourneyHashes(
  location: RecordLocation,
  matrix: readonly MatrixLeg[] = [],
): Promise<Map<string, string>> {
  const folder = join(location.root, location.pages);
  const files = await listPages(folder).catch(() => []);
  const sources = await Promise.all(
    files.map(async (file) => ({ file, source: await readFile(file, 'utf8').catch(() => '') })),
  );
  const key = sources.map(({ file, source }) => `${file}\0${source}`).join('\0');
  const cached = cache.get(folder);
  if (cached?.key === key) return cached.hashes;
  const hashes = Promise.resolve(hashPages(sources, location, matrix));
  cache.set(folder, { key, hashes });
  return hashes;
}
