// The reader's machine of the verifier's sandboxes, made here so that verifying stays
// offline: the root of lib/core/reader-toolbox.ts's recipe, bootstrapped from Debian's
// archive with the cache's mmdebstrap, kept while the recipe holds (about 80 s once).
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeMmdebstrapArgs, hashMachineRecipe } from '../../lib/core/reader-toolbox.ts';
import { finishRoot } from '../../lib/system/finish-machine-root.ts';
import { requireBuildStep, runMmdebstrap } from '../mirror/build-root.ts';
import type { HermeticPaths } from '../plumbing/config.ts';
import type { DebCache } from '../plumbing/debs.ts';

const DEBIAN_MIRROR = 'http://deb.debian.org/debian';

export interface ReaderRoot {
  root: string;
  recipe: string;
  status: 'cached' | 'made';
}

export async function ensureReaderRoot(paths: HermeticPaths, debs: DebCache): Promise<ReaderRoot> {
  const recipe = hashMachineRecipe();
  const root = join(paths.machineDir, recipe, 'root');
  if (existsSync(root)) return { root, recipe, status: 'cached' };
  const partial = `${root}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(paths.machineDir, recipe), { recursive: true });
  const result = await runMmdebstrap(paths, debs, [
    '--hook-dir=@HOOKS@/merged-usr',
    ...describeMmdebstrapArgs(partial),
    DEBIAN_MIRROR,
  ]);
  requireBuildStep("the reader's machine", 'mmdebstrap', result);
  await finishRoot(partial);
  await rename(partial, root);
  return { root, recipe, status: 'made' };
}
