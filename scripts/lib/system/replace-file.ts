import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file atomically: a temporary file beside it (same file system, the old file's
 * mode) is written, flushed and renamed over it, creating the folder first. A reader never
 * sees half a file, a crash leaves the old or the new one, and two writers at once never
 * share a temporary file (its name starts with a dot and ends in `.tmp`). Errors are thrown
 * as they come, for the caller to explain.
 */
export async function replaceFile(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(dirname(path), { recursive: true });
  const mode = await stat(path).then(
    (info) => info.mode,
    () => 0o666,
  );
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
