import { isMap, parseDocument } from 'yaml';
import type { z } from 'zod';
import { diagnoseIssues } from '../core/diagnose-issues.ts';
import type { Diagnostic } from '../core/errors.ts';

/**
 * Reads and checks the text of a JSON file the project declares (its settings, Docker Hub's
 * published values), read with positions: every problem as a diagnostic at its line. Pure.
 */
export function parseJsonFile<Schema extends z.ZodType>(
  text: string,
  file: string,
  schema: Schema,
  what: string,
): { ok: true; data: z.output<Schema> } | { ok: false; diagnostics: Diagnostic[] } {
  const document = parseDocument(text, { prettyErrors: false });
  const lineOf = (offset: number | undefined) => text.slice(0, offset ?? 0).split('\n').length;
  if (document.errors.length > 0 || !isMap(document.contents)) {
    const error = document.errors[0];
    return {
      ok: false,
      diagnostics: [
        {
          code: 'INVALID_OPTION',
          message: `Invalid JSON: ${error?.message.split('\n')[0] ?? 'expected an object'}`,
          position: { file, line: lineOf(error?.pos[0]) },
        },
      ],
    };
  }
  const result = schema.safeParse(document.toJSON());
  if (result.success) return { ok: true, data: result.data };
  const positionOf = (keys: readonly PropertyKey[]) => {
    const node = document.getIn(keys as unknown[], true) as { range?: number[] } | undefined;
    const pair = document.getIn(keys.slice(0, -1) as unknown[], true) as
      | { range?: number[] }
      | undefined;
    return { file, line: lineOf(node?.range?.[0] ?? pair?.range?.[0]) };
  };
  const subject = { what, positionOf, isUnknownKeyNamed: true };
  return { ok: false, diagnostics: diagnoseIssues(result.error, subject) };
}
