/**
 * Against a peer: cram, the classic transcript tester, and the verifier check the same
 * thirty-command session on the user's daemon (`--docker host`; cram runs the commands in a
 * shell directly). busybox is pulled first, so neither pays for a pull. The verifier's
 * start-up (spawn to its first command, from its report) is a figure of its own, beside
 * cram's whole run of a one-command test (start, `true`, exit), measured in the same rounds.
 * The same commands in plain bash, nothing compared, measured in the same rounds too, are the
 * floor: what the Docker commands themselves take, which no checker can go below.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { type Cram, findCram } from '../lib/cram.ts';
import { compareFigures, timeFigure } from '../lib/figures.ts';
import { hostDaemonEnv } from '../lib/legs.ts';
import { createNotes, type Notes } from '../lib/notes.ts';
import { peerSteps, toBashScript, toCramTest, toMarkdownPage } from '../lib/peer-transcript.ts';
import { runRounds, type Variant } from '../lib/rounds.ts';
import { median } from '../lib/stats.ts';
import { breakdownTable, type ReportTimes } from '../lib/time-breakdown.ts';
import { startupOf, verifyVariant } from '../lib/verify-cli.ts';

const peerFixtures = {
  cram: 'bench/fixtures/peer-transcript.generated.t',
  markdown: 'bench/fixtures/peer-transcript.generated.md',
} as const;

const timeoutMs = 5 * 60_000;

/** The verifier's start-up budget: spawn to first command (issue 24). */
const startupGoalMs = 150;

/** Writes both forms of the transcript; they are generated, never edited. */
async function writeFixtures(root: string): Promise<void> {
  await mkdir(join(root, 'bench/fixtures'), { recursive: true });
  await writeFile(join(root, peerFixtures.cram), toCramTest(peerSteps));
  await writeFile(join(root, peerFixtures.markdown), toMarkdownPage(peerSteps));
}

function cramVariant(
  name: string,
  cram: Cram,
  test: string,
  notes: Notes,
  env: Record<string, string>,
): Variant {
  return {
    name,
    async run() {
      const run = await runProcess(cram.program, [...cram.args, test], {
        cwd: join(test, '..'),
        timeoutMs,
        env: { ...env, ...cram.env },
      });
      if (run.timedOut) throw new Error(`cram hung:\n${tailOf(run.all, 5)}`);
      if (run.exitCode !== 0) notes.add('cram did not pass', tailOf(run.all, 8));
      return run.durationMs;
    },
  };
}

function bashVariant(script: string, notes: Notes, env: Record<string, string>): Variant {
  return {
    name: 'bash',
    async run() {
      const run = await runProcess('bash', [script], { cwd: join(script, '..'), timeoutMs, env });
      if (run.timedOut) throw new Error(`the plain bash script hung:\n${tailOf(run.all, 5)}`);
      if (run.exitCode !== 0) notes.add('the plain bash script failed', tailOf(run.all, 8));
      return run.durationMs;
    },
  };
}

export const peer: Benchmark = {
  name: 'peer',
  title: 'Against a peer: verify-examples vs cram on the same transcript (host daemon)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const cram = await findCram();
    await writeFixtures(root);
    const env = await hostDaemonEnv();
    const pull = await runProcess('docker', ['pull', '--quiet', 'busybox'], {
      cwd: root,
      timeoutMs,
      env,
    });
    if (pull.exitCode !== 0) throw new Error(`docker pull busybox failed:\n${tailOf(pull.all, 5)}`);
    // cram writes a `.err` file beside a failing test: keep that out of the repository.
    const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-cram-'));
    const test = join(folder, 'transcript.t');
    await copyFile(join(root, peerFixtures.cram), test);
    const oneCommand = join(folder, 'one-command.t');
    await writeFile(oneCommand, '  $ true\n');
    const script = join(folder, 'transcript.sh');
    await writeFile(script, toBashScript(peerSteps));
    const notes = createNotes();
    try {
      const args = [peerFixtures.markdown, '--docker', 'host', '--jobs', '1'];
      const reports: ReportTimes[] = [];
      const startups: number[] = [];
      const verify = verifyVariant('verify', root, args, {
        timeoutMs,
        notes,
        env,
        onReport(report, run) {
          reports.push(report);
          const startup = startupOf(run);
          if (startup === undefined) notes.add('a verifier run ran no command', '');
          else startups.push(startup);
        },
      });
      const variants = [
        verify,
        cramVariant('cram', cram, test, notes, env),
        cramVariant('cram-one', cram, oneCommand, notes, env),
        bashVariant(script, notes, env),
      ];
      const samples = await runRounds(variants, {
        rounds,
        onRun: ({ round, variant, ms }) =>
          log(`peer round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
      });
      log(
        `peer start-up (spawn to first command), median ${formatMeasuredDuration(median(startups))}`,
      );
      return {
        figures: [
          ...compareFigures(
            `verify / cram, ${peerSteps.length} commands`,
            { label: 'verify-examples', samples: samples.get('verify') ?? [] },
            { label: `cram (${cram.label})`, samples: samples.get('cram') ?? [] },
            { comparison: 'at-most', value: 0.95 },
          ),
          ...compareFigures(
            'the floor: cram / the same commands in plain bash',
            { label: `cram (${cram.label})`, samples: samples.get('cram') ?? [] },
            { label: 'plain bash, nothing compared', samples: samples.get('bash') ?? [] },
          ).filter((figure) => figure.unit === 'ratio'),
          ...compareFigures(
            'the floor: verify-examples / the same commands in plain bash',
            { label: 'verify-examples', samples: samples.get('verify') ?? [] },
            { label: 'plain bash, nothing compared', samples: samples.get('bash') ?? [] },
          ).filter((figure) => figure.unit === 'ratio'),
          timeFigure({
            label: 'plain bash, nothing compared',
            samples: samples.get('bash') ?? [],
          }),
          {
            ...timeFigure({ label: 'start-up: spawn → first command', samples: startups }),
            goal: { comparison: 'at-most', value: startupGoalMs },
          },
          timeFigure({
            label: `cram, a one-command test: start, \`true\`, exit`,
            samples: samples.get('cram-one') ?? [],
          }),
        ],
        tables: [
          breakdownTable(
            "Where verify-examples' time goes (median over rounds); the commands run inside the snippets",
            samples.get('verify') ?? [],
            reports,
            { 'per command': peerSteps.length },
          ),
        ],
        notes: notes.list(),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
