// Reads a folder into tar entries: names sorted byte-wise within each folder (as
// `tar --sort=name`), the first name of an inode a file and its other names hard links.
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TarEntry } from './tar.ts';

export type ReadTreeOptions = {
  /** Paths (relative, no leading slash) left out with everything below them. */
  exclude?: (path: string) => boolean;
  /** Clamps mtimes, e.g. to SOURCE_DATE_EPOCH as debuerreotype does. */
  maxMtime?: number;
};

/** Every file, folder and link below `root`, in tar order; `root` itself is not an entry. */
export async function readTree(root: string, options: ReadTreeOptions = {}): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const seen = new Map<string, string>();
  const clamp = (mtime: number) =>
    options.maxMtime === undefined
      ? Math.floor(mtime)
      : Math.min(Math.floor(mtime), options.maxMtime);
  const visit = async (relative: string) => {
    const names = (await readdir(join(root, relative))).sort(compareBytes);
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (options.exclude?.(path)) continue;
      const full = join(root, path);
      const info = await lstat(full);
      const base = {
        path,
        mode: info.mode & 0o7777,
        uid: info.uid,
        gid: info.gid,
        mtime: clamp(info.mtimeMs / 1000),
      };
      if (info.isDirectory()) {
        entries.push({ ...base, type: 'dir' });
        await visit(path);
      } else if (info.isSymbolicLink()) {
        entries.push({ ...base, type: 'symlink', target: await readlink(full) });
      } else if (info.isFile()) {
        const key = `${info.dev}:${info.ino}`;
        const first = info.nlink > 1 ? seen.get(key) : undefined;
        if (first !== undefined) {
          entries.push({ ...base, type: 'hardlink', target: first });
        } else {
          if (info.nlink > 1) seen.set(key, path);
          entries.push({ ...base, type: 'file', content: await readFile(full) });
        }
      }
      // Sockets, fifos and device nodes have no place in an image layer.
    }
  };
  await visit('');
  return entries;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
