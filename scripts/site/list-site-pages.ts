import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The path of every page of the built site, from its sitemap (which leaves out the 404). */
export async function listSitePages(distDir: string): Promise<string[]> {
  const index = await readFile(join(distDir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
  const pages: string[] = [];
  for (const sitemap of sitemaps) {
    const file = join(distDir, new URL(sitemap).pathname.split('/').at(-1) ?? '');
    const xml = await readFile(file, 'utf8');
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      pages.push(new URL(match[1] ?? '').pathname);
    }
  }
  return pages.sort();
}
