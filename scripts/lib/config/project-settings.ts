import { z } from 'zod';
import { matrixLegSchema } from '../core/legs.ts';
import { outputSettingsSchema } from '../core/options.ts';
import { toolbox } from '../core/reader-toolbox.ts';

const toolNames = toolbox.map((tool) => tool.name) as [string, ...string[]];

/**
 * The project's settings for verify-examples, in `verify-examples.json` at the root of the
 * repository: the one schema of that file (each part adds its own key). Unknown keys are
 * errors with their line, so a typo cannot silently turn a check off.
 */

export const projectSettingsSchema = z.strictObject({
  /** For editors: the JSON schema the file follows. */
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
  /** How documented output is compared on every page (a page's `verify.output` wins). */
  output: outputSettingsSchema.default({}),
  /**
   * Images every page starts with, pulled quietly before it runs, as a reader who followed
   * the docs' first steps has them (a page's `verify.images` adds its own).
   */
  images: z.array(z.string().min(1)).default([]),
  /**
   * The reader the docs are written for. `pages`: the folder of the pages in reading order
   * (the site's sidebar), which `--journey` runs by default and whose `verify.installs` make
   * each page's toolbox; `tools`: the toolbox tools a reader is assumed to have before the
   * first page (beside the docker CLI, a shell and coreutils), by their names in
   * core/reader-toolbox.ts (a name not there is an error: a typo would hide nothing). Without
   * `reader`, every tool of the toolbox is on every page's PATH.
   */
  reader: z
    .strictObject({
      pages: z.string().min(1).optional(),
      tools: z.array(z.enum(toolNames)).default([]),
    })
    .optional(),
  /** Shell-looking fences that are not checked (output only, Windows...) fail the run. */
  strict: z.boolean().default(false),
  /**
   * A JSON file (relative to this one) of Docker Hub's published values of the images the
   * docs use (config/published-images.ts): IDs and digests the docs show of those images are
   * held to them.
   */
  published: z.string().min(1).optional(),
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const settingsFileName = 'verify-examples.json';

export function defaultProjectSettings(): ProjectSettings {
  return projectSettingsSchema.parse({});
}
