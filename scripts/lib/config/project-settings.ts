import { z } from 'zod';
import { imageStores } from '../core/conditions.ts';

/**
 * The project's settings for verify-examples, in `verify-examples.json` at the root of the
 * repository: the one schema of that file (each part adds its own key). Unknown keys are
 * errors with their line, so a typo cannot silently turn a check off.
 */

const matrixLegSchema = z.strictObject({
  /** How reports and the record name the leg; the legs of legs.json use `<engine>/<store>`. */
  name: z.string().min(1),
  /** The engine's series, e.g. `28.5`: the leg stands for every 28.5.x. */
  engine: z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version such as 28.5'),
  store: z.enum(imageStores),
});

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
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const settingsFileName = 'verify-examples.json';

export function defaultProjectSettings(): ProjectSettings {
  return projectSettingsSchema.parse({});
}
