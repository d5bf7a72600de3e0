import { type Browser, chromium, type Page } from 'playwright-core';
import { SiteError } from '../../utils/site-error.ts';
import { chromiumArgs } from './find-browser.ts';

export interface BrowserSession {
  /** Runs `task` on the session's page, one task at a time, launching the browser if needed. */
  run<T>(task: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface BrowserSessionOptions {
  /** Called once, when the first task needs a browser; throws when there is none. */
  findExecutable: () => string;
  preparePage: (page: Page) => Promise<void>;
  /**
   * Closes the browser after this long without a task. The integration closes it when a
   * build or dev server ends; this covers commands with no such hook (`astro sync` rendering
   * Markdown) and failed builds, whose open browser would otherwise keep Node from exiting.
   */
  idleMs: number;
}

/**
 * One Chromium with one page, launched lazily so that builds without diagrams never start a
 * browser. Tasks are serialised because mermaid's configuration is global to the page.
 */
export function createBrowserSession(options: BrowserSessionOptions): BrowserSession {
  let started: Promise<{ browser: Browser; page: Page }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  async function start(): Promise<{ browser: Browser; page: Page }> {
    const executablePath = options.findExecutable();
    try {
      const browser = await chromium.launch({ executablePath, args: [...chromiumArgs] });
      const page = await browser.newPage();
      await options.preparePage(page);
      return { browser, page };
    } catch (cause) {
      throw new SiteError('BROWSER_FAILED', `Chromium at ${executablePath} failed to start`, {
        cause,
        hint: 'Run it by hand with `--headless --no-sandbox` to see why, or set CHROMIUM_PATH to another binary.',
      });
    }
  }

  async function close(): Promise<void> {
    clearTimeout(idleTimer);
    const current = started;
    started = undefined;
    if (current) await (await current.catch(() => undefined))?.browser.close();
  }

  function run<T>(task: (page: Page) => Promise<T>): Promise<T> {
    clearTimeout(idleTimer);
    pending++;
    const result = queue.then(async () => {
      started ??= start();
      const { page } = await started.catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      return task(page);
    });
    queue = result
      .catch(() => undefined)
      .finally(() => {
        pending--;
        if (pending === 0) idleTimer = setTimeout(() => void close(), options.idleMs).unref();
      });
    return result;
  }

  return { run, close };
}
