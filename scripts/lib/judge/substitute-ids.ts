/**
 * IDs the page printed earlier, typed in a later command (`docker rm 305297d7a235`, or
 * just `docker rm 3052`), stand for what the run printed in their place: the command sent
 * to the shell has the real ID (as many digits as the page typed), so it acts on the
 * container the page created. What the command echoes of a short prefix is shown as the
 * page typed it; a full or 12-digit ID is bound like any other. Pure.
 */
import type { IdBinder } from './bind-ids.ts';

/** A word of hex digits, long enough to be meant as an ID (Docker takes unique prefixes). */
const idWord = /(?<![\w./:@-])[0-9a-f]{4,64}(?![\w./:@-])/g;

export interface Substitution {
  shown: string;
  actual: string;
}

/** The command with each ID the page printed before replaced by the real one. */
export function substituteIds(
  command: string,
  binder: Pick<IdBinder, 'actualOf'>,
): { command: string; substitutions: Substitution[] } {
  const substitutions: Substitution[] = [];
  const replaced = command.replace(idWord, (word) => {
    if (!/\d/.test(word)) return word;
    const actual = binder.actualOf(word);
    if (!actual || actual.length < word.length) return word;
    const real = actual.slice(0, word.length);
    if (real !== word) substitutions.push({ shown: word, actual: real });
    return real;
  });
  return { command: replaced, substitutions };
}

/** The output with each short ID the command echoes shown as the page typed it. */
export function showSubstitutedIds(output: string, substitutions: readonly Substitution[]): string {
  return substitutions
    .filter(({ actual }) => actual.length < 12)
    .reduce(
      (text, { shown, actual }) =>
        text.replace(new RegExp(`(?<![\\w.-])${actual}(?![\\w.-])`, 'g'), shown),
      output,
    );
}
