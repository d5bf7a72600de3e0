/**
 * A block's identity in the verification record: a hash of what it claims, so that the
 * record can tell a block it proved from one that changed since. Only meaningful changes
 * count: the text (line endings, trailing spaces and blank lines around it do not), the
 * language, the options that change what runs or what is expected (not `timeout`, not
 * Expressive Code's display options, not how an option is quoted or ordered, not a skip's
 * wording), and the page's `verify:` settings that do (images, env, named values, tools it
 * installs). Pure.
 */
import { createHash } from 'node:crypto';
import type { FenceOptions, PageOptions } from './options.ts';

/** The text of a block as readers see it: `\n` line ends, no trailing spaces or blank edges. */
export function normalizeBlockText(code: string): string {
  const lines = code.split(/\r\n?|\n/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

/** Keys sorted at every level, so equal values serialise alike. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, sortKeys(entry)]),
  );
}

function meaningfulFenceOptions(options: FenceOptions) {
  const { timeout: _timeout, skip, engine, ...rest } = options;
  return { ...rest, skip: skip === undefined ? undefined : true, engine: engine?.text };
}

function meaningfulPageOptions(options: PageOptions) {
  // `journey` says how the page stands among the others, not what its blocks claim.
  const { timeout: _timeout, skip, installs, journey: _journey, ...rest } = options;
  // No tool installed is the same claim as a page written before `installs` existed.
  const tools = installs && installs.length > 0 ? installs : undefined;
  return { ...rest, skip: skip === undefined ? undefined : true, installs: tools };
}

export interface BlockIdentity {
  language: string;
  code: string;
  fence: FenceOptions;
  page: PageOptions;
}

/** 16 hex digits of SHA-256 over the block's meaningful parts. */
export function hashBlock(block: BlockIdentity): string {
  const canonical = JSON.stringify(
    sortKeys({
      language: block.language,
      text: normalizeBlockText(block.code),
      fence: meaningfulFenceOptions(block.fence),
      page: meaningfulPageOptions(block.page),
    }),
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
