/**
 * Checks of a page that need more than one fence: conditions against the project's matrix,
 * named values against the output the page shows. Problems are diagnostics with positions.
 */
import { canHoldOnMatrixLeg, describeCondition, isUnconditional } from '../core/conditions.ts';
import type { Diagnostic, SourcePosition } from '../core/errors.ts';
import type { MatrixLeg } from '../core/legs.ts';
import { findValueOccurrences } from '../core/named-values.ts';
import { listNamedValues, type PageOptions } from '../core/options.ts';
import type { FrontmatterLineOf } from './read-page-options.ts';
import { listCommandSteps, type Snippet } from './snippet.ts';

const conditionOptions = ['engine', 'store', 'min-server', 'min-client'];

/** A condition that holds on no leg of the matrix would never be verified: an error. */
export function checkConditions(
  snippet: Snippet,
  matrix: readonly MatrixLeg[],
  positions: Partial<Record<string, SourcePosition>>,
): Diagnostic[] {
  const { condition } = snippet.options;
  if (matrix.length === 0 || isUnconditional(condition)) return [];
  if (matrix.some((leg) => canHoldOnMatrixLeg(condition, leg))) return [];
  const written = conditionOptions.map((name) => positions[name]).find(Boolean);
  const legs = matrix.map((leg) => `${leg.name} (Engine ${leg.engine}, ${leg.store})`);
  return [
    {
      code: 'INVALID_OPTION',
      message: `Unexpected condition: ${describeCondition(condition)} holds on no leg of the matrix, ${legs.join('; ')}`,
      position: written ?? { file: snippet.file, line: snippet.line },
      hint: 'Fix the condition, or add the leg to `matrix` in verify-examples.json.',
    },
  ];
}

/** A named value the page never shows binds nothing: most likely its `shown` has a typo. */
export function checkValuesShown(
  file: string,
  snippets: readonly Snippet[],
  options: PageOptions,
  lineOf: FrontmatterLineOf,
): Diagnostic[] {
  const values = listNamedValues(options);
  if (values.length === 0) return [];
  const shown = new Set<string>();
  for (const snippet of snippets) {
    if (snippet.body.kind !== 'transcript') continue;
    for (const step of listCommandSteps(snippet))
      for (const line of step.expected)
        for (const occurrence of findValueOccurrences(line, values)) shown.add(occurrence.name);
  }
  return values
    .filter((value) => !shown.has(value.name))
    .map((value) => ({
      code: 'INVALID_OPTION',
      message: `Named value ${value.name} is never shown: no output line of the page has \`${value.shown}\` as a word of its own`,
      position: { file, line: lineOf(['values', value.name]) },
      hint: 'Write the shown value exactly as the output shows it, or remove the value.',
    }));
}
