/**
 * Reads a terminal transcript as a reader does: prompts, the commands typed after them, and
 * the output under them. Shared by the verifier (what to run, what to expect) and the site's
 * copy button (what to put on the clipboard), so both agree on what a command is.
 */

import { findHeredocDelimiters, isHeredocEnd } from './heredoc.ts';
import { isInteractiveCommand } from './interactive.ts';
import { isCommentLine, matchContainerPrompt, matchPrompt, type PromptFamily } from './prompts.ts';

/** A half-open range of 0-based line indexes inside the block. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * What a reader types into a program that took over the terminal (`docker run -it ... sh`
 * followed by `/ # ` lines): one entry per line, typed after the program went quiet.
 */
export interface TerminalInput {
  lines: string[];
  /** The transcript shows the session ending (`exit`); else the program's last prompt stays. */
  isExitShown: boolean;
}

export interface TranscriptStep {
  /** The command as typed: prompt and continuation prompts removed, lines joined by `\n`. */
  command: string;
  commandLines: LineRange;
  /** The documented output, one entry per line (an interactive session's prompts included). */
  output: string[];
  /** Where `output` sits; empty (start === end) when the command shows no output. */
  outputLines: LineRange;
  /** Set for a command that needs the reader's terminal (`docker run -it`). */
  terminal: TerminalInput | undefined;
}

export interface Transcript {
  family: PromptFamily;
  steps: TranscriptStep[];
  /** Lines before the first prompt that are neither blank nor comments: a reader cannot tell them. */
  preamble: LineRange;
  /** Comment lines (`# ...` in a `$` block) that belong to no command's output. */
  comments: number[];
}

/** `> ` (or a bare `>` for an empty line): the shell's PS2 prompt. */
const continuationPrompt = /^>(?: |$)/;

/** A trailing unescaped backslash continues the command on the next line, as in a shell. */
function endsWithContinuation(line: string): boolean {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

const exitCommand = /^(?:exit(?: \d+)?|logout)\s*$/;

export function isExitCommand(command: string): boolean {
  return exitCommand.test(command.trim());
}

interface Cursor {
  lines: readonly string[];
  index: number;
}

/**
 * Reads one command from the prompt line at the cursor: the lines after it that start with
 * `> ` or follow a `\`, and heredoc bodies (with or without `> `) up to their delimiters.
 */
function readCommand(cursor: Cursor, firstLine: string, isPrompt: (line: string) => boolean) {
  const parts = [firstLine];
  let pending = findHeredocDelimiters(firstLine);
  cursor.index++;
  while (cursor.index < cursor.lines.length) {
    const line = cursor.lines[cursor.index] ?? '';
    const previous = parts.at(-1) ?? '';
    if (pending.length > 0) {
      if (isPrompt(line) && !continuationPrompt.test(line)) break;
      const body = line.replace(continuationPrompt, '');
      parts.push(body);
      if (isHeredocEnd(body, pending[0])) pending = pending.slice(1);
    } else if (endsWithContinuation(previous) || continuationPrompt.test(line)) {
      const text = line.replace(continuationPrompt, '');
      parts.push(text);
      pending = findHeredocDelimiters(text);
    } else {
      break;
    }
    cursor.index++;
  }
  return parts.join('\n');
}

/**
 * Where an interactive session that starts at `from` ends: after an `exit` typed at a prompt
 * (looked for up to the next interactive command), else at the host's own prompt.
 */
function findSessionEnd(
  lines: readonly string[],
  from: number,
  hostPrompt: string,
  isPrompt: (line: string) => boolean,
  startsSession: (line: string) => boolean,
): number {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (startsSession(line)) break;
    const prompt = matchContainerPrompt(line);
    if (prompt && isExitCommand(line.slice(prompt.length))) {
      // What the shell prints as it leaves (bash's `exit`) is still the session's output.
      let end = index + 1;
      while (end < lines.length && !isPrompt(lines[end] ?? '')) end++;
      return end;
    }
  }
  let end = from;
  while (end < lines.length && !(lines[end] ?? '').startsWith(hostPrompt)) end++;
  return end;
}

/**
 * What is typed into a session: the text after each of its prompts. A bare prompt that ends
 * the session's lines is the terminal waiting for the reader, not an empty line typed.
 */
export function readSession(output: readonly string[]): TerminalInput {
  const input: string[] = [];
  let isExitShown = false;
  const last = output.findLastIndex((line) => line.trim() !== '');
  for (const [index, line] of output.entries()) {
    const prompt = matchContainerPrompt(line);
    if (prompt === undefined) continue;
    const typed = line.slice(prompt.length);
    if (index === last && typed.trim() === '') continue;
    input.push(typed);
    if (isExitCommand(typed)) isExitShown = true;
  }
  return { lines: input, isExitShown };
}

/**
 * Trailing comment lines of an output, right before the next prompt, say what the next
 * command does: they are not output. Blank lines among them go with them.
 */
function splitTrailingComments(start: number, end: number, lines: readonly string[]) {
  let cut = end;
  while (cut > start && ((lines[cut - 1] ?? '') === '' || isCommentLine(lines[cut - 1] ?? '')))
    cut--;
  const hasComment = lines.slice(cut, end).some(isCommentLine);
  return hasComment ? cut : end;
}

function findNextPrompt(
  lines: readonly string[],
  from: number,
  isPrompt: (line: string) => boolean,
) {
  let end = from;
  while (end < lines.length && !isPrompt(lines[end] ?? '')) end++;
  return end;
}

/**
 * Splits a block of `family` into steps. A prompt line starts a command (see readCommand);
 * the other lines until the next prompt are its output. A command that takes over the
 * terminal (`docker run -it`) keeps the session typed into it as its output.
 */
export function parseTranscript(text: string, family: PromptFamily = '$'): Transcript {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const isPrompt = (line: string) => matchPrompt(line, family) !== undefined;
  const hasComments = family !== '#';
  const comments: number[] = [];
  const cursor: Cursor = { lines, index: 0 };
  let preambleEnd = 0;
  while (cursor.index < lines.length && !isPrompt(lines[cursor.index] ?? '')) {
    const line = lines[cursor.index] ?? '';
    if (hasComments && isCommentLine(line)) comments.push(cursor.index);
    else if (line.trim() !== '') preambleEnd = cursor.index + 1;
    cursor.index++;
  }
  const steps: TranscriptStep[] = [];
  while (cursor.index < lines.length) {
    const line = lines[cursor.index] ?? '';
    const prompt = matchPrompt(line, family) ?? '';
    const start = cursor.index;
    const command = readCommand(cursor, line.slice(prompt.length), isPrompt);
    const outputStart = cursor.index;
    let outputEnd: number;
    let terminal: TerminalInput | undefined;
    const isSession = (end: number) =>
      lines.slice(outputStart, end).some((next) => matchContainerPrompt(next) !== undefined);
    if (
      isInteractiveCommand(command) ||
      (isInteractiveCommand(command, true) &&
        isSession(findNextPrompt(lines, outputStart, isPrompt)))
    ) {
      outputEnd = findSessionEnd(lines, outputStart, prompt || '\0', isPrompt, (next) => {
        const hostPrompt = matchPrompt(next, family);
        return hostPrompt !== undefined && isInteractiveCommand(next.slice(hostPrompt.length));
      });
      terminal = readSession(lines.slice(outputStart, outputEnd));
    } else {
      outputEnd = findNextPrompt(lines, outputStart, isPrompt);
    }
    cursor.index = outputEnd;
    if (hasComments && outputEnd < lines.length) {
      const cut = splitTrailingComments(outputStart, outputEnd, lines);
      for (let index = cut; index < outputEnd; index++)
        if (isCommentLine(lines[index] ?? '')) comments.push(index);
      outputEnd = cut;
    }
    steps.push({
      command,
      commandLines: { start, end: outputStart },
      output: lines.slice(outputStart, outputEnd),
      outputLines: { start: outputStart, end: outputEnd },
      terminal,
    });
  }
  return { family, steps, preamble: { start: 0, end: preambleEnd }, comments };
}
