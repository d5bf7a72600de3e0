import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildSite } from '../../scripts/site/build-site-copy.ts';
import { useForFile } from '../helpers/turns.ts';

// astro dev and astro build rewrite Vite's caches in the shared node_modules as they start.
useForFile('astro');

it('a diagram mermaid rejects fails the build, naming file and line with a hint, and the build exits', async () => {
  const build = await buildSite({
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    fixturePagesDir: fileURLToPath(new URL('../fixtures/broken-site-pages/', import.meta.url)),
    base: '/docker-fundamentals',
    // Far longer than a failing build takes: a browser left open would keep Node alive.
    timeoutMs: 120_000,
  });
  await rm(build.root, { recursive: true, force: true });
  if (build.status !== 'failed') throw new Error('the build succeeded');
  expect(build.timedOut).toBe(false);
  expect(build.output).toContain(
    'src/content/docs/fixtures/syntax-error.mdx:12: Mermaid cannot draw this diagram (diagram line 5)',
  );
  expect(build.output).toContain('Hint:');
  expect(build.output).toContain('mermaid.live');
});

it('a build without a browser fails at the first diagram and says it needs one', async () => {
  const build = await buildSite({
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    fixturePagesDir: fileURLToPath(new URL('../fixtures/broken-site-pages/', import.meta.url)),
    base: '/docker-fundamentals',
    timeoutMs: 120_000,
    env: { CHROMIUM_PATH: 'none' },
  });
  await rm(build.root, { recursive: true, force: true });
  if (build.status !== 'failed') throw new Error('the build succeeded');
  expect(build.timedOut).toBe(false);
  expect(build.output).toContain('CHROMIUM_PATH=none: this needs a browser');
});
