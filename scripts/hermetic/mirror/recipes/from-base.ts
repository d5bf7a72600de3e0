// What an image built FROM one of our look-alikes starts with: the base's layout from the
// cache (its layers keep their bytes, so their digests, as Docker Hub's node and postgres
// share debian's), its root filesystem unpacked for the build steps, and its stamp's digest,
// which keys the images built on it.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, tailOf } from '../../../lib/system/run-process.ts';
import { HermeticError } from '../../plumbing/errors.ts';
import { type LayoutImage, readLayoutImage } from '../oci/read-layout.ts';
import type { BuildContext } from './recipe.ts';

/** The modules every image built with steps depends on, for its stamp. */
export const STEP_SOURCES = [
  '../steps/run-steps.ts',
  '../steps/chroot-step.sh',
  '../steps/snapshot.ts',
  '../steps/layer-from-diff.ts',
  '../oci/read-layout.ts',
  './from-base.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

export type BaseImage = LayoutImage & {
  /** The base's root filesystem, unpacked in the build's scratch folder. */
  root: string;
};

/**
 * The stamp input of an image built on `baseId`: the digest of the base as its layout holds
 * it now, so that a new base rebuilds what is built on it.
 */
export async function readBaseInput(
  context: BuildContext,
  baseId: string,
): Promise<Record<string, string>> {
  const index = await readFile(join(context.paths.layoutsDir, baseId, 'index.json'), 'utf8').catch(
    () => 'not built yet',
  );
  return { base: index };
}

/** Reads the base image `baseId` from its layout and unpacks it into `<workDir>/rootfs`. */
export async function unpackBase(context: BuildContext, baseId: string): Promise<BaseImage> {
  const image = await readLayoutImage(join(context.paths.layoutsDir, baseId));
  const root = join(context.workDir, 'rootfs');
  await mkdir(root, { recursive: true });
  const tarFile = join(context.workDir, 'layer.tar');
  for (const layer of image.layers) {
    await writeFile(tarFile, layer.tar);
    const result = await runProcess('tar', [
      '--extract',
      '--numeric-owner',
      '--same-permissions',
      `--file=${tarFile}`,
      `--directory=${root}`,
    ]);
    await rm(tarFile);
    if (result.failed) {
      throw new HermeticError(
        'BUILD_FAILED',
        `unpacking ${baseId} failed:\n${tailOf(result.all)}`,
        {
          hint: 'run `npm run hermetic` again; it rebuilds what it cannot read.',
          cause: result,
        },
      );
    }
  }
  return { ...image, root };
}
