import { isTranscriptLanguage } from '../../../scripts/lib/core/languages.ts';
import { extractCommands } from '../../../scripts/lib/core/transcript.ts';

/**
 * What the copy button of a code block puts on the clipboard. A transcript copies only its
 * commands, as the verifier reads them (root `# cmd` prompts, continuation lines and
 * heredoc bodies included, output left out); any other block copies its text as shown, so
 * a `#` comment in a script stays in it.
 */
export function selectCopyText(language: string, code: string): string {
  return isTranscriptLanguage(language) ? extractCommands(code) : code;
}
