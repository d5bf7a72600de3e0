import type { Diagnostic } from '../core/errors.ts';
import type { MatchSettings, PageOptions, SnippetOptions } from '../core/options.ts';
import type { PromptFamily } from '../core/prompts.ts';
import type { UncheckedCategory } from '../core/read-block.ts';
import type { TerminalInput } from '../core/transcript.ts';
import type { ShownInstall } from './check-installs.ts';
import type { PromptAnswer } from './prompt-answers.ts';
import type { SidebarPlace } from './read-sidebar.ts';
import type { VersionValues } from './version-values.ts';

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
  /** A command that takes the reader's terminal (`docker run -it`), and what is typed into it. */
  terminal?: TerminalInput | undefined;
  /** `docker version` and `/version` output: the versions it shows (version-values.ts). */
  versions?: VersionValues | undefined;
  /** Questions the command asks, answered on their own lines (prompt-answers.ts). */
  answers?: PromptAnswer[] | undefined;
  /**
   * An interactive session that goes on in later fences (join-sessions.ts): what each of
   * them shows; their typed lines are in `terminal.lines` after this fence's own.
   */
  parts?: SessionPart[] | undefined;
}

/** A later fence's share of an interactive session that an earlier fence started. */
export interface SessionPart {
  /** The line of the fence that shows it. */
  snippetLine: number;
  /** Index in `terminal.lines` of the first line typed in this fence. */
  typedFrom: number;
  /** What the fence shows (its prompts and output), and where; empty for an `exit` alone. */
  expected: string[];
  expectedLines: FileLines;
}

export type SnippetBody =
  | { kind: 'transcript'; family: PromptFamily; steps: CommandStep[] }
  | { kind: 'script'; code: string }
  /** A non-shell fence with `file="path"`: written into the session before the next snippet. */
  | { kind: 'file'; path: string; content: string }
  /** A shell-looking fence that is shown but not run, and why (reported, never passed). */
  | { kind: 'unchecked'; category: UncheckedCategory; reason: string }
  /** A fence with a problem (an unknown option, text before the first prompt): not run. */
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  /**
   * Typed at the prompt of a session an earlier fence (at line `of`) started and left open:
   * it runs as part of that session; `step` is what it types and shows.
   */
  | { kind: 'continuation'; of: number; step: CommandStep };

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
  /** How its output is compared: the project's settings, then the page's. */
  match: MatchSettings;
  snippets: Snippet[];
  /** Problems of the page as a whole (frontmatter, Markdown it cannot parse): nothing runs. */
  diagnostics: Diagnostic[];
  /** Its place in the site's sidebar (frontmatter `sidebar`), for the reading order. */
  sidebar?: SidebarPlace | undefined;
  /** The tools it tells its reader to install (`verify.installs`), each where it shows how. */
  installs?: ShownInstall[] | undefined;
}

/** The commands a snippet runs, in order: a transcript's steps, a script as one, others none. */
export function listCommandSteps(snippet: Snippet): CommandStep[] {
  const { body } = snippet;
  if (body.kind === 'transcript') return body.steps;
  if (body.kind === 'script') {
    const empty = { start: snippet.line + 1, end: snippet.line + 1 };
    return [{ command: body.code, line: snippet.line + 1, expected: [], expectedLines: empty }];
  }
  return [];
}

/** Whether a snippet has commands that may run (a skip or a version may still stop them). */
export function hasRunnableSnippet(page: Page): boolean {
  if (page.diagnostics.length > 0 || page.options.skip) return false;
  return page.snippets.some((snippet) => listCommandSteps(snippet).length > 0);
}
