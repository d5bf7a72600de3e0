/**
 * Reads a console transcript: the text of a ```console block as a reader sees it, prompts,
 * commands and the output under them. Shared by the verifier (what to run, what to expect)
 * and the site's copy button (what to put on the clipboard), so both agree on what a
 * command is.
 */

/** A half-open range of 0-based line indexes inside the block. */
export interface LineRange {
  start: number;
  end: number;
}

export interface TranscriptStep {
  /** The command as typed: prompt and continuation prompts removed, lines joined by `\n`. */
  command: string;
  commandLines: LineRange;
  /** The documented output, one entry per line. */
  output: string[];
  /** Where `output` sits; empty (start === end) when the command shows no output. */
  outputLines: LineRange;
}

export const promptSymbols = ['$', '#'] as const;
export type PromptSymbol = (typeof promptSymbols)[number];

export interface Transcript {
  prompt: PromptSymbol;
  steps: TranscriptStep[];
  /** Lines before the first prompt. A transcript should have none; the verifier reports them. */
  preamble: LineRange;
}

/** `> ` (or a bare `>` for an empty line): the shell's PS2 prompt. */
const continuationPrompt = /^>(?: |$)/;

/**
 * The prompt of a block is decided by its first non-blank line: `# ` marks a root
 * transcript, anything else a user one. Deciding once per block, rather than per line, keeps
 * `# comment` lines in the output of a `$` transcript (a `cat Dockerfile`, say) from being
 * read as commands.
 */
function detectPrompt(lines: readonly string[]): PromptSymbol {
  const first = lines.find((line) => line.trim() !== '');
  return first?.startsWith('# ') || first === '#' ? '#' : '$';
}

function stripPrompt(line: string, prompt: PromptSymbol): string | undefined {
  if (line === prompt) return '';
  return line.startsWith(`${prompt} `) ? line.slice(prompt.length + 1) : undefined;
}

/** A trailing unescaped backslash continues the command on the next line, as in a shell. */
function endsWithContinuation(line: string): boolean {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

/**
 * Splits a block into steps. A line starting with the prompt starts a command; the lines
 * right after it that start with `> ` (the shell's continuation prompt, also used for
 * heredoc bodies), or that follow a line ending in `\`, belong to it; the other lines
 * until the next prompt are its output.
 */
export function parseTranscript(text: string): Transcript {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const prompt = detectPrompt(lines);
  const steps: TranscriptStep[] = [];
  let index = 0;
  while (index < lines.length && stripPrompt(lines[index] ?? '', prompt) === undefined) index++;
  const preamble = { start: 0, end: index };

  while (index < lines.length) {
    const commandStart = index;
    const commandParts = [stripPrompt(lines[index] ?? '', prompt) ?? ''];
    index++;
    while (index < lines.length) {
      const line = lines[index] ?? '';
      const previous = commandParts.at(-1) ?? '';
      if (endsWithContinuation(previous)) {
        commandParts.push(line.replace(continuationPrompt, ''));
      } else if (continuationPrompt.test(line)) {
        commandParts.push(line.replace(continuationPrompt, ''));
      } else {
        break;
      }
      index++;
    }
    const outputStart = index;
    while (index < lines.length && stripPrompt(lines[index] ?? '', prompt) === undefined) index++;
    steps.push({
      command: commandParts.join('\n'),
      commandLines: { start: commandStart, end: outputStart },
      output: lines.slice(outputStart, index),
      outputLines: { start: outputStart, end: index },
    });
  }
  return { prompt, steps, preamble };
}

/** What a reader should paste: every command of the transcript, without prompts or output. */
export function extractCommands(text: string): string {
  return parseTranscript(text)
    .steps.map((step) => step.command)
    .join('\n');
}
