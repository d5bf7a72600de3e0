/**
 * Harness overhead: what the verifier adds on top of running the chapters' commands. The
 * baseline (bench/baselines/bash-pages.ts) runs each page's commands as one plain bash script
 * in the same Docker world: same engine, a sandbox per page with the page's images. Both run
 * pages one at a time.
 */

import { nodeFlags } from '../../scripts/lib/cli/verify-command.ts';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';
import type { Benchmark, BenchmarkReport, Table } from '../lib/benchmark.ts';
import { listChapters } from '../lib/chapters.ts';
import { compareFigures } from '../lib/figures.ts';
import { createNotes } from '../lib/notes.ts';
import { addPageTime, type PageTimes } from '../lib/page-times.ts';
import { runRounds, type Variant } from '../lib/rounds.ts';
import { median } from '../lib/stats.ts';
import { verifyVariant } from '../lib/verify-cli.ts';

const timeoutMs = 20 * 60_000;

function bashVariant(root: string, chapters: readonly string[], pages: PageTimes): Variant {
  const script = `${root}/bench/baselines/bash-pages.ts`;
  return {
    name: 'bash',
    async run({ isWarmup }) {
      const args = [...nodeFlags, script, '--docker', 'sandbox', ...chapters];
      const run = await runProcess(process.execPath, args, { cwd: root, timeoutMs });
      if (run.exitCode !== 0) {
        throw new Error(`the bash baseline failed (exit ${run.exitCode}):\n${tailOf(run.all, 5)}`);
      }
      const lines = isWarmup ? [] : run.all.split('\n');
      for (const line of lines.filter((text) => text.startsWith('{"file"'))) {
        const page = JSON.parse(line) as { file: string; ms: number };
        addPageTime(pages, page.file, page.ms);
      }
      return run.durationMs;
    },
  };
}

function pagesTable(verify: PageTimes, bash: PageTimes): Table {
  return {
    title: 'Per page (median), from opening the page to its last command; disposal not included',
    columns: ['page', 'verify', 'bash', 'verify − bash'],
    rows: [...verify].map(([file, times]) => {
      const ours = median(times);
      const base = bash.get(file);
      if (!base) return [file, formatMeasuredDuration(ours), 'nothing to run', ''];
      return [
        file,
        formatMeasuredDuration(ours),
        formatMeasuredDuration(median(base)),
        formatMeasuredDuration(ours - median(base)),
      ];
    }),
  };
}

export const harness: Benchmark = {
  name: 'harness',
  title: 'Harness overhead: verify-examples vs the same commands in plain bash (sandbox, --jobs 1)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const chapters = await listChapters(root);
    const notes = createNotes();
    const verifyPages: PageTimes = new Map();
    const bashPages: PageTimes = new Map();
    const verify = verifyVariant(
      'verify',
      root,
      ['--jobs', '1', '--docker', 'sandbox', ...chapters],
      {
        timeoutMs,
        notes,
        onReport: (report) => {
          for (const page of report.pages) addPageTime(verifyPages, page.file, page.durationMs);
        },
      },
    );
    const samples = await runRounds([verify, bashVariant(root, chapters, bashPages)], {
      rounds,
      onRun: ({ round, variant, ms }) =>
        log(`harness round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
    });
    return {
      figures: compareFigures(
        'verify / bash, whole run',
        { label: 'verify-examples', samples: samples.get('verify') ?? [] },
        { label: 'plain bash', samples: samples.get('bash') ?? [] },
        { comparison: 'at-most', value: 1.05 },
      ),
      tables: [pagesTable(verifyPages, bashPages)],
      notes: notes.list(),
    };
  },
};
