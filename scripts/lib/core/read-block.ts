/**
 * What a fenced block is, as a reader would tell: the prompts decide, whatever the fence's
 * language says. Shared by the verifier (what to run, what to report as not checked) and
 * the site's copy button (what to copy). Pure.
 */

import { familyOf } from './languages.ts';
import {
  detectPromptFamily,
  matchContainerPrompt,
  matchWindowsPrompt,
  type PromptFamily,
} from './prompts.ts';
import { isExitCommand, parseTranscript, type Transcript } from './transcript.ts';

/** Why a shell-looking block is shown but not run. */
export const uncheckedCategories = [
  /** A terminal fence without any prompt: output shown on its own. */
  'output-only',
  /** PowerShell or cmd.exe: not run on Linux. */
  'windows',
  /** Commands at a container's prompt, in a container started by an earlier block. */
  'container-session',
  /** Only `exit`: the reader leaves a shell an earlier block started. */
  'session-end',
  /** No language and no prompt, but shell commands: the fence does not say what it is. */
  'no-language',
] as const;
export type UncheckedCategory = (typeof uncheckedCategories)[number];

export type Block =
  | { kind: 'transcript'; transcript: Transcript }
  | { kind: 'script'; code: string }
  | { kind: 'unchecked'; category: UncheckedCategory; reason: string }
  /** Not shell at all (YAML, a Dockerfile, prose in a ```text block). */
  | { kind: 'other' };

const reasons: Record<UncheckedCategory, string> = {
  'output-only': 'output only: the block has no prompt, so nothing runs',
  windows: 'a Windows shell: not run on Linux',
  'container-session': 'typed at the prompt of a container that an earlier block started',
  'session-end': '`exit` leaves a shell that an earlier block started: nothing to run',
  'no-language': 'no language and no `$ ` prompt: add ```sh or prompts to have it run',
};

function unchecked(category: UncheckedCategory): Block {
  return { kind: 'unchecked', category, reason: reasons[category] };
}

/** Words that start a shell command in an untagged block: enough to call it shell-looking. */
const commandStart =
  /^(?:sudo |docker |docker-compose |podman |curl |wget |apt(?:-get)? |export |cd |echo )/;

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Which prompt families a fence of this kind may use; script fences never glue `$word`. */
function allowedFamily(
  family: PromptFamily | undefined,
  fence: ReturnType<typeof familyOf>,
): PromptFamily | undefined {
  if (fence === 'script' && family === '$word') return undefined;
  return family;
}

/** Reads a fenced block: a transcript, a script, a shell block that is not run (and why), or other. */
export function readBlock(language: string | null | undefined, text: string): Block {
  const fence = familyOf(language);
  if (fence === 'other') return { kind: 'other' };
  if (fence === 'windows') return unchecked('windows');
  const lines = splitLines(text);
  const content = lines.filter((line) => line.trim() !== '');
  const family = allowedFamily(detectPromptFamily(lines, fence === 'transcript'), fence);
  if (family) {
    const transcript = parseTranscript(text, family);
    const [only, ...others] = transcript.steps;
    if (only && others.length === 0 && isExitCommand(only.command) && only.output.length === 0)
      return unchecked('session-end');
    return { kind: 'transcript', transcript };
  }
  const first = content[0] ?? '';
  if (matchWindowsPrompt(first) !== undefined) return unchecked('windows');
  if (fence === 'script') {
    return content.length === 1 && isExitCommand(first)
      ? unchecked('session-end')
      : { kind: 'script', code: text };
  }
  if (fence !== 'transcript') {
    return commandStart.test(first) ? unchecked('no-language') : { kind: 'other' };
  }
  const containerPrompt = matchContainerPrompt(first);
  if (containerPrompt !== undefined) {
    const isOnlyExit = content.length === 1 && isExitCommand(first.slice(containerPrompt.length));
    return unchecked(isOnlyExit ? 'session-end' : 'container-session');
  }
  return unchecked('output-only');
}

/**
 * What a reader should paste from a block: a transcript's commands (and what is typed into
 * an interactive session), without prompts, comments or output; the commands after the
 * prompts of a container session or a Windows block; any other block as it is.
 */
export function selectCommands(language: string | null | undefined, text: string): string {
  const block = readBlock(language, text);
  if (block.kind === 'transcript') {
    return block.transcript.steps
      .flatMap((step) => [step.command, ...(step.terminal?.lines ?? [])])
      .join('\n');
  }
  if (block.kind !== 'unchecked' || block.category === 'output-only') return text;
  const lines = splitLines(text);
  const prompted = lines.flatMap((line) => {
    const prompt =
      block.category === 'windows' ? matchWindowsPrompt(line) : matchContainerPrompt(line);
    return prompt === undefined ? [] : [line.slice(prompt.length)];
  });
  return prompted.length > 0 ? prompted.join('\n') : text;
}
