/**
 * The pages in the order a reader meets them, and what each page's reader has on PATH: the
 * pages of the settings' `reader.pages` (the site's docs folder) or, without it, the pages of
 * the run, sorted as Starlight's sidebar (core/reading-order.ts). A page given on the command
 * line keeps its place among the others, so a page verified alone has the toolbox it has in
 * the journey. Of the pages the run does not run, only the frontmatter is read, and only when
 * the file changed (read-page-places.ts): parsing every chapter's Markdown for their order was
 * most of a one-page run's start-up.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { collectFiles } from '../collect/collect-files.ts';
import type { ProjectSettings } from '../config/project-settings.ts';
import { sortInReadingOrder } from '../core/reading-order.ts';
import { type PagePlace, placeOf } from '../extract/read-page-place.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import { type PageToolbox, planToolboxes, type ToolCommands } from '../plan/plan-toolbox.ts';
import { readPagePlaces } from './read-page-places.ts';

export interface ReadingOrder {
  /** Every page of the reading order, first to last. */
  pages: PagePlace[];
  /** The run's pages in reading order. */
  runPages: SourcePage[];
  /** Each page's toolbox, by file; undefined without `reader` in the settings (every tool). */
  toolboxes: Map<string, PageToolbox> | undefined;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** The folder every file is in: the sidebar's root when no docs folder is set. */
function findCommonFolder(files: readonly string[]): string {
  const folders = files.map((file) => dirname(resolve(file)).split(sep));
  const [first = []] = folders;
  let length = first.length;
  for (const folder of folders) {
    while (length > 0 && folder.slice(0, length).join(sep) !== first.slice(0, length).join(sep))
      length--;
  }
  return first.slice(0, length).join(sep) || sep;
}

/** The reading order of the site the run's pages belong to, and each page's toolbox. */
export async function readReadingOrder(
  runPages: readonly SourcePage[],
  settings: ProjectSettings,
  settingsFile: string | undefined,
  toolbox: readonly ToolCommands[],
): Promise<ReadingOrder> {
  const { reader } = settings;
  const root = settingsFile ? dirname(settingsFile) : process.cwd();
  const folder = reader?.pages ? resolve(root, reader.pages) : undefined;
  const known = new Map(runPages.map((source) => [resolve(source.file), placeOf(source.page)]));
  if (folder) {
    const others = (await collectFiles([relative(process.cwd(), folder) || '.'])).filter(
      (file) => !known.has(resolve(file)),
    );
    const places = await readPagePlaces(others);
    for (const place of places) known.set(resolve(place.file), place);
  }
  const base = folder ?? findCommonFolder([...known.keys()]);
  const entries = [...known.entries()].map(([absolute, page]) => ({
    path: toPosix(relative(base, absolute)),
    order: page.sidebar.order,
    isHidden: page.sidebar.isHidden,
    page,
  }));
  const pages = sortInReadingOrder(entries).map((entry) => entry.page);
  const position = new Map(pages.map((page, index) => [resolve(page.file), index]));
  const ordered = [...runPages].sort(
    (a, b) => (position.get(resolve(a.file)) ?? 0) - (position.get(resolve(b.file)) ?? 0),
  );
  const toolboxes =
    reader &&
    planToolboxes(
      pages.map((page) => ({ file: page.file, installs: page.installs })),
      { assumed: reader.tools, toolbox },
    );
  return { pages, runPages: ordered, toolboxes };
}
