import { checkGoal, type Figure, type Table } from './benchmark.ts';
import { formatGoal, formatSpread, formatValue } from './format.ts';

const statusText = { met: 'met', missed: 'MISSED', none: '' } as const;

/** The headline figures of a benchmark as a table: value, spread, goal and whether it is met. */
export function tableOfFigures(title: string, figures: readonly Figure[]): Table {
  return {
    title,
    columns: ['figure', 'median', 'min – max', 'goal', 'status'],
    rows: figures.map((figure) => [
      figure.label,
      formatValue(figure.value, figure.unit),
      formatSpread(figure),
      formatGoal(figure.goal, figure.unit),
      statusText[checkGoal(figure)],
    ]),
  };
}

/** Numbers line up on the right, text on the left. */
const isNumeric = (cell: string) => /^[-+−]?[\d.,]+(\s?\S+)?$/.test(cell);

/** A table for the terminal: columns padded to their widest cell, two spaces apart. */
export function formatTextTable(table: Table): string {
  const widths = table.columns.map((column, index) =>
    Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    widths
      .map((width, index) => {
        const cell = cells[index] ?? '';
        return isNumeric(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [table.title, line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');

/** A GitHub-flavoured Markdown table, preceded by its title in bold. */
export function formatMarkdownTable(table: Table): string {
  const align = table.columns.map((_, index) =>
    table.rows.length > 0 && table.rows.every((row) => isNumeric(row[index] ?? ''))
      ? '---:'
      : '---',
  );
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    `**${table.title}**`,
    '',
    line(table.columns),
    line(align),
    ...table.rows.map((row) => line(table.columns.map((_, index) => row[index] ?? ''))),
  ].join('\n');
}
