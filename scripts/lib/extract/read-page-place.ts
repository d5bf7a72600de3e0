/**
 * What the reading order needs of a page (its place in the sidebar, the tools it installs),
 * read from its frontmatter alone: a run reads every page of the site for the order, but
 * parses as Markdown only the pages it runs. Gives what extractSnippets gives in `sidebar`
 * and `installs` for every page whose Markdown parses. Pure.
 */
import { locateInstalls, type ShownInstall } from './check-installs.ts';
import { findFrontmatter } from './find-frontmatter.ts';
import { parseFrontmatter, readPageOptions } from './read-page-options.ts';
import { readSidebar, type SidebarPlace } from './read-sidebar.ts';
import type { Page } from './snippet.ts';

/** A page of the reading order: where the sidebar puts it, and what it installs. */
export interface PagePlace {
  file: string;
  sidebar: SidebarPlace;
  installs: ShownInstall[];
}

/** The page's place, from its text; a page whose frontmatter is invalid installs nothing. */
export function readPagePlace(source: string, file: string): PagePlace {
  const frontmatter = findFrontmatter(source);
  const document = parseFrontmatter(frontmatter);
  const options = readPageOptions(frontmatter, file, document);
  const installs = options.ok ? (options.options.installs ?? []) : [];
  return { file, sidebar: readSidebar(document), installs: locateInstalls(source, installs) };
}

/** The place of a page read in full (extractSnippets). */
export function placeOf(page: Page): PagePlace {
  return {
    file: page.file,
    sidebar: page.sidebar ?? { order: undefined, isHidden: false },
    installs: page.installs ?? [],
  };
}
