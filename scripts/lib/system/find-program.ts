import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Folders a non-login root shell may leave off PATH, where dockerd, ip and apt's tools live. */
const sbinFolders = ['/usr/sbin', '/sbin'];

/** Whether an executable of that name is on PATH, or in the sbin folders. */
export function isOnPath(program: string): boolean {
  const folders = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const folder of [...folders, ...sbinFolders]) {
    try {
      accessSync(join(folder, program), constants.X_OK);
      return true;
    } catch {
      // Not in this folder.
    }
  }
  return false;
}
