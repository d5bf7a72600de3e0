// A step's layer: the entries a diff names, read from the root as they are now, and an empty
// `.wh.<name>` file for each removed path, as image layers mark deletions.
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TarEntry } from '../oci/tar.ts';
import { type SnapshotDiff, sortInTarOrder } from './snapshot.ts';

/** Pure: the whiteout that hides `path` in the layers below. */
export function whiteoutOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
}

/** The entries of a step's layer, mtimes clamped to `maxMtime` (the image's build time). */
export async function readLayerEntries(
  root: string,
  diff: SnapshotDiff,
  maxMtime: number,
): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const firstNames = new Map<string, string>();
  const whiteouts = new Set(diff.removed.map(whiteoutOf));
  for (const path of sortInTarOrder([...diff.changed, ...whiteouts])) {
    if (whiteouts.has(path)) {
      entries.push({
        type: 'file',
        path,
        content: Buffer.alloc(0),
        mode: 0,
        uid: 0,
        gid: 0,
        mtime: maxMtime,
      });
      continue;
    }
    const full = join(root, path);
    const info = await lstat(full);
    const base = {
      path,
      mode: info.mode & 0o7777,
      uid: info.uid,
      gid: info.gid,
      mtime: Math.min(Math.floor(info.mtimeMs / 1000), maxMtime),
    };
    if (info.isDirectory()) {
      entries.push({ ...base, type: 'dir' });
    } else if (info.isSymbolicLink()) {
      entries.push({ ...base, type: 'symlink', target: await readlink(full) });
    } else if (info.isFile()) {
      const inode = `${info.dev}:${info.ino}`;
      const first = info.nlink > 1 ? firstNames.get(inode) : undefined;
      if (first !== undefined) {
        entries.push({ ...base, type: 'hardlink', target: first });
      } else {
        if (info.nlink > 1) firstNames.set(inode, path);
        entries.push({ ...base, type: 'file', content: await readFile(full) });
      }
    }
    // Sockets, fifos and device nodes have no place in an image layer.
  }
  return entries;
}
