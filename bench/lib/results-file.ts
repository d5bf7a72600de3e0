/** bench/RESULTS.md: the figures of one full run, the machine, and how to reproduce them. */

import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { type BenchmarkOutcome, checkGoal } from './benchmark.ts';
import type { LoadSummary, Machine, Revision } from './machine.ts';
import { formatMarkdownTable, tableOfFigures } from './table.ts';

export interface RunRecord {
  outcomes: BenchmarkOutcome[];
  machine: Machine;
  /** The code when the run started, and when it ended: others may commit meanwhile. */
  revision: Revision;
  revisionAtEnd: Revision;
  load: LoadSummary;
  rounds: number;
  startedAt: Date;
  durationMs: number;
}

function isSameCode(a: Revision, b: Revision): boolean {
  return a.commit === b.commit && a.uncommitted.join('\n') === b.uncommitted.join('\n');
}

function describeMachine({ machine, load, revision, revisionAtEnd }: RunRecord): string[] {
  const isBusy = load.max > machine.cores;
  const changed = revision.uncommitted.length;
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `- ${machine.kernel}; Node ${machine.node}; Docker client ${machine.docker.client}, server ${machine.docker.server}`,
    `- Load average (1 min) during the run: ${load.min.toFixed(1)} – ${load.max.toFixed(1)}${
      isBusy
        ? ` on ${machine.cores} cores: **the machine was busy** with other processes, so absolute times are inflated and spreads wide; the ratios, measured side by side, are the figures to read`
        : ''
    }`,
    `- Code: commit ${revision.commit}${
      changed > 0
        ? `, plus uncommitted changes to ${changed} file(s): ${revision.uncommitted.join(', ')}`
        : ''
    }`,
    ...(isSameCode(revision, revisionAtEnd)
      ? []
      : [
          `- **The code changed during the run** (commit ${revisionAtEnd.commit} at the end): benchmarks that ran after the change measured the new code.`,
        ]),
  ];
}

function describeOutcome(outcome: BenchmarkOutcome): string[] {
  const heading = `## ${outcome.title}`;
  if (outcome.status === 'failed') return [heading, '', `**Failed:** ${outcome.message}`];
  return [
    heading,
    '',
    formatMarkdownTable(tableOfFigures('Figures', outcome.figures)),
    ...outcome.tables.flatMap((table) => ['', formatMarkdownTable(table)]),
    ...(outcome.notes.length > 0
      ? ['', ...outcome.notes.map((note) => `- ${note.replaceAll('\n', ' ')}`)]
      : []),
  ];
}

function summarize(outcomes: readonly BenchmarkOutcome[]): string {
  const figures = outcomes.flatMap((outcome) =>
    outcome.status === 'done'
      ? outcome.figures
          .filter((figure) => checkGoal(figure) !== 'none')
          .map((figure) => ({ ...figure, label: `${outcome.name}: ${figure.label}` }))
      : [],
  );
  return formatMarkdownTable(tableOfFigures('Goals', figures));
}

export function renderResultsFile(record: RunRecord): string {
  const failed = record.outcomes
    .filter((outcome) => outcome.status === 'failed')
    .map((outcome) => outcome.name);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench -- --write\` on ${record.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `(${record.rounds} measured rounds after one warm-up round, ${formatMeasuredDuration(record.durationMs)} in all).`,
    'Do not edit by hand: the next `--write` replaces this file.',
    '',
    summarize(record.outcomes),
    ...(failed.length > 0 ? ['', `Failed to run: ${failed.join(', ')} (see below).`] : []),
    '',
    '## Machine',
    '',
    ...describeMachine(record),
    '',
    '## Method',
    '',
    '- Every benchmark compares variants measured **side by side**: each round runs each variant once,',
    '  in an order that rotates from round to round, after one unmeasured warm-up round, so load from',
    '  other work weighs on all variants alike.',
    '- Each figure is the **median** over rounds with its **min – max** spread. A ratio is the ratio of',
    "  the medians; its spread is the min – max of each round's own ratio.",
    '- Times are wall-clock, from spawning the program to its exit, as a user waits for it.',
    '',
    ...record.outcomes.flatMap((outcome) => [...describeOutcome(outcome), '']),
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'sudo npm run hermetic                     # Docker with a local registry mirror (offline)',
    'sudo apt-get install -y chromium',
    'sudo npm run bench -- --write             # all benchmarks, 5 rounds; rewrites this file',
    'sudo npm run bench -- --write --rounds 2  # the same in about half the time, wider spreads',
    'sudo npm run bench -- --only harness --rounds 3',
    '```',
    '',
    'The sandbox benchmarks (harness, parallel, matrix) need root; peer and scale use your daemon and',
    'remove what they create; site empties and refills the diagram cache',
    "(node_modules/.cache/mermaid-diagrams). peer uses cram from PATH, else Debian's python3-cram,",
    'which it unpacks into ~/.cache/docker-fundamentals/tools (never installed on the machine).',
    '',
  ].join('\n');
}
