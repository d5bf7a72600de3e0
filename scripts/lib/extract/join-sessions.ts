/**
 * An interactive session goes on in the next fence when that fence starts at the session's
 * prompt, as a reader reads a lab: `docker run -it busybox sh` and `/ # cd /tmp` in one
 * fence, prose, then `/tmp # touch my_test_file.txt` in the next. The later fence's typed
 * lines join the session (one terminal, typed in order), and the fence is judged on its own
 * share of the output. A fence holding only `exit` ends the session without being checked;
 * a container prompt after a session ended (or with none open) stays not checked. Pure.
 */
import { matchContainerPrompt } from '../core/prompts.ts';
import { readSession } from '../core/transcript.ts';
import type { CommandStep, SessionPart, Snippet } from './snippet.ts';

const sameCondition = (a: Snippet, b: Snippet) =>
  JSON.stringify(a.options.condition) === JSON.stringify(b.options.condition) &&
  a.options.skip === b.options.skip;

/** The step whose session a fence could go on: the last of a transcript, open. */
function openSession(snippet: Snippet): CommandStep | undefined {
  if (snippet.body.kind === 'continuation') return undefined;
  if (snippet.body.kind !== 'transcript') return undefined;
  const last = snippet.body.steps.at(-1);
  return last?.terminal && !last.terminal.isExitShown ? last : undefined;
}

function readPart(snippet: Snippet, typedFrom: number) {
  const lines = snippet.code.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const firstContent = snippet.line + 1;
  const session = readSession(lines);
  const shown = session.isExitShown ? lines : dropWaitingPrompt(lines);
  const part: SessionPart = {
    snippetLine: snippet.line,
    typedFrom,
    expected: shown,
    expectedLines: { start: firstContent, end: firstContent + shown.length },
  };
  return { session, part };
}

/**
 * A session's lines without the bare prompt that ends them: the terminal waiting for the
 * reader, which the run does not show either (judge-command.ts drops its final prompt).
 */
export function dropWaitingPrompt(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  const last = lines[end - 1] ?? '';
  const prompt = matchContainerPrompt(last);
  return prompt !== undefined && last.slice(prompt.length).trim() === ''
    ? lines.slice(0, end - 1)
    : [...lines];
}

/** Joins each fence typed at an open session's prompt to that session, in page order. */
export function joinSessions(snippets: readonly Snippet[]): Snippet[] {
  const joined: Snippet[] = [];
  let open: { snippet: Snippet; step: CommandStep } | undefined;
  for (const snippet of snippets) {
    const { body } = snippet;
    const isTyped =
      body.kind === 'unchecked' &&
      (body.category === 'container-session' || body.category === 'session-end') &&
      matchContainerPrompt(snippet.code.trimStart()) !== undefined;
    if (!isTyped || !open?.step.terminal || !sameCondition(open.snippet, snippet)) {
      joined.push(snippet);
      if (body.kind === 'file') continue;
      const step = openSession(snippet);
      open = step ? { snippet, step } : undefined;
      continue;
    }
    const terminal = open.step.terminal;
    const { session, part } = readPart(snippet, terminal.lines.length);
    terminal.lines.push(...session.lines);
    terminal.isExitShown = session.isExitShown;
    open.step.parts = [...(open.step.parts ?? []), part];
    if (body.kind === 'unchecked' && body.category === 'session-end') {
      joined.push(snippet);
    } else {
      const step: CommandStep = {
        command: session.lines.join('\n'),
        line: part.expectedLines.start,
        expected: part.expected,
        expectedLines: part.expectedLines,
      };
      joined.push({ ...snippet, body: { kind: 'continuation', of: open.snippet.line, step } });
    }
    if (session.isExitShown) open = undefined;
  }
  return joined;
}
