// What a step changed in a root filesystem, found as BuildKit's double-walking differ finds
// it: every path's metadata before and after (no overlayfs, so no whiteout devices or opaque
// xattrs to translate), then the changed and added paths with their ancestors, and a
// whiteout for each path that went away.
import { runProcess, tailOf } from '../../../lib/system/run-process.ts';
import { HermeticError } from '../../plumbing/errors.ts';

/** Path (relative, no leading slash) → what identifies its state: kind, inode, times, mode... */
export type Snapshot = Map<string, string>;

/**
 * Every path below `root`, except those `exclude` leaves out with everything below them.
 * One `find` lists them all (an lstat per path from here took five times as long).
 */
export async function takeSnapshot(
  root: string,
  exclude: (path: string) => boolean,
): Promise<Snapshot> {
  const result = await runProcess('find', [root, '-mindepth', '1', '-printf', FIND_FORMAT]);
  if (result.failed) {
    throw new HermeticError('BUILD_FAILED', `listing ${root} failed:\n${tailOf(result.all)}`, {
      hint: 'run `npm run hermetic` again; it starts the build over.',
      cause: result,
    });
  }
  return parseFindOutput(result.stdout, exclude);
}

/** Kind, inode, ctime, mtime, size, mode, owner, group, then the path, NUL-terminated. */
const FIND_FORMAT = '%y %i %C@ %T@ %s %m %U %G %P\\0';

/** Pure: a snapshot of `find -printf FIND_FORMAT` output. */
export function parseFindOutput(output: string, exclude: (path: string) => boolean): Snapshot {
  const snapshot: Snapshot = new Map();
  const excluded: string[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const fields = record.split(' ');
    const [kind, inode, ctime, mtime, size, mode, uid, gid] = fields;
    const path = fields.slice(8).join(' ');
    if (excluded.some((folder) => path.startsWith(`${folder}/`))) continue;
    if (exclude(path)) {
      excluded.push(path);
      continue;
    }
    // A folder's times move with every entry added or removed, which its entries tell;
    // what is its own is being new, or a new mode or owner. For the rest, ctime moves with
    // any change to the inode (content, mode, owner, links), and the inode number with a
    // replacement (dpkg writes new files and renames them in place).
    snapshot.set(
      path,
      kind === 'd'
        ? `d:${inode}:${mode}:${uid}:${gid}`
        : `${kind}:${inode}:${ctime}:${mtime}:${size}`,
    );
  }
  return snapshot;
}

export type SnapshotDiff = {
  /** Added or changed paths, and the folders above them, in tar order. */
  changed: string[];
  /** Paths gone since `before` whose folder is still there: each gets a whiteout. */
  removed: string[];
};

/** Pure: what changed between two snapshots of one root. */
export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const changed = new Set<string>();
  for (const [path, state] of after) {
    if (before.get(path) === state) continue;
    changed.add(path);
    for (const folder of foldersAbove(path)) changed.add(folder);
  }
  const removed: string[] = [];
  for (const path of before.keys()) {
    if (after.has(path)) continue;
    const folders = foldersAbove(path);
    const parent = folders.at(-1);
    // Below a removed folder (or one now a file), that folder's whiteout says it all.
    if (parent !== undefined && !after.get(parent)?.startsWith('d:')) continue;
    removed.push(path);
    for (const folder of folders) changed.add(folder);
  }
  return { changed: sortInTarOrder([...changed]), removed: sortInTarOrder(removed) };
}

/** Pure: `a`, `a/b` for `a/b/c`. */
function foldersAbove(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Pure: paths sorted folder by folder, names byte-wise (as `tar --sort=name` walks). */
export function sortInTarOrder(paths: readonly string[]): string[] {
  const key = (path: string) => path.split('/').map((part) => Buffer.from(part));
  return [...paths].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
      const order = Buffer.compare(x[i] as Buffer, y[i] as Buffer);
      if (order !== 0) return order;
    }
    return x.length - y.length;
  });
}
