/**
 * Engine 29.7 built from upstream source. Warm, every round: what `npm run hermetic` spends on
 * the source part once everything is built (the engine and registry:3's binary found by their
 * recipe hashes), and the whole warm `npm run hermetic`. Cold, once, when BENCH_SOURCES names
 * the folder of tag archives (`BENCH_SOURCES=../shared/upstream npm run bench -- --only
 * sources`; tens of minutes): each component built from its archive with an empty Go build
 * cache, into scratch folders of the cache that are removed afterwards. They use hermetic's
 * build root: run them when no `npm run hermetic` bootstraps it anew (its package list changed).
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ENGINES } from '../../scripts/hermetic/engines/engines.ts';
import { ensureEngine } from '../../scripts/hermetic/engines/ensure-engine.ts';
import { DISTRIBUTION } from '../../scripts/hermetic/engines/source/components.ts';
import {
  ensureComponent,
  locateComponentBuild,
  type SourceContext,
} from '../../scripts/hermetic/engines/source/source-build.ts';
import { resolvePaths } from '../../scripts/hermetic/plumbing/config.ts';
import { DebCache } from '../../scripts/hermetic/plumbing/debs.ts';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { runProcess } from '../../scripts/lib/system/run-process.ts';
import type { Benchmark, BenchmarkReport, Table } from '../lib/benchmark.ts';
import { timeFigure } from '../lib/figures.ts';
import { runRounds } from '../lib/rounds.ts';

async function timeSourcePart(context: SourceContext): Promise<number> {
  const started = performance.now();
  const engine = await ensureEngine(context, '29.7');
  await locateComponentBuild(context, DISTRIBUTION);
  if (engine.status !== 'present')
    throw new Error('engine 29.7 was not built yet: run `npm run hermetic` first');
  return performance.now() - started;
}

async function timeHermetic(root: string): Promise<number> {
  const script = join(root, 'scripts/hermetic.ts');
  const args = [
    '--experimental-strip-types',
    '--disable-warning=ExperimentalWarning',
    script,
    'up',
  ];
  const result = await runProcess(process.execPath, args, { cwd: root, timeoutMs: 300_000 });
  if (result.failed) throw new Error(`npm run hermetic failed:\n${result.all.slice(-2000)}`);
  return result.durationMs;
}

/** Each component built once from cold: its binaries' `go build` seconds and the whole time. */
async function buildCold(context: SourceContext, log: (line: string) => void): Promise<Table> {
  const scratch = join(context.paths.cacheDir, `bench-source-builds-${process.pid}`);
  const goCache = join(scratch, 'go-build-cache');
  const paths = { ...context.paths, sourceBuildsDir: join(scratch, 'builds') };
  const cold = { ...context, paths, goCache };
  const rows: string[][] = [];
  const components = [...ENGINES['29.7'].source.components, DISTRIBUTION];
  try {
    for (const component of components) {
      await rm(goCache, { recursive: true, force: true });
      const started = performance.now();
      // A work folder of its own in the build root, beside any hermetic build (not holding
      // hermetic's lock for tens of minutes); the binaries do not depend on it (-trimpath).
      const build = await ensureComponent(cold, { ...component, name: `bench-${component.name}` });
      const ms = performance.now() - started;
      log(`sources: ${component.name} ${component.version} cold in ${formatMeasuredDuration(ms)}`);
      const binaries = Object.entries(build.seconds).map(([name, s]) => `${name} ${s} s`);
      rows.push([
        `${component.name} ${component.version}`,
        binaries.join(', '),
        `${Math.round(ms / 1000)} s`,
      ]);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    title: 'Cold builds from the tag archives (empty Go build cache, one round)',
    columns: ['component', 'go build per binary', 'in all (with unpacking)'],
    rows,
  };
}

export const sources: Benchmark = {
  name: 'sources',
  title: 'Engine 29.7 from source: the warm source part of npm run hermetic, and cold builds',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const paths = resolvePaths();
    const context: SourceContext = {
      paths,
      debs: new DebCache(paths),
      sourcesDir: undefined,
      onProgress: log,
    };
    const warm = await runRounds(
      [
        { name: 'source part', run: () => timeSourcePart(context) },
        { name: 'hermetic', run: () => timeHermetic(root) },
      ],
      {
        rounds,
        onRun: ({ round, variant, ms }) =>
          log(`sources round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
      },
    );
    const sourcesDir = process.env['BENCH_SOURCES'];
    const tables = sourcesDir
      ? [await buildCold({ ...context, sourcesDir: resolve(root, sourcesDir) }, log)]
      : [];
    return {
      figures: [
        {
          ...timeFigure({
            label: 'warm npm run hermetic: the source part (engine 29.7, registry:3 binary)',
            samples: warm.get('source part') ?? [],
          }),
          goal: { comparison: 'at-most', value: 5000 },
        },
        timeFigure({ label: 'warm npm run hermetic, in all', samples: warm.get('hermetic') ?? [] }),
      ],
      tables,
      notes: sourcesDir
        ? ['Cold builds ran one after another on the same machine; other work on it slows them.']
        : [
            'Cold builds not measured: set BENCH_SOURCES to the folder of tag archives (tens of minutes).',
          ],
    };
  },
};
