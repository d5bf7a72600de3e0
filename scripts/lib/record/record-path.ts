import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface RecordLocation {
  /** The project root the settings' folders are relative to. */
  root: string;
  /** Folder of the pages the record covers, e.g. `src/content/docs`. */
  pages: string;
  /** Folder of the record, e.g. `src/content/verification`. */
  dir: string;
}

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Where a page's record is: the record folder, at the page's path under the pages folder,
 * `.json` for `.md`/`.mdx` (`images.mdx` → `verification/images.json`, as Starlight's entry
 * ids). `undefined` for a page outside the pages folder, which the record does not cover.
 */
export function findRecordFile(page: string, location: RecordLocation): string | undefined {
  const inPages = relative(resolve(location.root, location.pages), resolve(location.root, page));
  if (inPages === '' || inPages.startsWith('..') || isAbsolute(inPages)) return undefined;
  return resolve(location.root, location.dir, inPages.replace(/\.mdx?$/, '.json'));
}

/** The page as the record names it: relative to the root, with `/`. */
export function namePage(page: string, root: string): string {
  return toPosix(relative(root, resolve(root, page)));
}
