import type { Code, Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../core/errors.ts';

export interface ParsedMarkdown {
  code: Code[];
  frontmatter: Yaml | undefined;
}

export type ParseResult =
  | { ok: true; parsed: ParsedMarkdown }
  | { ok: false; diagnostic: Diagnostic };

interface PositionedError {
  message?: string;
  reason?: string;
  line?: number;
  column?: number;
}

/**
 * Parses Markdown or MDX with the unified/remark parser, keeping positions, and returns the
 * fenced code blocks and the frontmatter. MDX is chosen by extension, as Astro does.
 */
export function parseMarkdown(source: string, file: string): ParseResult {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  let tree: Root;
  try {
    tree = processor.parse(source);
  } catch (error) {
    const positioned = error as PositionedError;
    return {
      ok: false,
      diagnostic: {
        code: 'INVALID_MARKDOWN',
        message: `Cannot parse ${file.endsWith('.mdx') ? 'MDX' : 'Markdown'}: ${positioned.reason ?? positioned.message ?? String(error)}`,
        position: { file, line: positioned.line ?? 1, column: positioned.column ?? 1 },
      },
    };
  }
  const code: Code[] = [];
  let frontmatter: Yaml | undefined;
  visit(tree, (node) => {
    if (node.type === 'code') code.push(node);
    if (node.type === 'yaml' && frontmatter === undefined) frontmatter = node;
  });
  return { ok: true, parsed: { code, frontmatter } };
}
