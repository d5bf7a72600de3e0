/**
 * Prompts as people write them in documentation, and which of them a block uses. Pure;
 * shared by the verifier and the site's copy button through core/transcript.ts.
 */

/**
 * The prompt family of a block, decided once for the whole block:
 * - `$`: `$ `, `user@host:~$ `, `[user@host dir]$ `, `~/app $ `, and `root@host:~# `;
 * - `#`: a root transcript, `# ` (only in a block with no `$` prompt) and `root@host:/# `;
 * - `%`: zsh's `% `, in a block with neither;
 * - `$word`: `$docker ps`, a prompt glued to its command, in a block with no other prompt.
 */
export const promptFamilies = ['$', '#', '%', '$word'] as const;
export type PromptFamily = (typeof promptFamilies)[number];

const userHost = String.raw`[\w.-]+@[\w.-]+`;
const end = '(?: |$)';
const dollar = new RegExp(`^\\$${end}`);
const userHostDollar = new RegExp(`^${userHost}(?::[^\\s$#]*)?\\s?\\$${end}`);
const bracketDollar = new RegExp(`^\\[[^\\]]+\\]\\s?\\$${end}`);
const tildeDollar = new RegExp(`^~[^\\s$#]*\\s?\\$${end}`);
const userHostHash = new RegExp(`^${userHost}(?::[^\\s$#]*)?\\s?#${end}`);
const bracketHash = new RegExp(`^\\[[^\\]]+\\]\\s?#${end}`);
const hash = new RegExp(`^#${end}`);
const percent = /^% (?=\S)/;
const dollarWord = /^\$(?=[a-z])/;
/** `PS C:\> `, `PS> `, `C:\Users\me> `. */
const windows = /^(?:PS(?: [A-Za-z]:\\[^>]*)?|[A-Za-z]:\\[^>]*)> ?/;

const recognisers: Record<PromptFamily, readonly RegExp[]> = {
  $: [dollar, userHostDollar, bracketDollar, tildeDollar, userHostHash, bracketHash],
  '#': [hash, userHostHash, bracketHash],
  '%': [percent],
  $word: [dollarWord],
};

/** The prompt at the start of `line` in a block of `family`, or `undefined`. */
export function matchPrompt(line: string, family: PromptFamily): string | undefined {
  for (const pattern of recognisers[family]) {
    const match = pattern.exec(line);
    if (match) return match[0];
  }
  return undefined;
}

export function matchWindowsPrompt(line: string): string | undefined {
  return windows.exec(line)?.[0];
}

/** `# text` or a lone `#`: a comment in a `$` block, a prompt in a root block. */
export function isCommentLine(line: string): boolean {
  return line === '#' || line.startsWith('# ');
}

/**
 * Which family a block's prompts belong to, or `undefined` for a block without prompts.
 * `isTranscriptFence`: the fence says it is a terminal (```console and the like), the only
 * place where a leading `# ` is read as a root prompt rather than a comment.
 */
export function detectPromptFamily(
  lines: readonly string[],
  isTranscriptFence: boolean,
): PromptFamily | undefined {
  const some = (...patterns: RegExp[]) =>
    lines.some((line) => patterns.some((pattern) => pattern.test(line)));
  if (some(dollar, userHostDollar, bracketDollar, tildeDollar)) return '$';
  const first = lines.find((line) => line.trim() !== '') ?? '';
  if (some(userHostHash, bracketHash) || (isTranscriptFence && hash.test(first))) return '#';
  if (some(percent)) return '%';
  if (some(dollarWord)) return '$word';
  return undefined;
}

/**
 * Prompts inside a container's shell or another program's (after `docker run -it`): busybox's
 * `/ # `, bash's `root@4c1d6e5b8a37:/# `, `bash-5.2# `, `redis> `, `postgres=# `, and plain
 * `# ` and `$ `.
 */
const containerPrompt = /^(?:[\w.:@=/~-]+\s?[#$>%]|[#$]|>>>)(?: |$)/;

export function matchContainerPrompt(line: string): string | undefined {
  return containerPrompt.exec(line)?.[0];
}
