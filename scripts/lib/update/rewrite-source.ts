import type { FileLines } from '../extract/snippet.ts';
import type { OutputLine } from './updated-output.ts';

/** Replace the documented output at `lines` (1-based, half-open) with `output`. */
export interface OutputEdit {
  lines: FileLines;
  /** `keep` indexes count from `lines.start`. */
  output: readonly OutputLine[];
  /** Indentation or `> ` that precedes every content line of the fence. */
  linePrefix: string;
}

interface SourceLine {
  text: string;
  eol: string;
}

function splitKeepingEndings(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const match of source.matchAll(/([^\r\n]*)(\r\n|\n|\r|$)/g)) {
    if (match[0] === '' && match.index === source.length) break;
    lines.push({ text: match[1] ?? '', eol: match[2] ?? '' });
  }
  return lines;
}

/** The line ending most lines use, so inserted lines look like their neighbours. */
function dominantEnding(lines: readonly SourceLine[]): string {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  return crlf * 2 > lines.length ? '\r\n' : '\n';
}

/**
 * Applies output edits to a source text and changes nothing else: every byte outside the
 * edited ranges, line endings included, stays as it was, and kept lines are copied byte for
 * byte. Edits must not overlap.
 */
export function rewriteSource(source: string, edits: readonly OutputEdit[]): string {
  const lines = splitKeepingEndings(source);
  const eol = dominantEnding(lines);
  const ordered = [...edits].sort((a, b) => b.lines.start - a.lines.start);
  for (const edit of ordered) {
    const start = edit.lines.start - 1;
    const replaced = lines.slice(start, edit.lines.end - 1);
    const replacement = edit.output.map((line): SourceLine => {
      if (line.kind === 'keep') {
        const kept = replaced[line.index] ?? { text: '', eol };
        return { text: kept.text, eol: kept.eol || eol };
      }
      const text = line.text === '' ? edit.linePrefix.trimEnd() : `${edit.linePrefix}${line.text}`;
      return { text, eol };
    });
    lines.splice(start, replaced.length, ...replacement);
  }
  return lines.map((line) => line.text + line.eol).join('');
}
