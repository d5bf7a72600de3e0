import { diagnoseIssues } from '../core/diagnose-issues.ts';
import type { Diagnostic, SourcePosition } from '../core/errors.ts';
import { parseFenceMeta } from '../core/fence-meta.ts';
import {
  expressiveCodeOptionNames,
  type FenceOptions,
  fenceOptionNames,
  fenceOptionsSchema,
} from '../core/options.ts';

export type FenceOptionsResult =
  /** `positions`: where each option was written, for diagnostics found later. */
  | { ok: true; options: FenceOptions; positions: Partial<Record<string, SourcePosition>> }
  | { ok: false; diagnostics: Diagnostic[] };

const tolerated = new Set<string>(expressiveCodeOptionNames);

/**
 * Reads our options out of a fence's meta. Unknown names are errors (a typo must not silently
 * turn a check off), except Expressive Code's own options, which are left to it.
 * `metaColumn` is where the meta starts on the fence line, for precise positions.
 */
export function readFenceOptions(
  meta: string,
  where: SourcePosition,
  metaColumn: number,
): FenceOptionsResult {
  const at = (column: number): SourcePosition => ({ ...where, column: metaColumn + column });
  const parsed = parseFenceMeta(meta);
  if (!parsed.ok) {
    return {
      ok: false,
      diagnostics: [
        { code: 'INVALID_OPTION', message: parsed.message, position: at(parsed.column) },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const raw: Record<string, string | true> = {};
  const columns: Record<string, number> = {};
  for (const token of parsed.tokens) {
    if (token.kind === 'marker' || tolerated.has(token.key)) continue;
    if (!fenceOptionNames.includes(token.key)) {
      diagnostics.push({
        code: 'INVALID_OPTION',
        message: `Unexpected fence option \`${token.key}\`, expected one of: ${fenceOptionNames.join(', ')}`,
        position: at(token.column),
      });
    } else if (token.key in raw) {
      diagnostics.push({
        code: 'INVALID_OPTION',
        message: `Unexpected second \`${token.key}\` option`,
        position: at(token.column),
      });
    } else {
      raw[token.key] = token.value;
      columns[token.key] = token.column;
    }
  }
  const result = fenceOptionsSchema.safeParse(raw);
  if (!result.success) {
    const keyOf = (path: readonly PropertyKey[]) => String(path[0] ?? '');
    const subject = {
      what: 'fence option',
      nameOf: keyOf,
      positionOf: (path: readonly PropertyKey[]) => at(columns[keyOf(path)] ?? 0),
    };
    diagnostics.push(...diagnoseIssues(result.error, subject));
  }
  if (diagnostics.length > 0 || !result.success) return { ok: false, diagnostics };
  const positions = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [key, at(column)]),
  );
  return { ok: true, options: result.data, positions };
}
