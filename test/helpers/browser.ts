import { type Browser, chromium, type Page } from 'playwright-core';
import {
  chromiumArgs,
  findBrowserExecutable,
} from '../../src/integrations/mermaid/find-browser.ts';
import { takeTurn } from './turns.ts';

/**
 * The same Chromium the build draws diagrams with. None found is a failure with the
 * finder's hint, in CI and locally alike: these tests are the only check of the built site.
 */
export async function launchBrowser(): Promise<Browser> {
  // Chromium fails the requests in flight (ERR_NETWORK_CHANGED) when an interface of the
  // machine comes or goes, as a host daemon's container does: the browser has its turn.
  const turn = await takeTurn('host-daemon');
  try {
    const browser = await chromium.launch({
      executablePath: findBrowserExecutable(),
      args: [...chromiumArgs],
    });
    browser.once('disconnected', () => void turn.release());
    return browser;
  } catch (error) {
    await turn.release();
    throw error;
  }
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/** Collects console errors, uncaught exceptions and failed or 4xx/5xx requests of a page. */
export function watchPageProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()} (${response.status()})`);
  });
  return problems;
}

export type ColorScheme = 'light' | 'dark';

/** Starlight reads the stored choice of its theme picker before the page paints. */
export async function presetTheme(page: Page, theme: ColorScheme): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
}
