import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listSitePages } from '../../scripts/site/list-site-pages.ts';
import { type ColorScheme, launchBrowser, presetTheme } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const base = new URL(siteUrl).pathname;
const fixture = `${siteUrl}fixtures/verification/`;

const everyLeg =
  'Verified on Docker Engine 29.7.2 (containerd and classic image stores) and 26.1.5 (classic image store), 26 November 2026';

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  passes: { id: string; nodes: unknown[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openFixture(context: BrowserContext, theme: ColorScheme = 'light'): Promise<Page> {
  const page = await context.newPage();
  await presetTheme(page, theme);
  await page.goto(fixture, { waitUntil: 'networkidle' });
  return page;
}

/** The mark under each code block of the page, in order; `null` for a block without one. */
function readMarks(page: Page) {
  return page.locator('.expressive-code').evaluateAll((groups) =>
    groups.map((group) => {
      const mark = group.querySelector('.verification-mark');
      return (
        mark && { text: mark.textContent?.trim(), verified: mark.getAttribute('data-verified') }
      );
    }),
  );
}

/** Axe on the statement and the visible marks only: contrast, names, structure. */
async function runAxe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResult> } })
      .axe;
    return axe.run({ include: [['.verification-statement'], ['.verification-mark']] });
  });
}

describe('the verification record on the site', () => {
  it('says under the title on which engines and stores the examples were verified, and when', async () => {
    const context = await browser.newContext();
    const page = await openFixture(context);
    const statement = page.locator('.verification-statement');
    expect(await statement.textContent()).toBe(
      'Examples verified on Docker Engine 29.7.2 (containerd and classic image stores) and 26.1.5 (classic image store), 26 November 2026, except 1 example marked as not verified.',
    );
    expect(await statement.locator('time').getAttribute('datetime')).toBe('2026-11-26');
    expect(await statement.getAttribute('data-pagefind-ignore')).not.toBeNull();
    await context.close();
  });

  it('marks each example with what its record proves, a stale one as not yet verified', async () => {
    const context = await browser.newContext();
    const page = await openFixture(context);
    expect(await readMarks(page)).toEqual([
      { text: `✓ ${everyLeg}`, verified: 'true' },
      {
        text: '✓ Verified on Docker Engine 29.7.2 (containerd image store), 26 November 2026',
        verified: 'true',
      },
      {
        text: '✓ Verified on Docker Engine 29.7.2 (classic image store) and 26.1.5 (classic image store), 26 November 2026',
        verified: 'true',
      },
      {
        text: '! Not yet verified: this example changed since the examples were last verified',
        verified: 'false',
      },
      { text: '! Not verified: needs Docker Hub', verified: 'false' },
    ]);
    await context.close();
  });

  it("underlines a named value in the output, as a fact of the reader's machine", async () => {
    const context = await browser.newContext();
    const page = await openFixture(context);
    const values = await page
      .locator('.expressive-code .named-value')
      .evaluateAll((spans) => spans.map((span) => [span.textContent, span.getAttribute('title')]));
    expect(values).toEqual([['29.0.0', 'ENGINE: a fact of the machine, yours will differ']]);
    await context.close();
  });

  it('works without JavaScript: the marks are in the page as built', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await openFixture(context);
    const first = page.locator('.verification-mark').first();
    expect(await first.isVisible()).toBe(true);
    expect(await first.textContent()).toContain(everyLeg);
    await context.close();
  });

  describe.each(['light', 'dark'] satisfies ColorScheme[])('in %s mode', (theme) => {
    it('shows the statement and the marks of both tabs readably, as axe finds', async () => {
      const context = await browser.newContext();
      const page = await openFixture(context, theme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      for (const tab of ['containerd image store', 'Classic image store']) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.getByRole('tabpanel', { name: tab });
        expect(await panel.locator('.verification-mark').isVisible()).toBe(true);
        const { violations, passes } = await runAxe(page);
        expect(violations.map((violation) => violation.id)).toEqual([]);
        // The contrast of the marks' text was checked, not skipped.
        expect(passes.map((pass) => pass.id)).toContain('color-contrast');
      }
      await context.close();
    });
  });

  it('keeps the marks out of what the copy button copies', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl).origin,
    });
    const page = await openFixture(context);
    const copy = async (block: ReturnType<Page['locator']>) => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await block.hover();
      await block.locator('.copy button').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
      return page.evaluate(() => navigator.clipboard.readText());
    };
    expect(await copy(page.locator('.expressive-code').first())).toBe(
      "docker version --format '{{.Server.Version}}'",
    );
    // A block inside a tab, with its mark under it, copies its command alone too.
    await page.getByRole('tab', { name: 'Classic image store' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Classic image store' });
    expect(await copy(panel.locator('.expressive-code'))).toBe(
      "docker info --format '{{.Driver}}'",
    );
    await context.close();
  });

  it('keeps the statement and the marks out of the search index', async () => {
    const context = await browser.newContext();
    const page = await openFixture(context);
    // As a string: Vitest would rewrite a dynamic import() written in a function.
    const content = await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${siteUrl}pagefind/pagefind.js`)});
      const search = await pagefind.search('Fixture verification');
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.find((entry) => entry.url.includes('/fixtures/verification/'))?.content;
    })()`);
    expect(content).toContain('A block the record proves on every leg');
    expect(content).not.toContain('Verified on');
    expect(content).not.toContain('Examples verified on');
    await context.close();
  });

  it('gives every chapter with examples its statement, complete', async () => {
    const chapters = (await listSitePages(distDir)).filter(
      (path) => path !== base && !path.includes('/fixtures/'),
    );
    const withExamples: string[] = [];
    for (const path of chapters) {
      const html = await readFile(join(distDir, path.slice(base.length), 'index.html'), 'utf8');
      if (!html.includes('verification-mark')) continue;
      withExamples.push(path);
      const statement = /<p class="verification-statement[^>]*>.*?<\/p>/s.exec(html)?.[0];
      expect(statement, path).toMatch(
        /data-complete="true"[^>]*>Examples verified on Docker Engine /,
      );
      const unverified = [...html.matchAll(/data-verified="false"[^>]*>(.*?)<\/p>/gs)];
      expect(
        unverified.map((match) => match[1]),
        path,
      ).toEqual([]);
    }
    expect(withExamples.length).toBeGreaterThan(0);
  });
});
