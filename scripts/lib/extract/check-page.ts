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
import { seriesOf } from './version-values.ts';

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

/**
 * A `docker version` the page shows must be what a leg of the matrix prints: its Engine's
 * major.minor must be one of the matrix's engines (those legs compare it as written).
 */
export function checkShownVersions(snippet: Snippet, matrix: readonly MatrixLeg[]): Diagnostic[] {
  if (matrix.length === 0) return [];
  const engines = [...new Set(matrix.map((leg) => leg.engine))];
  return listCommandSteps(snippet).flatMap((step) => {
    const shown = step.versions?.engine;
    if (!shown || engines.includes(seriesOf(shown))) return [];
    return [
      {
        code: 'INVALID_OPTION' as const,
        message: `Unexpected version: the output shows Docker ${shown}, which no leg of the matrix prints (engines ${engines.join(', ')})`,
        position: { file: snippet.file, line: step.line },
        hint: 'Show the output a leg of the matrix prints (npm run verify -- --update on that leg), or add its engine to `matrix` in verify-examples.json.',
      },
    ];
  });
}
