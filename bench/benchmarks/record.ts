/**
 * What the verification record costs: the site as the e2e tests build it (warm diagram
 * cache), with the statement under each title and the mark under each example, side by side
 * with the same site built without them (the copy's astro.config.mjs stripped of the
 * PageTitle override and the marks plugin); and `npm run verify -- --check-record` over the
 * chapters, which `npm test` runs as a unit test and writers run after an edit.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { runProcess } from '../../scripts/lib/system/run-process.ts';
import { buildSite } from '../../scripts/site/build-site-copy.ts';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { compareFigures, timeFigure } from '../lib/figures.ts';
import { runRounds } from '../lib/rounds.ts';

const base = '/docker-fundamentals';

/** The parts of astro.config.mjs that read the record; the baseline builds without them. */
const verificationParts = [
  "      components: { PageTitle: './src/components/PageTitle.astro' },\n",
  ', pluginVerificationMarks()',
];

async function stripVerification(root: string): Promise<void> {
  const file = join(root, 'astro.config.mjs');
  let config = await readFile(file, 'utf8');
  for (const part of verificationParts) {
    if (!config.includes(part)) throw new Error(`astro.config.mjs no longer has ${part.trim()}`);
    config = config.replace(part, '');
  }
  await writeFile(file, config);
}

async function timeBuild(root: string, withRecord: boolean): Promise<number> {
  const site = await buildSite({
    projectRoot: root,
    fixturePagesDir: join(root, 'test/fixtures/site-pages'),
    base,
    ...(withRecord ? {} : { prepare: stripVerification }),
  });
  await rm(site.root, { recursive: true, force: true });
  if (site.status === 'failed') {
    throw new Error(`astro build failed:\n${site.output.split('\n').slice(-15).join('\n')}`);
  }
  return site.buildMs;
}

async function timeCheckRecord(root: string): Promise<number> {
  const command = verifyCommand(root, ['--check-record']);
  const result = await runProcess(process.execPath, command.args, {
    cwd: root,
    env: command.env,
    timeoutMs: 120_000,
  });
  if (result.failed) throw new Error(`--check-record failed:\n${result.all}`);
  return result.durationMs;
}

export const record: Benchmark = {
  name: 'record',
  title: 'Verification record: the site built with its statement and marks, and --check-record',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const builds = await runRounds(
      [
        { name: 'with', run: () => timeBuild(root, true) },
        { name: 'without', run: () => timeBuild(root, false) },
      ],
      {
        rounds,
        onRun: ({ round, variant, ms }) =>
          log(`record round ${round}: build ${variant} the record ${formatMeasuredDuration(ms)}`),
      },
    );
    const checks = await runRounds([{ name: 'check', run: () => timeCheckRecord(root) }], {
      rounds,
      onRun: ({ round, ms }) =>
        log(`record round ${round}: --check-record ${formatMeasuredDuration(ms)}`),
    });
    return {
      figures: [
        ...compareFigures(
          'astro build with the verification record / without',
          { label: 'astro build with the record', samples: builds.get('with') ?? [] },
          { label: 'astro build without the record', samples: builds.get('without') ?? [] },
          // One extraction of each page, as the verifier reads it, for its statement and marks.
          { comparison: 'at-most', value: 1.25 },
        ),
        {
          ...timeFigure({
            label: 'npm run verify -- --check-record (every chapter)',
            samples: checks.get('check') ?? [],
          }),
          goal: { comparison: 'at-most', value: 3000 },
        },
      ],
      tables: [],
      notes: [
        'Both builds use the warm diagram cache; the baseline is the same copy of the project without the PageTitle override and the marks plugin.',
      ],
    };
  },
};
