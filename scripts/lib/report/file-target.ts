import { VerifyError } from '../core/errors.ts';
import { replaceFile } from '../system/replace-file.ts';
import type { ReportTarget } from './reporter.ts';

export interface FileTarget extends ReportTarget {
  /** Writes everything written so far to the file, if anything changed since the last time. */
  flush(): Promise<void>;
}

/** Writes a report whole, so a reader (a CI step collecting `junit.xml`) never sees half. */
async function writeReport(path: string, content: string): Promise<void> {
  try {
    await replaceFile(path, content);
  } catch (error) {
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
      await writeReport(path, chunks.join(''));
    },
  };
}
