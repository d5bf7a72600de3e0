import { randomBytes } from 'node:crypto';
import { quoteShellWord as quote } from '../../core/shell-word.ts';
import { exitedProcess, type ProcessResult } from '../../system/run-process.ts';
import type { PageEnvironment, PathMapping } from '../engine/engine.ts';
import { createSessionEnv } from './environment.ts';
import { mayReadDocker } from './may-read-docker.ts';
import { runTtyCommand } from './run-tty-command.ts';
import type { Scratch } from './scratch.ts';
import { type ShellProcess, startShell } from './shell-process.ts';
import { commandProgram, saveStateFunction } from './shell-state.ts';

export interface RunOptions {
  tty: boolean;
  stdin: string | undefined;
  /** On a terminal: type stdin's lines at the program's prompts (see CommandRequest). */
  isTypedAtPrompt?: boolean | undefined;
  timeoutMs: number;
}

/** A page's terminal session: commands run one after another and share shell state. */
export interface Session {
  run(command: string, options: RunOptions): Promise<ProcessResult>;
  /** Writes a file a page shows (```dockerfile file="Dockerfile"), relative to the session. */
  writeFile(path: string, content: string): Promise<ProcessResult>;
  close(): void;
}

const internalTimeoutMs = 30_000;

/**
 * Output as the reader's terminal would show it: their daemon's paths, not this machine's,
 * and bash's complaints as bash says them to a person (`bash: brew: command not found`),
 * not as it says them about the file a command was sourced from.
 */
function showAsReaderSees(output: string, scratch: Scratch, mappings: readonly PathMapping[]) {
  const sourced = new RegExp(`${escapeRegExp(scratch.root)}/command-\\d+\\.sh: line \\d+: `, 'g');
  return mappings.reduce(
    (text, { actual, shown }) => text.replaceAll(actual, shown),
    output.replace(sourced, 'bash: '),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs a page's commands in its shell. Commands marked `tty` need a pseudo-terminal, so
 * they run in a bash of their own on one, with the shell's state handed over and back.
 */
export function createSession(
  scratch: Scratch,
  page: PageEnvironment,
  pageEnv: Readonly<Record<string, string>>,
): Session {
  let files = 0;
  let shell: ShellProcess | undefined;
  const nextFile = async (content: string) => {
    const path = scratch.commandFile(files++);
    await scratch.write(path, content);
    return path;
  };
  /** Runs our own bash in the page's shell (restore or save state); its output is not shown. */
  const runInternal = async (current: ShellProcess, command: string) =>
    current.run(await nextFile(`${command}\n`), undefined, internalTimeoutMs);
  const ensureShell = async (): Promise<ShellProcess> => {
    if (shell?.isAlive()) return shell;
    // A fresh shell, also after a command ended the previous one: it starts from the last
    // state written out (the page's work folder at first).
    shell = startShell({
      argv: page.wrapCommand(['bash', '--noprofile', '--norc']),
      cwd: scratch.spawnDir,
      env: createSessionEnv(scratch, page, pageEnv, false),
    });
    const state = quote(scratch.stateFile);
    await runInternal(
      shell,
      `${saveStateFunction}\nif [ -e ${state} ]; then source ${state}; else cd -- ${quote(scratch.workDir)}; fi`,
    );
    return shell;
  };

  const runOnTerminal = async (
    commandFile: string,
    options: RunOptions,
  ): Promise<ProcessResult> => {
    const current = await ensureShell();
    await runInternal(current, `__dfv_save > ${quote(scratch.stateFile)}`);
    const outcome = await runTtyCommand(
      {
        argv: [
          'bash',
          '--noprofile',
          '--norc',
          '-c',
          commandProgram,
          'bash',
          scratch.stateFile,
          commandFile,
        ],
        cwd: scratch.spawnDir,
        env: createSessionEnv(scratch, page, pageEnv, true),
        stdin: options.stdin,
        isTypedAtPrompt: options.isTypedAtPrompt,
        timeoutMs: options.timeoutMs,
      },
      (inner) => page.wrapCommand(inner),
    );
    if (outcome.exitCode !== undefined)
      await runInternal(current, `source ${quote(scratch.stateFile)}`);
    return outcome;
  };

  // Whether a command ran since Docker's container list last settled.
  let mayBeUnsettled = false;
  const run: Session['run'] = async (command, options) => {
    const refusal = page.refuseCommand?.(command);
    if (refusal) return exitedProcess(command, 126, `${refusal}\n`, 0);
    if (mayBeUnsettled && mayReadDocker(command)) {
      await page.settle();
      mayBeUnsettled = false;
    }
    const commandFile = await nextFile(`${command}\n`);
    const outcome = options.tty
      ? await runOnTerminal(commandFile, options)
      : await (await ensureShell()).run(
          commandFile,
          options.stdin === undefined ? undefined : await nextFile(options.stdin),
          options.timeoutMs,
        );
    mayBeUnsettled = true;
    return { ...outcome, all: showAsReaderSees(outcome.all, scratch, page.readerPaths), command };
  };

  return {
    run,
    writeFile(path, content) {
      // Written by the session itself, so it lands in the session's current directory, as a
      // reader who saves the file there would have it.
      const delimiter = `DFV_EOF_${randomBytes(6).toString('hex')}`;
      const body = content.endsWith('\n') ? content : `${content}\n`;
      return run(`cat > ${quote(path)} <<'${delimiter}'\n${body}${delimiter}`, {
        tty: false,
        stdin: undefined,
        timeoutMs: internalTimeoutMs,
      });
    },
    close: () => shell?.close(),
  };
}
