import { describe, expect, it } from 'vitest';
import { breakDownRun, breakdownTable } from '../../../bench/lib/time-breakdown.ts';

describe('breakDownRun', () => {
  it('splits the wall time into process, between pages, page set-up and snippets', () => {
    const report = {
      durationMs: 900,
      pages: [
        { durationMs: 400, snippets: [{ durationMs: 100 }, { durationMs: 200 }] },
        { durationMs: 300, snippets: [{ durationMs: 250 }] },
      ],
    };
    expect(breakDownRun(1000, report)).toEqual({
      process: 100,
      'between pages': 200,
      'page set-up': 150,
      snippets: 550,
    });
  });

  it('takes the wall time as the run time when the report has none', () => {
    expect(breakDownRun(500, { durationMs: null, pages: [] })).toEqual({
      process: 0,
      'between pages': 500,
      'page set-up': 0,
      snippets: 0,
    });
  });
});

describe('breakdownTable', () => {
  it('gives the median of each part over runs, in all and per unit', () => {
    const report = (snippet: number) => ({
      durationMs: 900,
      pages: [{ durationMs: 800, snippets: [{ durationMs: snippet }] }],
    });
    const table = breakdownTable('T', [1000, 1100, 1000], [report(600), report(500), report(700)], {
      'per command': 10,
    });
    expect(table.columns).toEqual(['part', 'total', 'per command']);
    expect(table.rows).toEqual([
      ['process', '100 ms', '10 ms'],
      ['between pages', '100 ms', '10 ms'],
      ['page set-up', '200 ms', '20 ms'],
      ['snippets', '600 ms', '60 ms'],
    ]);
  });
});
