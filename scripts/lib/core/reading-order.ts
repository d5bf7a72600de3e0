/**
 * The order in which a reader meets the pages: Starlight's sidebar when it is generated from
 * the files (no `sidebar` in the site's configuration). Within a folder, pages and sub-folders
 * are sorted by frontmatter `sidebar.order` (a folder weighs as its lowest page; no order
 * comes last), then by route id, compared as Starlight compares them (an `en` collator). A
 * page hidden from the sidebar (`sidebar.hidden`) comes after all the others: a reader only
 * reaches it through a link. Pure.
 */

/** What the order needs of a page: where it is, and its frontmatter `sidebar`. */
export interface SidebarEntry {
  /** The page's path relative to the docs folder, with `/` (`guides/images.mdx`). */
  path: string;
  order: number | undefined;
  isHidden: boolean;
}

interface Folder {
  kind: 'folder';
  slug: string;
  children: Map<string, Node>;
}
type Node = Folder | { kind: 'page'; slug: string; entry: SidebarEntry };

// Made when two entries weigh the same: making it loads ICU's collation data (some 8 ms of
// a start-up), which a site whose pages all have an order never needs.
let collator: Intl.Collator | undefined;
function compareSlugs(left: string, right: string): number {
  collator ??= new Intl.Collator('en');
  return collator.compare(left, right);
}

/** `guides/index.mdx` → `guides`, `images.mdx` → `images`, as Starlight's route ids read. */
export function routeIdOf(path: string): string {
  const withoutExtension = path.replace(/\.(md|mdx|mdoc)$/i, '').toLowerCase();
  return withoutExtension.replace(/(^|\/)index$/, '');
}

function weigh(node: Node, cache: Map<Node, number>): number {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const weight =
    node.kind === 'page'
      ? (node.entry.order ?? Number.MAX_VALUE)
      : Math.min(...[...node.children.values()].map((child) => weigh(child, cache)));
  cache.set(node, weight);
  return weight;
}

function flatten(folder: Folder, cache: Map<Node, number>): SidebarEntry[] {
  const children = [...folder.children.values()].sort((a, b) => {
    const [left, right] = [weigh(a, cache), weigh(b, cache)];
    if (left !== right) return left < right ? -1 : 1;
    return compareSlugs(a.slug, b.slug);
  });
  return children.flatMap((child) =>
    child.kind === 'page' ? [child.entry] : flatten(child, cache),
  );
}

/** The entries in reading order (a new array; the input is left as it is). */
export function sortInReadingOrder<Entry extends SidebarEntry>(entries: readonly Entry[]): Entry[] {
  const root: Folder = { kind: 'folder', slug: '', children: new Map() };
  for (const entry of entries.filter((candidate) => !candidate.isHidden)) {
    const parts = entry.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      const slug = folder.slug === '' ? part.toLowerCase() : `${folder.slug}/${part.toLowerCase()}`;
      let next = folder.children.get(`${part}/`);
      if (next?.kind !== 'folder') {
        next = { kind: 'folder', slug, children: new Map() };
        folder.children.set(`${part}/`, next);
      }
      folder = next;
    }
    folder.children.set(entry.path, { kind: 'page', slug: routeIdOf(entry.path), entry });
  }
  const sorted = flatten(root, new Map()) as Entry[];
  const hidden = entries
    .filter((entry) => entry.isHidden)
    .sort((a, b) => compareSlugs(routeIdOf(a.path), routeIdOf(b.path)));
  return [...sorted, ...hidden];
}
