import type { Line } from './filters.ts';

/**
 * What `docker run` prints when it pulls an image first: `Unable to find image ... locally`,
 * `<tag>: Pulling from <repo>`, a line per layer, `Digest:` and `Status:`. A reader sees it
 * once, the first time; docs written the common way leave it out.
 */
const pullLine =
  /^(?:Unable to find image '[^']+' locally|[\w.-]+: Pulling from \S+|[0-9a-f]{12}: (?:Pull complete|Already exists|Waiting|Pulling fs layer|Verifying Checksum|Download complete|Downloading.*|Extracting.*)|Digest: sha256:[0-9a-f]{64}|Status: (?:Downloaded newer image|Image is up to date) for \S+)$/;

/**
 * Under the common convention (output not shown is not checked), the messages of a pull the
 * docs do not show are left out of the actual output, where they lead it. Where the docs
 * show any of them, nothing is left out: the pull is then part of what they document.
 */
export function dropImplicitPull(documented: readonly Line[], actual: readonly Line[]): Line[] {
  if (documented.some((line) => pullLine.test(line.text))) return [...actual];
  let start = 0;
  while (start < actual.length && pullLine.test(actual[start]?.text ?? '')) start++;
  if (start === 0) return [...actual];
  // Blank lines that now lead the output say nothing either (see filters.ts).
  while (start < actual.length && actual[start]?.text === '') start++;
  return actual.slice(start);
}
