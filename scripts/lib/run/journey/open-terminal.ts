import { basename, dirname, join } from 'node:path';
import type { Scratch } from '../session/scratch.ts';

const commandsPerTerminal = 1_000_000;

/**
 * A new terminal in the reader's machine: the same home and working folder (files stay), but
 * a shell of its own that starts in the working folder (a session without a state file starts
 * there), without the variables, functions or folder the previous page's shell had, as a
 * reader who opens a terminal for the next chapter. Its command and state files are its own,
 * so nothing of an earlier page's shell is reused. Pure.
 */
export function openTerminal(scratch: Scratch, index: number): Scratch {
  const state = scratch.stateFile;
  return {
    ...scratch,
    stateFile: join(dirname(state), `terminal-${index}-${basename(state)}`),
    // The scratch's own file names (the session shows bash's complaints about them as bash
    // says them to a person), numbered apart for each terminal.
    commandFile: (command) => scratch.commandFile(index * commandsPerTerminal + command),
    // The reader's folders outlive the terminal: the journey removes them at its end.
    remove: async () => {},
  };
}
