/**
 * The keys of `--review`, as `cargo insta review` has them: one key per answer, no Enter.
 * Pure: a key in, an answer out.
 */

export const reviewAnswers = ['accept', 'skip', 'accept-all', 'quit', 'help'] as const;
export type ReviewAnswer = (typeof reviewAnswers)[number];

interface KeySpec {
  key: string;
  label: string;
  /** What the key does, for the help. */
  meaning: string;
}

export const reviewKeys: Record<ReviewAnswer, KeySpec> = {
  accept: { key: 'a', label: 'accept', meaning: 'write this output into the file now' },
  skip: { key: 's', label: 'skip', meaning: 'leave the documented output as it is' },
  'accept-all': {
    key: 'A',
    label: 'accept all remaining',
    meaning: 'accept this change and every one after it',
  },
  quit: {
    key: 'q',
    label: 'quit',
    meaning: 'skip this change and the rest (accepted ones stay written)',
  },
  help: { key: '?', label: 'help', meaning: 'explain the keys' },
};

// Ctrl-C and Ctrl-D: a terminal in raw mode sends them as bytes, not as signals.
const quitBytes = new Set(['\u0003', '\u0004']);

/** The answer a key gives; undefined for a key that means nothing here. */
export function readAnswer(key: string): ReviewAnswer | undefined {
  if (quitBytes.has(key)) return 'quit';
  return reviewAnswers.find((answer) => reviewKeys[answer].key === key);
}

/** One line: `a accept · s skip · A accept all remaining · q quit · ? help`. */
export function formatKeyLine(): string {
  return reviewAnswers
    .map((answer) => `${reviewKeys[answer].key} ${reviewKeys[answer].label}`)
    .join(' · ');
}

/** A line per key, saying what it does. */
export function formatKeyHelp(): string[] {
  return reviewAnswers.map(
    (answer) => `  ${reviewKeys[answer].key}  ${reviewKeys[answer].meaning}`,
  );
}
