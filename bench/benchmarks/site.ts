/**
 * The site as the e2e tests build it (chapters plus test/fixtures/site-pages, base
 * /docker-fundamentals): `astro build` with the diagram cache emptied (cold) and filled
 * (warm), side by side; the JavaScript each page of the last build loads, Mermaid's included;
 * and Lighthouse's performance and accessibility scores of the landing page and of a chapter
 * with a diagram.
 *
 * It empties node_modules/.cache/mermaid-diagrams before every cold build; the build refills it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { buildSite, type SiteBuild } from '../../scripts/site/build-site-copy.ts';
import { diagramCacheFolder } from '../../src/integrations/mermaid/svg-cache.ts';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { compareFigures } from '../lib/figures.ts';
import { runRounds } from '../lib/rounds.ts';
import { measureLighthouse } from './site/lighthouse-scores.ts';
import {
  measurePageJavaScript,
  pageJavaScriptFigures,
  pageJavaScriptTable,
} from './site/page-javascript.ts';

const base = '/docker-fundamentals';
type BuiltSite = Extract<SiteBuild, { status: 'built' }>;

async function build(root: string): Promise<BuiltSite> {
  const site = await buildSite({
    projectRoot: root,
    fixturePagesDir: join(root, 'test/fixtures/site-pages'),
    base,
  });
  if (site.status === 'failed') {
    await rm(site.root, { recursive: true, force: true });
    throw new Error(`astro build failed:\n${site.output.split('\n').slice(-15).join('\n')}`);
  }
  return site;
}

export const site: Benchmark = {
  name: 'site',
  title: 'Site: build time (cold and warm diagram cache), JavaScript per page, Lighthouse',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    let latest: BuiltSite | undefined;
    const keep = async (built: BuiltSite) => {
      if (latest) await rm(latest.root, { recursive: true, force: true });
      latest = built;
      return built.buildMs;
    };
    try {
      const samples = await runRounds(
        [
          {
            name: 'cold',
            async run() {
              await rm(join(root, diagramCacheFolder), { recursive: true, force: true });
              return keep(await build(root));
            },
          },
          { name: 'warm', run: async () => keep(await build(root)) },
        ],
        {
          rounds,
          onRun: ({ round, variant, ms }) =>
            log(`site round ${round}: ${variant} build ${formatMeasuredDuration(ms)}`),
        },
      );
      const built = latest as BuiltSite | undefined;
      if (!built) throw new Error('no build left to measure');
      const pages = await measurePageJavaScript(built.distDir, base);
      const lighthouse = await measureLighthouse(built.distDir, base, pages, rounds, log);
      const buildFigures = compareFigures(
        'astro build, warm / cold diagram cache',
        { label: 'astro build, warm diagram cache', samples: samples.get('warm') ?? [] },
        { label: 'astro build, cold diagram cache', samples: samples.get('cold') ?? [] },
      );
      const notes = [...lighthouse.notes];
      if (pages.every((page) => page.mermaidBytes === 0)) {
        notes.push(
          'Diagrams are drawn to SVG at build time: no page, with a diagram or not, loads Mermaid.',
        );
      }
      return {
        figures: [...buildFigures, ...pageJavaScriptFigures(pages), ...lighthouse.figures],
        tables: [pageJavaScriptTable(pages), ...lighthouse.tables],
        notes,
      };
    } finally {
      if (latest) await rm(latest.root, { recursive: true, force: true });
    }
  },
};
