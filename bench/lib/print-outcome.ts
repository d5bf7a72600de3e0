import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { BenchmarkOutcome } from './benchmark.ts';
import { formatTextTable, tableOfFigures } from './table.ts';

/** One benchmark's outcome for the terminal: figures against goals, details, notes. */
export function formatOutcome(outcome: BenchmarkOutcome): string {
  const heading = `\n== ${outcome.title} (${formatMeasuredDuration(outcome.durationMs)})`;
  if (outcome.status === 'failed') return `${heading}\nFAILED: ${outcome.message}\n`;
  const tables = [tableOfFigures('Figures', outcome.figures), ...outcome.tables].map(
    formatTextTable,
  );
  const notes = outcome.notes.map((note) => `note: ${note}`);
  return [heading, ...tables, ...notes, ''].join('\n\n');
}
