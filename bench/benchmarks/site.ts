/**
 * Measures the site as the e2e tests build it (chapters plus test/fixtures/site-pages, base
 * /docker-fundamentals): `astro build` with the diagram cache emptied (cold), again with it
 * filled (warm), then the JavaScript each page loads. Run from the project root:
 *
 *   node bench/site.ts
 *
 * It empties node_modules/.cache/mermaid-diagrams; the cold build refills it.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite, type SiteBuild } from '../test/helpers/build-site.ts';
import { listSitePages } from '../test/helpers/site-pages.ts';
import { collectPageScripts } from './lib/page-scripts.ts';

const base = '/docker-fundamentals';
const projectRoot = process.cwd();

async function build(): Promise<Extract<SiteBuild, { status: 'built' }>> {
  const site = await buildSite({
    projectRoot,
    fixturePagesDir: join(projectRoot, 'test/fixtures/site-pages'),
    base,
  });
  if (site.status === 'failed') throw new Error(site.output);
  return site;
}

await rm(join(projectRoot, 'node_modules/.cache/mermaid-diagrams'), {
  recursive: true,
  force: true,
});
const cold = await build();
await rm(cold.root, { recursive: true, force: true });
const warm = await build();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `astro build: cold diagram cache ${seconds(cold.buildMs)}, warm ${seconds(warm.buildMs)}\n`,
);

console.log('page\tdiagrams\tscript files\tfile bytes\tinline script bytes\tloaded on demand');
for (const page of await listSitePages(warm.distDir)) {
  const html = await readFile(join(warm.distDir, page.slice(base.length), 'index.html'), 'utf8');
  const diagrams = html.match(/<figure class="mermaid-diagram"/g)?.length ?? 0;
  const scripts = await collectPageScripts(warm.distDir, base, page);
  const bytes = scripts.files.reduce((sum, file) => sum + file.bytes, 0);
  const row = [page, diagrams, scripts.files.length, bytes, scripts.inlineBytes];
  console.log([...row, scripts.lazyFiles.length].join('\t'));
  for (const file of scripts.files) console.log(`\t${file.path}\t${file.bytes}`);
}
await rm(warm.root, { recursive: true, force: true });
