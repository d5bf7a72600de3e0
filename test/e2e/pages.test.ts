import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listSitePages } from '../../scripts/site/list-site-pages.ts';
import {
  type ColorScheme,
  launchBrowser,
  presetTheme,
  watchPageProblems,
} from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const origin = new URL(siteUrl).origin;
const pages = await listSitePages(distDir);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] satisfies ColorScheme[])('every page in %s mode', (theme) => {
  it.each(pages)('%s loads cleanly and has no serious accessibility violation', async (path) => {
    const page = await browser.newPage();
    await presetTheme(page, theme);
    const problems = watchPageProblems(page);
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // Expressive Code makes a code block that overflows keyboard-focusable from a script that
    // runs when the browser is idle: on a busy machine that can be after the network is. Wait
    // for it (as a reader does, a moment after the page shows); axe below still fails a block
    // it never reached.
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.expressive-code pre')].every(
            (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
          ),
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => {});

    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      return (await axe.run()).violations;
    });
    await page.close();

    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(serious).toEqual([]);
  });
});
