// The contract between hermetic and the verifier: `<cache>/hermetic/legs.json` says which
// legs (an engine plus an image store) this machine provides, where the mirror is, and which
// daemon serves `--docker host`. Both sides validate it with this one schema.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type ImageStore, imageStores } from '../lib/core/conditions.ts';
import { replaceFile } from '../lib/system/replace-file.ts';

/** The image stores a leg can use, as the verifier's conditions name them. */
export const STORES = imageStores;
export type Store = ImageStore;

export const versionsSchema = z.object({
  docker: z.string(),
  containerd: z.string(),
  runc: z.string(),
  buildx: z.string(),
  compose: z.string(),
  init: z.string(),
});

export const legSchema = z
  .object({
    /** `<engine>/<store>`, e.g. `28.5/containerd`. */
    name: z.string().regex(/^\d+\.\d+\/(containerd|overlay2)$/),
    engine: z.string().regex(/^\d+\.\d+$/),
    store: z.enum(STORES),
    /**
     * Absolute folder with dockerd, containerd, containerd-shim-runc-v2, runc, docker-init,
     * docker-proxy, iptables, that engine's `docker` and `cli-plugins/` (buildx, compose).
     */
    bin: z.string().startsWith('/'),
    /** What each binary in `bin` reports, e.g. docker `28.5.2`, runc `1.3.6`. */
    versions: versionsSchema,
  })
  .refine((leg) => leg.name === `${leg.engine}/${leg.store}`, {
    message: 'name must be <engine>/<store>',
  });

export const legsFileSchema = z.object({
  mirror: z.url(),
  /** A `unix://` address: the dockerd hermetic runs for `--docker host`. */
  hostDaemon: z.string().startsWith('unix:///'),
  legs: z.array(legSchema).min(1),
});

export type Leg = z.infer<typeof legSchema>;
export type LegVersions = z.infer<typeof versionsSchema>;
export type LegsFile = z.infer<typeof legsFileSchema>;

/** Reads and validates legs.json; undefined when hermetic has not written one. */
export async function readLegsFile(path: string): Promise<LegsFile | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  return legsFileSchema.parse(JSON.parse(text));
}

/** Validates and writes legs.json atomically, so a reader never sees half of it. */
export async function writeLegsFile(path: string, legs: LegsFile): Promise<void> {
  await replaceFile(path, `${JSON.stringify(legsFileSchema.parse(legs), null, 2)}\n`);
}
