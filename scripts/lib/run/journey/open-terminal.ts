import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteShellWord } from '../../core/shell-word.ts';
import type { Scratch } from '../session/scratch.ts';

/**
 * A new terminal in the reader's machine: the same home and working folder (files stay), but
 * a shell of its own that starts in the working folder, without the variables, functions or
 * folder the previous page's shell had, as a reader who opens a terminal for the next chapter.
 * Its command files are its own, so nothing of an earlier page's shell is reused.
 */
export async function openTerminal(scratch: Scratch, index: number): Promise<Scratch> {
  const stateFile = join(scratch.root, `terminal-${index}-state.sh`);
  await writeFile(stateFile, `cd -- ${quoteShellWord(scratch.workDir)}\n`);
  return {
    ...scratch,
    stateFile,
    commandFile: (command) => join(scratch.root, `terminal-${index}-command-${command}.sh`),
    // The reader's folders outlive the terminal: the journey removes them at its end.
    remove: async () => {},
  };
}
