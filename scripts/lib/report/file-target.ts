import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VerifyError } from '../errors.ts';
import type { ReportTarget } from './reporter.ts';

export interface FileTarget extends ReportTarget {
  /** Writes everything written so far to the file, if anything changed since the last time. */
  flush(): Promise<void>;
}

/**
 * Replaces a file through a temporary file beside it and a rename, so a reader (a CI step
 * collecting `junit.xml`) never sees half a report.
 */
export async function replaceFile(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new VerifyError('WRITE_FAILED', `Cannot write the report ${path}`, {
      cause: error,
      hint: 'Check that the folder can be created and written, or pick another path.',
    });
  }
}

/** A report file: text is kept in memory and the whole file is written on `flush`. */
export function createFileTarget(path: string): FileTarget {
  const chunks: string[] = [];
  let flushed = -1;
  return {
    isTty: false,
    write: (text) => void chunks.push(text),
    async flush() {
      if (chunks.length === flushed) return;
      flushed = chunks.length;
      await replaceFile(path, chunks.join(''));
    },
  };
}
