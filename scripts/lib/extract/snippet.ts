import type { PageOptions, SnippetOptions } from '../core/options.ts';
import type { PromptSymbol } from '../core/transcript.ts';

/** A half-open range of 1-based file line numbers. */
export interface FileLines {
  start: number;
  end: number;
}

/**
 * One command of a snippet and the output documented under it, at their lines in the file
 * (core/transcript.ts's TranscriptStep, placed in the file; a script is one step).
 */
export interface CommandStep {
  command: string;
  /** Line of the prompt. */
  line: number;
  expected: string[];
  /** Where `expected` sits in the file; empty (start === end) when nothing is documented. */
  expectedLines: FileLines;
}

export type SnippetBody =
  | { kind: 'transcript'; prompt: PromptSymbol; steps: CommandStep[] }
  | { kind: 'script'; code: string }
  /** A non-shell fence with `file="path"`: written into the session before the next snippet. */
  | { kind: 'file'; path: string; content: string };

export interface Snippet {
  file: string;
  /** Line of the opening fence. */
  line: number;
  language: string;
  options: SnippetOptions;
  body: SnippetBody;
  /**
   * What precedes each content line of the fence in the file (indentation of a list item or
   * a JSX block, `> ` of a blockquote), so rewritten output lines keep it.
   */
  linePrefix: string;
  /** The fence's text and meta as written (without the line prefix). */
  code: string;
  meta: string;
  /** Identity in the verification record (core/block-hash.ts). */
  hash: string;
}

export interface Page {
  file: string;
  options: PageOptions;
  snippets: Snippet[];
}

/** The commands a snippet runs, in order: a transcript's steps, a script as one, a file none. */
export function listCommandSteps(snippet: Snippet): CommandStep[] {
  const { body } = snippet;
  if (body.kind === 'transcript') return body.steps;
  if (body.kind === 'script') {
    const empty = { start: snippet.line + 1, end: snippet.line + 1 };
    return [{ command: body.code, line: snippet.line + 1, expected: [], expectedLines: empty }];
  }
  return [];
}
