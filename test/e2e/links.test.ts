import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listSitePages } from '../../scripts/site/list-site-pages.ts';
import { launchBrowser } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const origin = new URL(siteUrl).origin;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface PageLinks {
  hrefs: string[];
  ids: string[];
}

/** Every link of a page, resolved as the browser resolves it, and every fragment target in it. */
async function readPage(url: string): Promise<PageLinks | undefined> {
  const page = await browser.newPage();
  const response = await page.goto(url);
  const result =
    response?.status() === 200
      ? await page.evaluate(() => ({
          hrefs: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map(
            (link) => link.href,
          ),
          ids: [...document.querySelectorAll('[id], a[name]')].map(
            (element) => element.id || element.getAttribute('name') || '',
          ),
        }))
      : undefined;
  await page.close();
  return result;
}

describe('internal links', () => {
  it('all lead to an existing page, and to an existing element when they name a fragment', async () => {
    const visited = new Map<string, PageLinks | undefined>();
    const broken: string[] = [];
    const queue = (await listSitePages(distDir)).map((path) => `${origin}${path}`);
    const checks: { from: string; target: URL }[] = [];

    while (queue.length > 0) {
      const url = queue.shift() ?? '';
      if (visited.has(url)) continue;
      const links = await readPage(url);
      visited.set(url, links);
      for (const href of links?.hrefs ?? []) {
        const target = new URL(href);
        if (target.origin !== origin) continue;
        checks.push({ from: url, target });
        const page = `${target.origin}${target.pathname}`;
        if (!visited.has(page)) queue.push(page);
      }
    }

    for (const { from, target } of checks) {
      const page = visited.get(`${target.origin}${target.pathname}`);
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (!page) broken.push(`${from} → ${target.href}: no such page`);
      else if (fragment && fragment !== 'top' && !page.ids.includes(fragment)) {
        broken.push(`${from} → ${target.href}: no element with id "${fragment}"`);
      }
    }
    expect(visited.size).toBeGreaterThan(1);
    expect([...new Set(broken)]).toEqual([]);
  });
});
