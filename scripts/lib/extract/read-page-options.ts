import type { Yaml } from 'mdast';
import { isMap, parseDocument } from 'yaml';
import type { Diagnostic } from '../core/errors.ts';
import { defaultPageOptions, type PageOptions, pageOptionsSchema } from '../core/options.ts';

export type PageOptionsResult =
  | { ok: true; options: PageOptions }
  | { ok: false; diagnostics: Diagnostic[] };

/** Reads frontmatter `verify:`; other keys belong to the site and are left alone. */
export function readPageOptions(frontmatter: Yaml | undefined, file: string): PageOptionsResult {
  const empty = defaultPageOptions();
  if (!frontmatter) return { ok: true, options: empty };
  const firstLine = (frontmatter.position?.start.line ?? 1) + 1;
  const document = parseDocument(frontmatter.value);
  const lineOf = (offset: number | undefined): number =>
    firstLine + frontmatter.value.slice(0, offset ?? 0).split('\n').length - 1;
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((error) => ({
        code: 'INVALID_MARKDOWN',
        message: `Invalid frontmatter: ${error.message.split('\n')[0]}`,
        position: { file, line: lineOf(error.pos[0]) },
      })),
    };
  }
  const root = document.contents;
  if (!isMap(root) || !root.has('verify')) return { ok: true, options: empty };
  const result = pageOptionsSchema.safeParse(root.toJSON().verify ?? {});
  if (result.success) return { ok: true, options: result.data };
  return {
    ok: false,
    diagnostics: result.error.issues.map((issue) => {
      const node = document.getIn(['verify', ...issue.path], true) as
        | { range?: number[] }
        | undefined;
      const key = ['verify', ...issue.path].join('.');
      return {
        code: 'INVALID_OPTION',
        message: `Invalid frontmatter option \`${key}\`: ${issue.message}`,
        position: { file, line: lineOf(node?.range?.[0] ?? root.get('verify', true)?.range?.[0]) },
      };
    }),
  };
}
