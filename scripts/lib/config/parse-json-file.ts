import { isMap, parseDocument } from 'yaml';
import type { z } from 'zod';
import { diagnoseIssues } from '../core/diagnose-issues.ts';
import type { Diagnostic } from '../core/errors.ts';

type Parsed<Schema extends z.ZodType> =
  | { ok: true; data: z.output<Schema> }
  | { ok: false; diagnostics: Diagnostic[] };

/** The keys of every object in `value`, counted. */
function countKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countKeys(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const values = Object.values(value);
  return values.length + values.reduce((sum: number, item) => sum + countKeys(item), 0);
}

const colonNext = /\s*:/y;

/** The keys written in valid JSON `text`: the strings a colon follows. */
function countWrittenKeys(text: string): number {
  let count = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (!isInString) isInString = char === '"';
    else if (char === '\\') index++;
    else if (char === '"') {
      isInString = false;
      colonNext.lastIndex = index + 1;
      if (colonNext.test(text)) count++;
    }
  }
  return count;
}

/**
 * The data, when the text is JSON the schema accepts and names no key twice in an object
 * (which JSON.parse would take silently and the positioned reading reports); undefined
 * otherwise. JSON.parse takes well under a millisecond where reading with positions took
 * tens of a run's start-up (cold, for the published values); only a problem needs positions.
 */
function parseValidJson<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): z.output<Schema> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (countKeys(value) !== countWrittenKeys(text)) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * Reads and checks the text of a JSON file the project declares (its settings, Docker Hub's
 * published values), read with positions: every problem as a diagnostic at its line. Pure.
 */
export function parseJsonFile<Schema extends z.ZodType>(
  text: string,
  file: string,
  schema: Schema,
  what: string,
): Parsed<Schema> {
  const valid = parseValidJson(text, schema);
  if (valid !== undefined) return { ok: true, data: valid };
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
