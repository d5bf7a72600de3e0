import { describe, expect, it } from 'vitest';
import { breakDownRun } from '../../../bench/lib/time-breakdown.ts';

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
