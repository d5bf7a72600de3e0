import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VerifyError } from '../core/errors.ts';

/**
 * Replaces a file's content atomically: a temporary file next to it (same file system, same
 * mode) is written, flushed and renamed over it, so a crash leaves either the old or the new
 * file, never half of one. If the file no longer holds `original` (someone edited it while
 * the run was going), nothing is written.
 */
export async function writeAtomically(
  path: string,
  content: string,
  original: string,
): Promise<void> {
  const current = await readFile(path, 'utf8');
  if (current !== original) {
    throw new VerifyError(
      'WRITE_FAILED',
      `${path} changed while it was being verified; not rewritten`,
      {
        hint: 'Run the verifier again with --update once the file is saved.',
      },
    );
  }
  const { mode } = await stat(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw new VerifyError('WRITE_FAILED', `Cannot write ${path}`, { cause: error });
  }
}
