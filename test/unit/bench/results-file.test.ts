import { describe, expect, it } from 'vitest';
import { type RunRecord, renderResultsFile } from '../../../bench/lib/results-file.ts';

const record: RunRecord = {
  outcomes: [
    {
      status: 'done',
      name: 'peer',
      title: 'Against a peer',
      durationMs: 120_000,
      figures: [
        {
          label: 'verify / cram',
          value: 0.96,
          unit: 'ratio',
          spread: { min: 0.95, max: 0.98 },
          goal: { comparison: 'at-most', value: 1 },
        },
        {
          label: 'verify-examples',
          value: 14_530,
          unit: 'ms',
          spread: { min: 14_020, max: 15_040 },
        },
      ],
      tables: [{ title: 'Detail', columns: ['a', 'b'], rows: [['x', '1 ms']] }],
      notes: ['cram did not pass: line one\nline two'],
    },
    { status: 'failed', name: 'site', title: 'Site', durationMs: 5, message: 'no chromium' },
  ],
  machine: {
    cpu: 'Test CPU @ 2.0GHz',
    cores: 2,
    memoryBytes: 24 * 2 ** 30,
    kernel: 'Linux 6.1.0',
    node: 'v22.23.3',
    docker: { client: '28.2.2', server: '26.1.5+dfsg1' },
  },
  revision: { commit: 'abc1234', uncommitted: ['src/content/docs/images.mdx'] },
  revisionAtEnd: { commit: 'def5678', uncommitted: [] },
  load: { min: 1.5, max: 9.8 },
  rounds: 5,
  startedAt: new Date('2026-11-22T07:00:00Z'),
  durationMs: 1_800_000,
};

describe('renderResultsFile', () => {
  const text = renderResultsFile(record);

  it('starts with the goals of every benchmark, met or not', () => {
    expect(text.split('\n## Machine')[0]).toMatchInlineSnapshot(`
      "# Benchmark results

      Written by \`npm run bench -- --write\` on 2026-11-22 07:00 UTC
      (5 measured rounds after one warm-up round, 30.0 min in all).
      Do not edit by hand: the next \`--write\` replaces this file.

      **Goals**

      | figure | median | min – max | goal | status |
      | --- | ---: | --- | --- | --- |
      | peer: verify / cram | 0.960× | 0.950× – 0.980× | ≤ 1× | met |

      Failed to run: site (see below).
      "
    `);
  });

  it('states the machine, and that it was busy', () => {
    expect(text).toContain('- CPU: Test CPU @ 2.0GHz, 2 cores; RAM 24.0 GiB');
    expect(text).toContain('Docker client 28.2.2, server 26.1.5+dfsg1');
    expect(text).toContain('1.5 – 9.8 on 2 cores: **the machine was busy**');
    expect(text).toContain('commit abc1234, plus uncommitted changes to 1 file(s)');
    expect(text).toContain('**The code changed during the run** (commit def5678 at the end)');
  });

  it('keeps each note on one line and says how to reproduce', () => {
    expect(text).toContain('- cram did not pass: line one line two');
    expect(text).toContain('**Failed:** no chromium');
    expect(text).toContain('npm run bench -- --write');
  });
});
