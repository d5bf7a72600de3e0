import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { PageEnvironment } from '../engine/engine.ts';
import type { CommandOutcome } from './command.ts';
import { createSessionEnv } from './environment.ts';
import { runCommand } from './run-command.ts';
import { runTtyCommand } from './run-tty-command.ts';
import type { Scratch } from './scratch.ts';
import { commandProgram } from './shell-state.ts';

export interface RunOptions {
  tty: boolean;
  stdin: string | undefined;
  timeoutMs: number;
}

/** A page's terminal session: commands run one after another and share shell state. */
export interface Session {
  run(command: string, options: RunOptions): Promise<CommandOutcome>;
  /** Writes a file a page shows (```dockerfile file="Dockerfile"), relative to the session. */
  writeFile(path: string, content: string): Promise<CommandOutcome>;
}

export function createSession(
  scratch: Scratch,
  page: PageEnvironment,
  pageEnv: Readonly<Record<string, string>>,
): Session {
  let commands = 0;
  const run: Session['run'] = async (command, options) => {
    const commandFile = scratch.commandFile(commands++);
    await writeFile(commandFile, `${command}\n`);
    const argv = [
      'bash',
      '--noprofile',
      '--norc',
      '-c',
      commandProgram,
      'bash',
      scratch.stateFile,
      commandFile,
    ];
    const request = {
      argv,
      cwd: scratch.workDir,
      env: createSessionEnv(scratch, page, pageEnv, options.tty),
      stdin: options.stdin,
      timeoutMs: options.timeoutMs,
    };
    return options.tty
      ? runTtyCommand(request, (inner) => page.wrapCommand(inner))
      : runCommand({ ...request, argv: page.wrapCommand(argv) });
  };
  return {
    run,
    writeFile(path, content) {
      // Written by the session itself, so it lands in the session's current directory, as a
      // reader who saves the file there would have it.
      const delimiter = `DFV_EOF_${randomBytes(6).toString('hex')}`;
      const body = content.endsWith('\n') ? content : `${content}\n`;
      const quoted = `'${path.replaceAll("'", `'\\''`)}'`;
      return run(`cat > ${quoted} <<'${delimiter}'\n${body}${delimiter}`, {
        tty: false,
        stdin: undefined,
        timeoutMs: 10_000,
      });
    },
  };
}
