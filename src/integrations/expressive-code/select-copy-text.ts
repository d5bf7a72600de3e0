import { selectCommands } from '../../../scripts/lib/core/read-block.ts';

/**
 * What the copy button of a code block puts on the clipboard: the commands a reader types,
 * as the verifier reads them (core/read-block.ts): prompts decide whatever the fence says,
 * so a ```bash block of `$ ` lines copies its commands without prompts or output, an
 * interactive session copies what is typed into it, and a script or a Dockerfile copies
 * its text as shown.
 */
export function selectCopyText(language: string, code: string): string {
  return selectCommands(language, code);
}
