import type { Yaml } from 'mdast';
import { type Document, isMap, parseDocument } from 'yaml';
import { diagnoseIssues } from '../core/diagnose-issues.ts';
import type { Diagnostic } from '../core/errors.ts';
import { defaultPageOptions, type PageOptions, pageOptionsSchema } from '../core/options.ts';

/** The line of a key under `verify:` (e.g. `['values', 'KERNEL']`), for later diagnostics. */
export type FrontmatterLineOf = (path: readonly (string | number)[]) => number;

export type PageOptionsResult =
  | { ok: true; options: PageOptions; lineOf: FrontmatterLineOf }
  | { ok: false; diagnostics: Diagnostic[] };

/** The frontmatter's YAML, parsed once for what reads it (here, read-sidebar.ts). */
export function parseFrontmatter(frontmatter: Yaml | undefined): Document.Parsed | undefined {
  return frontmatter ? parseDocument(frontmatter.value) : undefined;
}

/** Reads frontmatter `verify:`; other keys belong to the site and are left alone. */
export function readPageOptions(
  frontmatter: Yaml | undefined,
  file: string,
  document = parseFrontmatter(frontmatter),
): PageOptionsResult {
  const empty = defaultPageOptions();
  if (!frontmatter || !document) return { ok: true, options: empty, lineOf: () => 1 };
  const firstLine = (frontmatter.position?.start.line ?? 1) + 1;
  const lineAt = (offset: number | undefined): number =>
    firstLine + frontmatter.value.slice(0, offset ?? 0).split('\n').length - 1;
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((error) => ({
        code: 'INVALID_MARKDOWN',
        message: `Invalid frontmatter: ${error.message.split('\n')[0]}`,
        position: { file, line: lineAt(error.pos[0]) },
      })),
    };
  }
  const root = document.contents;
  const lineOf: FrontmatterLineOf = (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(['verify', ...path.slice(0, depth)], true) as
        | { range?: number[] }
        | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return lineAt(isMap(root) ? root.get('verify', true)?.range?.[0] : undefined);
  };
  if (!isMap(root) || !root.has('verify')) return { ok: true, options: empty, lineOf };
  const result = pageOptionsSchema.safeParse(root.toJSON().verify ?? {});
  if (result.success) return { ok: true, options: result.data, lineOf };
  const subject = {
    what: 'frontmatter option',
    nameOf: (path: readonly PropertyKey[]) => ['verify', ...path.map(String)].join('.'),
    positionOf: (path: readonly PropertyKey[]) => ({
      file,
      line: lineOf(path as readonly (string | number)[]),
    }),
  };
  return { ok: false, diagnostics: diagnoseIssues(result.error, subject) };
}
