import { readFile } from 'node:fs/promises';
import { VerifyError } from '../core/errors.ts';
import { type PageRecord, pageRecordSchema } from './record-schema.ts';

/** A page's record, or `undefined` when the page has none yet. */
export async function readPageRecord(file: string): Promise<PageRecord | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new VerifyError('INVALID_OPTION', `Cannot read the record ${file}`, { cause: error });
  });
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new VerifyError('INVALID_OPTION', `${file} is not valid JSON`, {
      cause: error,
      hint: 'Restore it from git, or delete it and run `npm run verify -- --record` again.',
    });
  }
  const parsed = pageRecordSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new VerifyError(
    'INVALID_OPTION',
    `${file} is not a verification record: \`${issue?.path.join('.')}\`: ${issue?.message}`,
    { hint: 'Restore it from git, or delete it and run `npm run verify -- --record` again.' },
  );
}
