import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/site/build-site-copy.ts';
import { startStaticServer } from '../../scripts/site/serve-static.ts';
import { findBrowserExecutable } from '../../src/integrations/mermaid/find-browser.ts';
import type { SiteError } from '../../src/utils/site-error.ts';
import { writeFixtureRecords } from './fixture-records.ts';

/** A sub-path, as on GitHub Pages, so a link that ignores the base fails the tests. */
const base = '/docker-fundamentals';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, ending in `/`: `http://127.0.0.1:<port>/docker-fundamentals/`. */
    siteUrl: string;
    distDir: string;
    /** The copy of the project the site was built from (chapters plus fixture pages). */
    siteRoot: string;
  }
}

/**
 * Before a two-minute build, so a missing browser is reported at once. A failure, never a
 * skip, in CI and locally: these tests are the only check of the built site.
 */
function requireBrowser(): void {
  try {
    findBrowserExecutable();
  } catch (error) {
    const { message, hint } = error as SiteError;
    throw new Error(`The end-to-end tests need Chromium. ${message}.\nHint: ${hint}`, {
      cause: error,
    });
  }
}

/** Builds the site once, serves it, and hands the address to every e2e test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireBrowser();
  const fixturePagesDir = fileURLToPath(new URL('../fixtures/site-pages/', import.meta.url));
  const site = await buildSite({
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    fixturePagesDir,
    base,
    prepare: async (root) =>
      writeFixtureRecords(root, await readFile(join(fixturePagesDir, 'verification.mdx'), 'utf8')),
  });
  if (site.status === 'failed') {
    throw new Error(`astro build of the e2e site failed in ${site.root}:\n${site.output}`);
  }
  const server = await startStaticServer(site.distDir, base);
  project.provide('siteUrl', `${server.origin}${base}/`);
  project.provide('distDir', site.distDir);
  project.provide('siteRoot', site.root);
  return async () => {
    await server.close();
    await rm(site.root, { recursive: true, force: true });
  };
}
