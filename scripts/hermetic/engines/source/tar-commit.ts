// Pure: the commit `git archive` records in a tar archive. Its first member is a pax global
// header whose `comment` record is the commit ID (what `git get-tar-commit-id` prints), so a
// tag archive from anywhere can be checked against the commit a recipe names, even where its
// bytes differ from ours (GitHub compresses and prefixes its own).

const BLOCK = 512;

/** Pure: the commit ID of a decompressed tar whose first member is git's pax global header. */
export function readTarCommit(tar: Uint8Array): string | undefined {
  if (tar.length < BLOCK) return undefined;
  const header = Buffer.from(tar.buffer, tar.byteOffset, BLOCK);
  if (header.toString('latin1', 156, 157) !== 'g') return undefined;
  const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim(), 8);
  if (!Number.isFinite(size) || tar.length < BLOCK + size) return undefined;
  const records = Buffer.from(tar.buffer, tar.byteOffset + BLOCK, size).toString('utf8');
  // Records are `<length> <key>=<value>\n`.
  for (const record of records.split('\n')) {
    const match = /^\d+ comment=([0-9a-f]{40})$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}
