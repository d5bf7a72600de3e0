/**
 * The project's settings for the checker: `verify-examples.json` at the root of the
 * repository (where the verifier and the site build run). One file and this one schema for
 * every setting, so that each is validated once, with positions. Missing file: defaults.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { imageStores } from '../core/conditions.ts';
import { VerifyError } from '../core/errors.ts';

export const settingsFileName = 'verify-examples.json';

const matrixLegSchema = z.strictObject({
  /** How reports and the record name the leg; the legs of legs.json use `<engine>/<store>`. */
  name: z.string().min(1),
  /** The engine's series, e.g. `28.5`: the leg stands for every 28.5.x. */
  engine: z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version such as 28.5'),
  store: z.enum(imageStores),
});

export const projectSettingsSchema = z.strictObject({
  $schema: z.string().optional(),
  /**
   * The legs the docs are proven on: a block's condition must hold on one of them, and in CI
   * each must be one this machine runs.
   */
  matrix: z
    .array(matrixLegSchema)
    .default([])
    .superRefine((legs, context) => {
      for (const [index, leg] of legs.entries()) {
        if (legs.findIndex((other) => other.name === leg.name) !== index)
          context.addIssue({
            code: 'custom',
            message: `a second leg named ${leg.name}`,
            path: [index, 'name'],
          });
      }
    }),
  /** The verification record (`--record`): where the pages are, where their records go. */
  record: z
    .strictObject({
      /** The folder of the pages the record covers (the site's content). */
      pages: z.string().min(1),
      /** The folder of the record: one JSON file per page, at the page's relative path. */
      dir: z.string().min(1),
    })
    .optional(),
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;
export type MatrixLegSettings = ProjectSettings['matrix'][number];

export interface LoadedSettings {
  /** The settings file, when there is one. */
  file: string | undefined;
  /** The folder paths in the settings are relative to. */
  root: string;
  settings: ProjectSettings;
}

/** Where the record is, when the settings have one: paths for record/record-path.ts. */
export function findRecordLocation(
  loaded: LoadedSettings,
): { root: string; pages: string; dir: string } | undefined {
  const { record } = loaded.settings;
  return record && { root: loaded.root, pages: record.pages, dir: record.dir };
}

/** The line of a path in the file: JSON is YAML, whose parser keeps positions. */
function lineOf(text: string, path: readonly PropertyKey[]): number {
  const document = parseDocument(text);
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true) as
      | { range?: number[] }
      | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return text.slice(0, offset).split('\n').length;
  }
  return 1;
}

/** Validates the text of a settings file; throws INVALID_OPTION naming the file and line. */
export function parseProjectSettings(text: string, file: string): ProjectSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8 says `... at position 12 (line 2 column 3)` for some errors; else YAML's parser,
    // stricter about positions, tells.
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const line =
      position === undefined
        ? (parseDocument(text).errors[0]?.linePos?.[0].line ?? 1)
        : text.slice(0, Number(position)).split('\n').length;
    throw new VerifyError('INVALID_OPTION', `${settingsFileName} is not valid JSON`, {
      position: { file, line },
      cause: error,
    });
  }
  const result = projectSettingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const [first, ...others] = result.error.issues;
  const describe = (issue: z.core.$ZodIssue) =>
    `\`${issue.path.join('.') || '(root)'}\`: ${issue.message}`;
  const more = others.map((issue) => `\n  line ${lineOf(text, issue.path)}: ${describe(issue)}`);
  throw new VerifyError(
    'INVALID_OPTION',
    `Invalid setting ${first ? describe(first) : ''}${more.join('')}`,
    {
      position: { file, line: first ? lineOf(text, first.path) : 1 },
      hint: `See the README's section on ${settingsFileName}.`,
    },
  );
}

/** Reads `verify-examples.json` in `root`; a missing file gives the defaults. */
export async function readProjectSettings(root = process.cwd()): Promise<LoadedSettings> {
  const file = join(root, settingsFileName);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new VerifyError('INVALID_OPTION', `Cannot read ${file}`, { cause: error });
  });
  if (text === undefined)
    return { file: undefined, root, settings: projectSettingsSchema.parse({}) };
  return { file, root, settings: parseProjectSettings(text, file) };
}
