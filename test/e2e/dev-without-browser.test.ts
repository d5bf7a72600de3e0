import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, watchPageProblems } from '../helpers/browser.ts';
import { useForFile } from '../helpers/turns.ts';

// astro dev and astro build rewrite Vite's caches in the shared node_modules as they start.
useForFile('astro');

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const warning = 'diagrams are drawn in your browser while the dev server runs';

let server: ReturnType<typeof startDevServer> | undefined;
let output = '';
let origin = '';
let browser: Browser | undefined;

/** A chapter with a diagram, and the path it is served at. */
async function findPageWithDiagram(): Promise<string> {
  const docs = join(projectRoot, 'src/content/docs');
  for (const name of (await readdir(docs)).sort()) {
    if (!name.endsWith('.mdx')) continue;
    if (!(await readFile(join(docs, name), 'utf8')).includes('```mermaid')) continue;
    return name === 'index.mdx' ? '' : `${name.replace(/\.mdx$/, '')}/`;
  }
  throw new Error('no chapter has a ```mermaid diagram');
}

/** Starts `astro dev` as a writer would, on a machine where it finds no browser. */
function startDevServer() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST'),
  );
  return execa(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1'],
    {
      cwd: projectRoot,
      env: {
        ...env,
        CHROMIUM_PATH: 'none',
        NODE_ENV: 'development',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      extendEnv: false,
      all: true,
      reject: false,
      forceKillAfterDelay: 5_000,
    },
  );
}

beforeAll(async () => {
  server = startDevServer();
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`astro dev did not start:\n${output}`)),
      90_000,
    );
    server?.all.on('data', (chunk: Buffer) => {
      output += stripVTControlCharacters(chunk.toString());
      const address = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    void server?.then(() => reject(new Error(`astro dev exited:\n${output}`)));
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await server;
});

it('npm run dev works without a browser: one warning, diagrams drawn in the page, light and dark', async () => {
  const page = await (browser as Browser).newPage();
  const problems = watchPageProblems(page);
  const path = await findPageWithDiagram();
  // The dev server compiles a page on its first request: slow on a busy machine.
  await page.goto(`${origin}/docker-fundamentals/${path}`, { timeout: 120_000 });
  const figure = page.locator('figure[data-draw-in-browser]').first();
  const drawn = figure.locator('[data-variant="dark"] svg');
  await drawn.waitFor({ state: 'attached', timeout: 60_000 });
  // Vite may reload the page once it has optimized mermaid's dependencies on first use.
  await page.waitForLoadState('networkidle');
  await drawn.waitFor({ state: 'attached', timeout: 60_000 });
  for (const variant of ['light', 'dark']) {
    const svg = figure.locator(`[data-variant="${variant}"] svg`);
    expect(await svg.count()).toBe(1);
    expect(await svg.locator('title').count()).toBe(1);
  }
  expect(await figure.textContent()).not.toContain('Mermaid cannot draw');
  expect(problems.consoleErrors).toEqual([]);
  expect(output.split(warning).length - 1, output).toBe(1);
  await page.close();
}, 300_000);
