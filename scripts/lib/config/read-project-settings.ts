import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { type Diagnostic, formatDiagnostic, VerifyError } from '../core/errors.ts';
import { parseJsonFile } from './parse-json-file.ts';
import {
  defaultProjectSettings,
  type ProjectSettings,
  projectSettingsSchema,
  settingsFileName,
} from './project-settings.ts';

export interface FoundSettings {
  /** The settings file, or `undefined` when the project has none (defaults apply). */
  file: string | undefined;
  settings: ProjectSettings;
}

/** The nearest settings file from `start` upwards, as tools find their config. */
async function findSettingsFile(
  start: string,
): Promise<{ file: string; text: string } | undefined> {
  for (let folder = start; ; folder = dirname(folder)) {
    const file = join(folder, settingsFileName);
    try {
      return { file, text: await readFile(file, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * Reads and checks the text of a settings file (JSON, read with positions): every problem
 * as a diagnostic at its line. Pure.
 */
export function parseProjectSettings(
  text: string,
  file: string,
): { ok: true; settings: ProjectSettings } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseJsonFile(text, file, projectSettingsSchema, 'setting');
  return parsed.ok ? { ok: true, settings: parsed.data } : parsed;
}

/**
 * The project's settings: `verify-examples.json` in `start` or the nearest folder above it.
 * A file with problems is a configuration error (exit 2) naming each problem's line.
 */
export async function readProjectSettings(start = process.cwd()): Promise<FoundSettings> {
  const found = await findSettingsFile(start);
  if (!found) return { file: undefined, settings: defaultProjectSettings() };
  const shown = relative(process.cwd(), found.file) || found.file;
  const parsed = parseProjectSettings(found.text, shown);
  if (parsed.ok) return { file: found.file, settings: parsed.settings };
  throw new VerifyError(
    'INVALID_OPTION',
    `${shown} has problems:\n${parsed.diagnostics.map(formatDiagnostic).join('\n')}`,
    {
      hint: 'Fix the settings at the lines named; the README lists every setting.',
    },
  );
}
