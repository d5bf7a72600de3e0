import { describe, expect, it } from 'vitest';
import { checkGoal, type Figure } from '../../../bench/lib/benchmark.ts';
import { formatGoal } from '../../../bench/lib/format.ts';
import { formatMarkdownTable, formatTextTable, tableOfFigures } from '../../../bench/lib/table.ts';

const figures: Figure[] = [
  {
    label: 'verify / bash',
    value: 1.031,
    unit: 'ratio',
    spread: { min: 1.01, max: 1.08 },
    goal: { comparison: 'at-most', value: 1.05 },
  },
  {
    label: 'speed-up',
    value: 1.4,
    unit: 'ratio',
    goal: { comparison: 'at-least', value: 1.6 },
  },
  { label: 'verify', value: 63_400, unit: 'ms', spread: { min: 61_000, max: 70_250 } },
];

describe('checkGoal', () => {
  it.each([
    { value: 1.05, comparison: 'at-most', expected: 'met' },
    { value: 1.06, comparison: 'at-most', expected: 'missed' },
    { value: 1.6, comparison: 'at-least', expected: 'met' },
    { value: 1.59, comparison: 'at-least', expected: 'missed' },
  ] as const)('$value $comparison 1.05/1.6 is $expected', ({ value, comparison, expected }) => {
    const goal = { comparison, value: comparison === 'at-most' ? 1.05 : 1.6 };
    expect(checkGoal({ label: '', value, unit: 'ratio', goal })).toBe(expected);
  });

  it('is none without a goal', () => {
    expect(checkGoal({ label: '', value: 1, unit: 'ms' })).toBe('none');
  });
});

describe('formatting values', () => {
  it('writes goals with their direction', () => {
    expect(formatGoal({ comparison: 'at-least', value: 95 }, 'score')).toBe('≥ 95');
    expect(formatGoal(undefined, 'ms')).toBe('');
  });
});

describe('tables', () => {
  it('prints figures for the terminal, numbers aligned right', () => {
    expect(formatTextTable(tableOfFigures('Figures', figures))).toMatchInlineSnapshot(`
      "Figures
      figure         median   min – max          goal     status
      ─────────────  ───────  ─────────────────  ───────  ──────
      verify / bash   1.031×  1.010× – 1.080×    ≤ 1.05×  met
      speed-up        1.400×                     ≥ 1.6×   MISSED
      verify         63.40 s  61.00 s – 70.25 s"
    `);
  });

  it('prints figures as Markdown', () => {
    expect(formatMarkdownTable(tableOfFigures('Figures', figures))).toMatchInlineSnapshot(`
      "**Figures**

      | figure | median | min – max | goal | status |
      | --- | ---: | --- | --- | --- |
      | verify / bash | 1.031× | 1.010× – 1.080× | ≤ 1.05× | met |
      | speed-up | 1.400× |  | ≥ 1.6× | MISSED |
      | verify | 63.40 s | 61.00 s – 70.25 s |  |  |"
    `);
  });

  it('escapes pipes in Markdown cells', () => {
    const table = { title: 'T', columns: ['a'], rows: [['x | y']] };
    expect(formatMarkdownTable(table)).toContain('x \\| y');
  });
});
