import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FoundSettings } from '../config/read-project-settings.ts';

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
 * Where the record is, when the settings have one: folders relative to the settings file's
 * folder (the project root), or to `cwd` without a file.
 */
export function findRecordLocation(
  found: FoundSettings,
  cwd = process.cwd(),
): RecordLocation | undefined {
  const { record } = found.settings;
  const root = found.file ? dirname(found.file) : cwd;
  return record && { root, pages: record.pages, dir: record.dir };
}

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
