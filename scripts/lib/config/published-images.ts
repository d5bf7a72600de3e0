import { z } from 'zod';

/**
 * Docker Hub's published values of the images a project's docs use, in a JSON file the
 * project declares (`"published"` in verify-examples.json): what a page shows of those
 * images (an image ID, a digest, a layer) must be one of them, whatever image a mirror
 * served the run. A digest shorter than 64 hex digits is known only to that prefix.
 */

const digest = z
  .string()
  .regex(
    /^sha256:[0-9a-f]{8,64}$/,
    'expected sha256: and 8 to 64 hex digits (fewer than 64: known only to that prefix)',
  );

export const publishedImageSchema = z.strictObject({
  /** The repository as readers write it: `busybox`, `debian`. */
  name: z.string().min(1),
  /** Every tag that names this image. */
  tags: z.array(z.string().min(1)).min(1),
  /** Where the values were read. */
  source: z.string().min(1),
  /** The index (what `docker pull` prints as `Digest:`; the image ID on the containerd store). */
  index: digest,
  /** The manifest of the platform. */
  manifest: digest,
  /** The configuration: the image ID on the classic store. */
  config: digest,
  layers: z.array(digest).default([]),
  /** The attestation manifest of the platform. */
  attestation: digest.optional(),
});
export type PublishedImage = z.infer<typeof publishedImageSchema>;

export const publishedImagesSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  registry: z.string().min(1).default('docker.io'),
  platform: z.string().min(1).default('linux/amd64'),
  images: z.array(publishedImageSchema),
});
export type PublishedImages = z.infer<typeof publishedImagesSchema>;
