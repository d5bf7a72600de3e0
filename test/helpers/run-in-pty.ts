import { execa } from 'execa';
import { verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import { quoteShellWord } from '../../scripts/lib/core/shell-word.ts';
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

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escapes
const escapes = /\u001b\[[0-9;?]*[A-Za-z]/g;

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
  let raw = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
    for (const listener of listeners) listener();
  });
  const screen = () => raw.replace(escapes, '').replaceAll('\r', '');
  return {
    screen,
    type: (keys) => void child.stdin?.write(keys),
    waitFor(text, count = 1, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (screen().split(text).length - 1 < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`"${text}" (${count}×) never showed; the screen:\n${screen()}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    done: child.then((result) => ({ exitCode: result.exitCode ?? -1, screen: screen() })),
  };
}
