import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listSitePages } from '../../scripts/site/list-site-pages.ts';
import { launchBrowser } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const base = new URL(siteUrl).pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A chapter (a real one when there is one, else a fixture page) and its title's longest word. */
async function pickChapter(): Promise<{ path: string; word: string }> {
  const chapters = (await listSitePages(distDir)).filter((path) => path !== base);
  const path = chapters.find((candidate) => !candidate.includes('/fixtures/')) ?? chapters[0];
  if (!path) throw new Error('the site has no page besides the landing page');
  const html = await readFile(join(distDir, path.slice(base.length), 'index.html'), 'utf8');
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1] ?? '';
  const word = title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
  return { path, word };
}

describe('search', () => {
  it("finds a chapter by a word of its title, through Starlight's search dialog", async () => {
    const { path, word } = await pickChapter();
    expect(word.length).toBeGreaterThan(3);
    const page = await browser.newPage();
    await page.goto(siteUrl);
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('dialog[open] input.pagefind-ui__search-input').fill(word);
    const results = page.locator('dialog[open] a.pagefind-ui__result-link');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    await page.close();
    expect(hrefs).toContain(path);
  });
});
