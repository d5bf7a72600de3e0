import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listSitePages } from '../../scripts/site/list-site-pages.ts';
import { launchBrowser, presetTheme } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const siteRoot = inject('siteRoot');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function countMermaidFences(): Promise<number> {
  const files = await glob('src/content/docs/**/*.{md,mdx}', { cwd: siteRoot, absolute: true });
  let count = 0;
  for (const file of files) {
    count += (await readFile(file, 'utf8')).match(/^[ \t]*(?:```|~~~)mermaid\b/gm)?.length ?? 0;
  }
  return count;
}

async function readPageHtml(path: string): Promise<string> {
  return readFile(join(distDir, path.replace(/^\/docker-fundamentals/, ''), 'index.html'), 'utf8');
}

/** Fill and stroke of the first node shape in the diagram the reader currently sees. */
function readVisibleNodeColors(
  page: Page,
): Promise<{ variant: string; fill: string; stroke: string }> {
  return page.evaluate(() => {
    const variant = [
      ...document.querySelectorAll<HTMLElement>('.mermaid-diagram > .mermaid-variant'),
    ].find((element) => element.offsetParent !== null);
    const shape = variant?.querySelector('.node rect, .node path, .node polygon');
    if (!variant || !shape) throw new Error('no visible diagram node on the page');
    const style = getComputedStyle(shape);
    return { variant: variant.dataset.variant ?? '', fill: style.fill, stroke: style.stroke };
  });
}

describe('mermaid diagrams', () => {
  it('turn every fence into a figure, and leave no mermaid code block behind', async () => {
    const fences = await countMermaidFences();
    let figures = 0;
    for (const path of await listSitePages(distDir)) {
      const html = await readPageHtml(path);
      figures += html.match(/<figure class="mermaid-diagram"/g)?.length ?? 0;
      expect(html, path).not.toMatch(/data-language="mermaid"|language-mermaid/);
    }
    expect(fences).toBeGreaterThan(0);
    expect(figures).toBe(fences);
  });

  it('are accessible SVGs with a title and description, unique ids and no error output', async () => {
    const pagesWithDiagrams: string[] = [];
    for (const path of await listSitePages(distDir)) {
      if ((await readPageHtml(path)).includes('<figure class="mermaid-diagram"')) {
        pagesWithDiagrams.push(path);
      }
    }
    expect(pagesWithDiagrams).toContain(new URL('fixtures/diagrams/', siteUrl).pathname);

    for (const path of pagesWithDiagrams) {
      const page = await browser.newPage();
      await page.goto(new URL(path, siteUrl).href);
      const svgs = await page.$$eval('.mermaid-diagram svg', (elements) =>
        elements.map((svg) => ({
          title: svg.querySelector(':scope > title')?.textContent ?? '',
          desc: svg.querySelector(':scope > desc')?.textContent ?? '',
          labelledBy: document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.tagName,
          describedBy: document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.tagName,
          text: svg.textContent ?? '',
          hasErrorIcon: svg.querySelector('.error-icon, .error-text') !== null,
        })),
      );
      const figures = await page.locator('.mermaid-diagram').count();
      const ids = await page.$$eval('[id]', (elements) => elements.map((element) => element.id));
      await page.close();

      expect(svgs, path).toHaveLength(figures * 2);
      for (const svg of svgs) {
        expect(svg.title, path).not.toBe('');
        expect(svg.desc, path).not.toBe('');
        expect(svg.labelledBy, path).toBe('title');
        expect(svg.describedBy, path).toBe('desc');
        expect(svg.hasErrorIcon, path).toBe(false);
        expect(svg.text, path).not.toMatch(/syntax error/i);
      }
      expect(
        ids.filter((id, index) => ids.indexOf(id) !== index),
        path,
      ).toEqual([]);
    }
  });

  it("follow Starlight's theme picker, with no script of their own", async () => {
    const page = await browser.newPage();
    await presetTheme(page, 'light');
    await page.goto(`${siteUrl}fixtures/diagrams/`);
    const picker = page.locator('starlight-theme-select select:visible');

    const light = await readVisibleNodeColors(page);
    await picker.selectOption('dark');
    const dark = await readVisibleNodeColors(page);
    await picker.selectOption('light');
    const restored = await readVisibleNodeColors(page);
    await page.close();

    expect(light.variant).toBe('light');
    expect(dark.variant).toBe('dark');
    expect(dark.fill).not.toBe(light.fill);
    expect(dark.stroke).not.toBe(light.stroke);
    expect(restored).toEqual(light);
  });

  it('ship no JavaScript: a page with diagrams loads no script a page without them does not', async () => {
    async function loadScripts(path: string): Promise<Set<string>> {
      const page = await browser.newPage();
      const scripts = new Set<string>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script')
          scripts.add(new URL(response.url()).pathname);
      });
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      const inline = await page.$$eval('script:not([src])', (elements) =>
        elements.map((element) => element.textContent ?? ''),
      );
      for (const text of inline) scripts.add(`inline:${text.length}:${text.slice(0, 40)}`);
      await page.close();
      return scripts;
    }
    const withDiagrams = await loadScripts('fixtures/diagrams/');
    const withoutDiagrams = await loadScripts('fixtures/transcripts/');
    expect([...withDiagrams].filter((script) => !withoutDiagrams.has(script))).toEqual([]);
  });
});
