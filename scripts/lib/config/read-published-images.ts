import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { formatDiagnostic, VerifyError } from '../core/errors.ts';
import { parseJsonFile } from './parse-json-file.ts';
import { type PublishedImages, publishedImagesSchema } from './published-images.ts';

/**
 * Docker Hub's published values, from the file the settings declare (`published`, relative
 * to verify-examples.json); none without one. A file that is missing or has problems is a
 * configuration error naming each problem's line.
 */
export async function readPublishedImages(
  settingsFile: string | undefined,
  declared: string | undefined,
): Promise<PublishedImages | undefined> {
  if (declared === undefined) return undefined;
  const file = resolve(settingsFile ? dirname(settingsFile) : process.cwd(), declared);
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new VerifyError('INVALID_OPTION', `Cannot read ${shown}, which "published" names`, {
      hint: 'Fix the path in verify-examples.json (it is relative to that file), or remove the setting.',
      cause: error,
    });
  }
  const parsed = parseJsonFile(text, shown, publishedImagesSchema, 'published value');
  if (parsed.ok) return parsed.data;
  throw new VerifyError(
    'INVALID_OPTION',
    `${shown} has problems:\n${parsed.diagnostics.map(formatDiagnostic).join('\n')}`,
    {
      hint: "Fix the values at the lines named: each digest is sha256: and Docker Hub's hex digits.",
    },
  );
}
