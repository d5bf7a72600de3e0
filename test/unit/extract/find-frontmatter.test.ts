import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFrontmatter } from '../../../scripts/lib/extract/find-frontmatter.ts';
import { parseMarkdown } from '../../../scripts/lib/extract/parse-markdown.ts';

const chapters = join(import.meta.dirname, '../../../src/content/docs');

/** The frontmatter remark finds in `source`, read as Markdown and as MDX. */
function parseFrontmatter(source: string) {
  return ['page.md', 'page.mdx'].map((file) => {
    const parsed = parseMarkdown(source, file);
    if (!parsed.ok) throw new Error(parsed.diagnostic.message);
    return parsed.parsed.frontmatter;
  });
}

describe('findFrontmatter', () => {
  it.each([
    ['a plain block', '---\ntitle: A\n---\n# A'],
    ['CRLF endings', '---\r\ntitle: A\r\nsidebar:\r\n  order: 2\r\n---\r\ntext'],
    ['lone CR endings', '---\rtitle: A\r---\rtext'],
    ['fences ending in spaces and tabs', '---  \ntitle: A\n---\t\ntext'],
    ['an empty block', '---\n---\ntext'],
    ['a blank line only', '---\n\n---\n'],
    ['a trailing blank line', '---\ntitle: A\n\n---\n'],
    ['no line after the closing fence', '---\ntitle: A\n---'],
    ['a byte order mark', '\uFEFF---\ntitle: A\n---\n'],
    ['longer and indented dashes inside', '---\na: 1\n----\n  ---\nb: 2\n---\n'],
    ['text after the opening fence', '--- x\ntitle: A\n---\n'],
    ['four dashes', '----\ntitle: A\n----\n'],
    ['no closing fence', '---\ntitle: A\n'],
    ['a fence alone', '---'],
    ['a blank first line', '\n---\ntitle: A\n---\n'],
    ['an indented fence', ' ---\ntitle: A\n---\n'],
    ['no frontmatter', '# A\n\n---\n\ntext\n'],
    ['an empty file', ''],
  ])('finds what remark finds: %s', (_, source) => {
    const [markdown, mdx] = parseFrontmatter(source);
    expect(mdx).toEqual(markdown);
    expect(findFrontmatter(source)).toEqual(markdown);
  });

  it('finds what remark finds in every chapter', async () => {
    const files = await readdir(chapters);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = await readFile(join(chapters, file), 'utf8');
      const parsed = parseMarkdown(source, file);
      const found = parsed.ok ? parsed.parsed.frontmatter : undefined;
      expect(found, file).toBeDefined();
      expect(findFrontmatter(source), file).toEqual(found);
    }
  });
});
