import { execa } from 'execa';
import { matchContainerPrompt } from '../../core/prompts.ts';
import { quoteShellWord as quote } from '../../core/shell-word.ts';
import {
  exitedProcess,
  type ProcessResult,
  timedOutProcess,
  unstartedProcess,
} from '../../system/run-process.ts';
import { type CommandRequest, killProcessGroup, trackProcessGroup } from './command.ts';
import { terminalSize } from './environment.ts';
import { renderTerminal } from './render-terminal.ts';

/** How long output must stay quiet before the next line of stdin is "typed". */
const quietMs = 250;
/** A program that prints nothing before reading still gets its input after this long. */
const maxWaitForOutputMs = 3_000;
/** A session's shell that shows no prompt (a slow first pull, say) still gets input after this. */
const maxWaitForPromptMs = 60_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escapes is the point
const escapes = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[@-Z\\-_]/g;

/** Whether the terminal's last line is a prompt waiting for input (`/ # `, `root@c0ffee:/# `). */
function isAtPrompt(raw: string): boolean {
  const last =
    raw
      .replace(escapes, '')
      .split(/\r?\n|\r/)
      .at(-1) ?? '';
  const prompt = matchContainerPrompt(last);
  return prompt !== undefined && last.slice(prompt.length).trim() === '';
}

/**
 * Runs a command on a pseudo-terminal (util-linux `script`), as `docker run -it` needs, and
 * types its stdin the way a person does: one line at a time, each after the program has
 * printed its prompt and gone quiet, so the echoed input lands where a reader sees it. After
 * the last line, Ctrl-D. The output is what the terminal finally shows.
 */
export async function runTtyCommand(
  request: CommandRequest,
  wrap: (argv: string[]) => string[],
): Promise<ProcessResult> {
  const inner = `stty cols ${terminalSize.columns} rows ${terminalSize.rows}; exec ${request.argv.map(quote).join(' ')}`;
  const [file, ...args] = wrap([
    'script',
    '--quiet',
    '--return',
    '--echo',
    'always',
    '--command',
    inner,
    '/dev/null',
  ]);
  const command = request.argv.join(' ');
  if (!file) return unstartedProcess(command, 'empty command line');
  const started = performance.now();
  const child = execa(file, args, {
    cwd: request.cwd,
    env: request.env,
    extendEnv: false,
    detached: true,
    reject: false,
    stripFinalNewline: false,
    stdin: 'pipe',
    encoding: 'utf8',
    buffer: true,
  });
  // The program may exit before everything was typed; a write then fails harmlessly.
  child.stdin?.on('error', () => {});
  let raw = '';
  let lastOutputAt = performance.now();
  let outputSinceInput = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    lastOutputAt = performance.now();
    outputSinceInput = true;
  });
  const untrack = trackProcessGroup(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killProcessGroup(child.pid);
  }, request.timeoutMs);
  const typing = typeInput(
    child.stdin,
    request.stdin ?? '',
    () => ({
      lastOutputAt,
      outputSinceInput,
      isAtPrompt: !request.isTypedAtPrompt || isAtPrompt(raw),
    }),
    () => {
      outputSinceInput = false;
    },
  );
  const result = await child;
  clearTimeout(timer);
  untrack();
  typing.stop();
  const durationMs = performance.now() - started;
  const output = (await renderTerminal(raw)).join('\n');
  if (timedOut) return timedOutProcess(command, output, durationMs);
  if (result.exitCode === undefined)
    return unstartedProcess(command, result.shortMessage ?? 'cannot start a terminal');
  return exitedProcess(command, result.exitCode, output, durationMs);
}

interface OutputClock {
  lastOutputAt: number;
  outputSinceInput: boolean;
  /** The program shows a prompt (always true when input is not typed at prompts). */
  isAtPrompt: boolean;
}

function typeInput(
  stdin: NodeJS.WritableStream | null | undefined,
  text: string,
  clock: () => OutputClock,
  onTyped: () => void,
): { stop(): void } {
  const pending = text === '' ? [] : text.split(/(?<=\n)/);
  let waitingSince = performance.now();
  const interval = setInterval(() => {
    if (!stdin) return;
    const { lastOutputAt, outputSinceInput, isAtPrompt } = clock();
    const now = performance.now();
    const isQuiet = now - lastOutputAt >= quietMs;
    const maxWait = isAtPrompt ? maxWaitForOutputMs : maxWaitForPromptMs;
    const isReady = (outputSinceInput && isQuiet && isAtPrompt) || now - waitingSince >= maxWait;
    if (!isReady) return;
    const next = pending.shift();
    // Ctrl-D once everything was typed, as a reader ends input.
    stdin.write(next ?? '\u0004');
    onTyped();
    waitingSince = now;
    if (next === undefined) clearInterval(interval);
  }, 50);
  return { stop: () => clearInterval(interval) };
}
