/**
 * Watch mode's save → verdict latency, measured side by side with a cold single-page run
 * (the same page, `verify-examples page.md`: engine start included) and with the page's
 * commands' own time (bench/baselines/bash-pages.ts: the commands as one bash script in a
 * Docker world already open, with its images). Budgets: ≤ 1.5 s for a page of ten cheap
 * snippets; no more than the commands' own time + 0.3 s for a Docker page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { nodeFlags, verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';
import type { Benchmark, BenchmarkReport, Figure } from '../lib/benchmark.ts';
import { timeFigure } from '../lib/figures.ts';
import { selectOneLeg } from '../lib/legs.ts';
import { createNotes, type Notes } from '../lib/notes.ts';
import { runRounds, type Variant } from '../lib/rounds.ts';
import { summarize } from '../lib/stats.ts';
import { cheapPage, dockerPage, edit } from '../lib/watch-pages.ts';

const timeoutMs = 5 * 60_000;
/** Between saves, as a writer pauses: the next run's sandbox gets ready meanwhile. */
const pauseMs = 2_000;

interface Page {
  file: string;
  text: string;
}

/** A `--watch` of one page, kept running across rounds; each run saves the page once. */
async function startWatch(root: string, folder: string, page: Page, leg: readonly string[]) {
  const command = verifyCommand(root, [page.file, '--watch', '--docker', 'sandbox', ...leg]);
  const child = execa(process.execPath, command.args, {
    cwd: folder,
    env: command.env,
    reject: false,
    all: true,
    buffer: false,
  });
  let output = '';
  const waiting = new Set<() => void>();
  child.all?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiting) check();
  });
  const verdicts = () =>
    output.split('\n').filter((line) => /^[✓✗-] /.test(line) && line.includes(`${page.file}  `))
      .length;
  const waitFor = (isDone: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`watch: no verdict:\n${tailOf(output, 8)}`)),
        timeoutMs,
      );
      const check = () => {
        if (!isDone()) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      waiting.add(check);
      check();
    });
  await waitFor(() => output.includes('watching 1 page'));
  let saves = 0;
  return {
    output: () => output,
    async save(): Promise<number> {
      await sleep(pauseMs);
      const before = verdicts();
      const started = performance.now();
      await writeFile(join(folder, page.file), edit(page.text, ++saves));
      await waitFor(() => verdicts() > before);
      return performance.now() - started;
    },
    async stop(): Promise<void> {
      child.kill('SIGINT');
      await child;
    },
  };
}

function coldVariant(
  root: string,
  folder: string,
  page: Page,
  leg: readonly string[],
  notes: Notes,
): Variant {
  return {
    name: 'cold',
    async run() {
      const command = verifyCommand(root, [page.file, '--docker', 'sandbox', ...leg]);
      const run = await runProcess(process.execPath, command.args, {
        cwd: folder,
        env: command.env,
        timeoutMs,
      });
      if (run.exitCode !== 0)
        notes.add(`the cold run of ${page.file} did not pass`, tailOf(run.all, 3));
      return run.durationMs;
    },
  };
}

/** The commands' own time: bash-pages.ts's `scriptMs`. */
function commandsVariant(
  root: string,
  folder: string,
  page: Page,
  leg: readonly string[],
): Variant {
  return {
    name: 'commands',
    async run() {
      const args = [
        ...nodeFlags,
        join(root, 'bench/baselines/bash-pages.ts'),
        '--docker',
        'sandbox',
        ...leg,
        page.file,
      ];
      const run = await runProcess(process.execPath, args, { cwd: folder, timeoutMs });
      const line = run.all.split('\n').find((text) => text.startsWith('{"file"'));
      if (run.exitCode !== 0 || !line)
        throw new Error(`bash baseline failed:\n${tailOf(run.all, 5)}`);
      return (JSON.parse(line) as { scriptMs: number }).scriptMs;
    },
  };
}

async function measurePage(
  root: string,
  page: Page,
  rounds: number,
  log: (message: string) => void,
  notes: Notes,
) {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-watch-'));
  await writeFile(join(folder, page.file), page.text);
  const leg = await selectOneLeg();
  const watch = await startWatch(root, folder, page, leg);
  try {
    const variants: Variant[] = [
      { name: 'watch', run: () => watch.save() },
      coldVariant(root, folder, page, leg, notes),
      commandsVariant(root, folder, page, leg),
    ];
    return await runRounds(variants, {
      rounds,
      onRun: ({ round, variant, ms }) =>
        log(`watch ${page.file} round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
    });
  } finally {
    await watch.stop();
    if (watch.output().includes('✗'))
      notes.add(`the watched ${page.file} drifted`, tailOf(watch.output(), 5));
    await rm(folder, { recursive: true, force: true });
  }
}

/** Each round's watch time minus its commands' own time: the watch's own overhead. */
function overheadFigure(
  label: string,
  watch: readonly number[],
  commands: readonly number[],
): Figure {
  const { median, min, max } = summarize(watch.map((ms, index) => ms - (commands[index] ?? 0)));
  return {
    label,
    value: median,
    unit: 'ms',
    spread: { min, max },
    goal: { comparison: 'at-most', value: 300 },
  };
}

export const watch: Benchmark = {
  name: 'watch',
  title: 'Watch mode: from saving a page to its verdict, beside a cold single-page run',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const notes = createNotes();
    const cheap = await measurePage(root, cheapPage, rounds, log, notes);
    const docker = await measurePage(root, dockerPage, rounds, log, notes);
    const samples = (map: Map<string, number[]>, name: string) => map.get(name) ?? [];
    return {
      figures: [
        {
          ...timeFigure({
            label: 'save → verdict, ten cheap snippets',
            samples: samples(cheap, 'watch'),
          }),
          goal: { comparison: 'at-most', value: 1500 },
        },
        timeFigure({
          label: 'cold single-page run, ten cheap snippets',
          samples: samples(cheap, 'cold'),
        }),
        overheadFigure(
          "save → verdict − the commands' own time, Docker page",
          samples(docker, 'watch'),
          samples(docker, 'commands'),
        ),
        timeFigure({ label: 'save → verdict, Docker page', samples: samples(docker, 'watch') }),
        timeFigure({
          label: "the Docker page's commands' own time (bash, world open)",
          samples: samples(docker, 'commands'),
        }),
        timeFigure({
          label: 'cold single-page run, Docker page',
          samples: samples(docker, 'cold'),
        }),
      ],
      tables: [],
      notes: notes.list(),
    };
  },
};
