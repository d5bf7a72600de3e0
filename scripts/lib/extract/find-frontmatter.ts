/**
 * A page's YAML frontmatter found without parsing its Markdown: the node remark-frontmatter
 * gives (`type: 'yaml'`, the text between the fences), for what needs only the frontmatter
 * (the reading order of pages a run does not run). It follows micromark's frontmatter
 * construct: the first line of the file (after a byte order mark) is `---`, the next line
 * that is `---` closes it, either may end in spaces or tabs, and without a closing fence
 * there is none. Pure.
 */
import type { Yaml } from 'mdast';

const fence = /^---[ \t]*$/;
// Markdown's line endings: CRLF, LF or a lone CR.
const lineEnding = /\r\n|\n|\r/g;

interface Line {
  start: number;
  end: number;
}

/** The lines of `text`, as offsets (each end before its line ending). */
function* listLines(text: string): Generator<Line> {
  let start = 0;
  for (const ending of text.matchAll(lineEnding)) {
    yield { start, end: ending.index };
    start = ending.index + ending[0].length;
  }
  yield { start, end: text.length };
}

/** The page's frontmatter as remark-frontmatter reads it, positions included; undefined: none. */
export function findFrontmatter(source: string): Yaml | undefined {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!text.startsWith('---')) return undefined;
  const lines = listLines(text);
  const opening = lines.next();
  if (opening.done || !fence.test(text.slice(opening.value.start, opening.value.end)))
    return undefined;
  let first: Line | undefined;
  let last: Line | undefined;
  let number = 1;
  for (const line of lines) {
    number++;
    if (fence.test(text.slice(line.start, line.end))) {
      const value = first && last ? text.slice(first.start, last.end) : '';
      const end = { line: number, column: line.end - line.start + 1, offset: line.end };
      return { type: 'yaml', value, position: { start: { line: 1, column: 1, offset: 0 }, end } };
    }
    first ??= line;
    last = line;
  }
  return undefined;
}
