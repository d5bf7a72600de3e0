/**
 * npm run bench: the verifier and the site against their baselines, each measured side by
 * side in the same run (see bench/lib/rounds.ts), printed, and with --write kept in
 * bench/RESULTS.md.
 *
 *   options → benchmarks → run each (a failure is recorded, the others still run) → print →
 *   write RESULTS.md
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { harness } from './benchmarks/harness.ts';
import { machine } from './benchmarks/machine.ts';
import { matrix } from './benchmarks/matrix.ts';
import { parallel } from './benchmarks/parallel.ts';
import { peer } from './benchmarks/peer.ts';
import { record } from './benchmarks/record.ts';
import { scale } from './benchmarks/scale.ts';
import { site } from './benchmarks/site.ts';
import { sources } from './benchmarks/sources.ts';
import { suite } from './benchmarks/suite.ts';
import { watch } from './benchmarks/watch.ts';
import type { BenchContext, Benchmark, BenchmarkName, BenchmarkOutcome } from './lib/benchmark.ts';
import { describeMachine, describeRevision, watchLoad } from './lib/machine.ts';
import { parseBenchArgs, usage } from './lib/options.ts';
import { formatOutcome } from './lib/print-outcome.ts';
import { renderResultsFile } from './lib/results-file.ts';

const benchmarks: Record<BenchmarkName, Benchmark> = {
  harness,
  peer,
  parallel,
  matrix,
  scale,
  site,
  record,
  watch,
  sources,
  machine,
  suite,
};
const root = resolve(import.meta.dirname, '..');

async function runBenchmark(
  benchmark: Benchmark,
  context: BenchContext,
): Promise<BenchmarkOutcome> {
  const started = performance.now();
  const { name, title } = benchmark;
  try {
    const report = await benchmark.run(context);
    return { status: 'done', name, title, durationMs: performance.now() - started, ...report };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', name, title, durationMs: performance.now() - started, message };
  }
}

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`error: ${parsed.message}\n\n${usage}\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.isHelp) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const selected = Object.values(benchmarks).filter(
    (benchmark) => options.only.length === 0 || options.only.includes(benchmark.name),
  );
  const startedAt = new Date();
  const started = performance.now();
  const load = watchLoad();
  const revision = await describeRevision(root);
  const context: BenchContext = {
    rounds: options.rounds,
    root,
    log: (message) => process.stderr.write(`  ${message}\n`),
  };
  const outcomes: BenchmarkOutcome[] = [];
  for (const benchmark of selected) {
    process.stderr.write(`${benchmark.title}\n`);
    const outcome = await runBenchmark(benchmark, context);
    outcomes.push(outcome);
    process.stdout.write(formatOutcome(outcome));
  }
  if (options.isWrite) {
    const file = join(root, 'bench/RESULTS.md');
    const machine = await describeMachine();
    const durationMs = performance.now() - started;
    const record = {
      outcomes,
      machine,
      revision,
      revisionAtEnd: await describeRevision(root),
      load: load.stop(),
      rounds: options.rounds,
      startedAt,
      durationMs,
    };
    await writeFile(file, renderResultsFile(record));
    process.stderr.write(`wrote ${file}\n`);
  }
  return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
}

process.exitCode = await main();
