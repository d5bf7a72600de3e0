// Docker Hub's history rows of an image, as `docker history --no-trunc` shows them, kept as
// JSON beside the specification (oldest first, the base image's rows left out): the
// specification compares with them and the look-alike's recipe writes them.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const rowSchema = z.strictObject({
  created: z.iso.datetime(),
  created_by: z.string(),
  comment: z.literal('buildkit.dockerfile.v0'),
  empty_layer: z.literal(true).optional(),
});

export type HubHistoryRow = {
  created: string;
  created_by: string;
  comment: string;
  empty_layer?: true;
};

/** Reads and validates a `*.history.json` file of this folder. */
export function readHistoryRows(url: URL): readonly HubHistoryRow[] {
  return z
    .array(rowSchema)
    .parse(JSON.parse(readFileSync(url, 'utf8')))
    .map(({ empty_layer, ...row }) => (empty_layer ? { ...row, empty_layer } : row));
}
