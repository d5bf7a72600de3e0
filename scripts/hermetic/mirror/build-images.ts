// Builds each look-alike whose inputs changed since its stamp (or that the mirror lost),
// writes its OCI layout in the cache and pushes it to the mirror under all of its tags.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HermeticPaths, MIRROR_URL } from '../plumbing/config.ts';
import type { DebCache } from '../plumbing/debs.ts';
import {
  hashImageInputs,
  readSourceFile,
  readSourceFiles,
  readStamp,
  type SourceFile,
  writeStamp,
} from '../plumbing/stamps.ts';
import { ensureBuildRoot } from './build-root.ts';
import { IMAGE_RECIPES } from './images.ts';
import { compressLayers } from './oci/compress-layers.ts';
import { buildImage } from './oci/image.ts';
import { writeLayout } from './oci/layout.ts';
import { pushImage } from './oci/push.ts';
import type { BuildContext, ImageRecipe } from './recipes/recipe.ts';
import { fetchManifestSummary } from './registry-api.ts';

/** Modules every image depends on: a change to how images are written rebuilds them all. */
const SHARED_SOURCES = [
  './oci/image.ts',
  './oci/tar.ts',
  './oci/tree.ts',
  './recipes/recipe.ts',
  './build-root.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

export type ImageOutcome = {
  status: 'cached' | 'built';
  reference: string;
  digest: string;
  seconds: number;
};

/** What image builds hear and may use besides the cache: the folder of tag archives. */
export type BuildImagesOptions = Pick<BuildContext, 'sourcesDir' | 'onProgress'> & {
  /** Hears of each real build before it begins. */
  onStart: (reference: string) => void;
};

/** Builds and pushes what changed. */
export async function buildImages(
  paths: HermeticPaths,
  debs: DebCache,
  { sourcesDir, onProgress, onStart }: BuildImagesOptions,
): Promise<ImageOutcome[]> {
  let buildRoot: Promise<string> | undefined;
  const outcomes: ImageOutcome[] = [];
  for (const recipe of IMAGE_RECIPES) {
    const context: BuildContext = {
      paths,
      debs,
      sourcesDir,
      onProgress,
      buildRoot: () => {
        buildRoot ??= ensureBuildRoot(paths, debs);
        return buildRoot;
      },
      workDir: join(paths.buildDir, recipe.id),
    };
    outcomes.push(await buildOne(recipe, context, onStart));
  }
  return outcomes;
}

async function buildOne(
  recipe: ImageRecipe,
  context: BuildContext,
  onStart: (reference: string) => void,
): Promise<ImageOutcome> {
  const name = recipe.repository.replace(/^library\//, '');
  const reference = `${name}:${recipe.tags.join(',')}`;
  const started = performance.now();
  const hash = await hashRecipe(recipe, context);
  // One stamp per recipe: worktrees whose recipes differ do not take each other's for theirs.
  const stampName = `${recipe.id}-${hash.slice(0, 16)}`;
  const stamp = await readStamp(context.paths.stampsDir, stampName);
  if (stamp?.hash === hash && (await isServed(recipe, stamp.digest))) {
    return { status: 'cached', reference, digest: stamp.digest, seconds: 0 };
  }
  onStart(reference);
  await rm(context.workDir, { recursive: true, force: true });
  await mkdir(context.workDir, { recursive: true });
  const input = await recipe.build(context);
  const subjectName = `pkg:docker/${name}@${recipe.tags[0]}?platform=linux%2Famd64`;
  const layers = recipe.compression === 'fast' ? await compressLayers(input.layers) : input.layers;
  const image = buildImage({ ...input, layers, subjectName });
  await writeLayout(join(context.paths.layoutsDir, recipe.id), image, `${name}:${recipe.tags[0]}`);
  await pushImage(MIRROR_URL, recipe.repository, image, recipe.tags);
  await writeStamp(context.paths.stampsDir, stampName, {
    hash,
    digest: image.index.digest,
    builtAt: new Date().toISOString(),
  });
  await rm(context.workDir, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;
  return { status: 'built', reference, digest: image.index.digest, seconds };
}

async function isServed(recipe: ImageRecipe, digest: string): Promise<boolean> {
  for (const tag of recipe.tags) {
    const served = await fetchManifestSummary(recipe.repository, tag);
    if (served?.digest !== digest) return false;
  }
  return true;
}

/** Files are named relative to the repository, so every worktree shares one stamp. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function hashRecipe(recipe: ImageRecipe, context: BuildContext): Promise<string> {
  const files: SourceFile[] = [];
  for (const source of [...SHARED_SOURCES, ...recipe.sources]) {
    const name = relative(REPOSITORY_ROOT, source);
    const isDir = (await stat(source)).isDirectory();
    if (isDir) {
      const inside = await readSourceFiles(source);
      files.push(...inside.map((file) => ({ ...file, path: `${name}/${file.path}` })));
    } else {
      files.push(await readSourceFile(source, name));
    }
  }
  const inputs = (await recipe.readInputs?.(context)) ?? {};
  return hashImageInputs(files, { ...inputs, tags: recipe.tags.join(',') });
}
