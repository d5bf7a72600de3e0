import { execa } from 'execa';
import { verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import { quoteShellWord } from '../../scripts/lib/core/shell-word.ts';
import { createOutputWaiter } from './output-waiter.ts';
import { projectRoot } from './run-cli.ts';

export interface PtyRun {
  /** Resolves once the screen (ANSI-stripped) has shown `text` `count` times in all. */
  waitFor(text: string, count?: number, timeoutMs?: number): Promise<void>;
  /** Types keys, as a person at the terminal does. */
  type(keys: string): void;
  /** What the program printed, ANSI-stripped. */
  screen(): string;
  done: Promise<{ exitCode: number; screen: string }>;
}

/**
 * Runs the real verifier CLI on a pseudo-terminal (util-linux `script`), in `root`: its
 * stdin and stdout are a terminal, as in a person's shell, and keys are typed into it.
 */
export function runCliInPty(
  root: string,
  args: readonly string[],
  env: Record<string, string> = {},
): PtyRun {
  const command = verifyCommand(projectRoot, args);
  const line = [process.execPath, ...command.args].map(quoteShellWord).join(' ');
  const child = execa('script', ['--quiet', '--return', '--command', line, '/dev/null'], {
    cwd: root,
    env: { ...command.env, ...env },
    reject: false,
    stdin: 'pipe',
    timeout: 300_000,
  });
  const output = createOutputWaiter();
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return {
    screen: output.text,
    type: (keys) => void child.stdin?.write(keys),
    waitFor: output.waitFor,
    done: child.then((result) => ({ exitCode: result.exitCode ?? -1, screen: output.text() })),
  };
}
