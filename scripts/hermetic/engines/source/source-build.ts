// A component's binaries, built from its tag archive in the build root (a chroot in the cache)
// and kept in `<cache>/source-builds/<name>-<version>-<hash>/`: the hash covers the recipe,
// the toolchain's packages (and the build root's for cgo) and how `go build` is run, so worktrees
// with other recipes keep folders of their own, and a warm run only reads a record.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { runProcess } from '../../../lib/system/run-process.ts';
import {
  BUILD_ROOT_PACKAGES,
  BUILD_ROOT_SUITE,
  ensureBuildRoot,
  requireBuildStep,
} from '../../mirror/build-root.ts';
import type { HermeticPaths } from '../../plumbing/config.ts';
import type { DebCache } from '../../plumbing/debs.ts';
import { type Archive, obtainArchive } from './archives.ts';
import type { UpstreamComponent } from './components.ts';
import {
  outputPathOf,
  ROOT_PATHS,
  renderGoBuild,
  renderGoEnv,
  renderUnpack,
  sourceDirOf,
  workDirOf,
} from './go-command.ts';
import { ensureToolchainIn, readToolchain, type Toolchain } from './go-toolchain.ts';

/** What a source build needs: the cache, its .debs, and the folder of tag archives if any. */
export type SourceContext = {
  paths: HermeticPaths;
  debs: DebCache;
  /** `--sources DIR`; without it, archives are downloaded from their repositories. */
  sourcesDir: string | undefined;
  /** Hears of each build before it starts and when it ends (cold builds take minutes). */
  onProgress: (line: string) => void;
  /** Go's build cache, if not the cache's own (a benchmark of cold builds gives an empty one). */
  goCache?: string;
};

const recordSchema = z.object({
  hash: z.string(),
  commit: z.string(),
  toolchain: z.record(z.string(), z.string()),
  /** Seconds each `go build` took, by binary. */
  seconds: z.record(z.string(), z.number()),
});

export type ComponentBuild = {
  status: 'cached' | 'built';
  component: UpstreamComponent;
  /** Each binary's path in the cache, by its name (`dockerd`, `cli-plugins/docker-buildx`). */
  binaries: Record<string, string>;
  seconds: Record<string, number>;
  archive?: Archive;
};

/**
 * Pure: the hash a component's build is kept under: its archive and commit, each `go build`
 * as run (arguments and environment), Go's packages, and for cgo libseccomp's and the build
 * root's.
 */
export function hashComponentBuild(component: UpstreamComponent, toolchain: Toolchain): string {
  const builds = component.binaries.map((binary) => ({
    argv: renderGoBuild(component, binary),
    env: renderGoEnv(component, binary),
  }));
  // Only cgo links with the build root's C compiler and libc.
  const compilers = isCgo(component) ? `${BUILD_ROOT_SUITE} ${BUILD_ROOT_PACKAGES.join(',')}` : '';
  const { archive, commit } = component;
  return createHash('sha256')
    .update(JSON.stringify({ archive, commit, builds, toolchain, compilers }))
    .digest('hex');
}

const isCgo = (component: UpstreamComponent) => component.binaries.some((binary) => binary.cgo);

/** The folder a component's build is kept in, and its hash (no build, no network if cached). */
export async function locateComponentBuild(
  context: SourceContext,
  component: UpstreamComponent,
): Promise<{ dir: string; hash: string }> {
  const hash = hashComponentBuild(component, await readToolchain(context.debs, isCgo(component)));
  const dir = join(
    context.paths.sourceBuildsDir,
    `${component.name}-${component.version}-${hash.slice(0, 12)}`,
  );
  return { dir, hash };
}

/** The component's binaries: read from the cache, or built (minutes) and kept there. */
export async function ensureComponent(
  context: SourceContext,
  component: UpstreamComponent,
): Promise<ComponentBuild> {
  const { dir, hash } = await locateComponentBuild(context, component);
  const binaries = Object.fromEntries(
    component.binaries.map((binary) => [binary.name, join(dir, 'bin', binary.name)]),
  );
  const record = await readRecord(join(dir, 'build.json'));
  if (record?.hash === hash && (await allExist(Object.values(binaries)))) {
    return { status: 'cached', component, binaries, seconds: record.seconds };
  }
  const what = `${component.name} ${component.version}`;
  const archive = await obtainArchive(component, context.sourcesDir, context.paths.downloadsDir);
  context.onProgress(`${what}: building from ${archive.path}`);
  const root = await ensureBuildRoot(context.paths, context.debs);
  await ensureToolchainIn(root, context.debs);
  const toolchain = await readToolchain(context.debs, isCgo(component));
  const work = join(root, workDirOf(component));
  await rm(work, { recursive: true, force: true });
  await unpackInRoot(root, component, archive.path);
  const seconds: Record<string, number> = {};
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  for (const binary of component.binaries) {
    await mkdir(dirname(join(root, outputPathOf(component, binary))), { recursive: true });
    const argv = renderGoBuild(component, binary);
    const goEnv = renderGoEnv(component, binary);
    const env = Object.entries(goEnv).map(([key, value]) => `${key}=${value}`);
    const goCache = context.goCache ?? context.paths.goCacheDir;
    const result = await runWithGoCache(root, goCache, ['/usr/bin/env', '-i', ...env, ...argv]);
    requireBuildStep(what, `go build ${binary.name}`, result);
    seconds[binary.name] = Math.round(result.durationMs / 100) / 10;
    const target = join(partial, 'bin', binary.name);
    await mkdir(dirname(target), { recursive: true });
    await rename(join(root, outputPathOf(component, binary)), target);
  }
  const written = { hash, commit: component.commit, toolchain, seconds };
  await writeFile(join(partial, 'build.json'), `${JSON.stringify(written, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  await rm(work, { recursive: true, force: true });
  const times = Object.entries(seconds).map(([name, s]) => `${name} ${s}s`);
  context.onProgress(`${what}: built (${times.join(', ')})`);
  return { status: 'built', component, binaries, seconds, archive };
}

/**
 * Runs `argv` in the build root with Go's build cache mounted at its place there, in a mount
 * namespace of its own: the cache outlives the build root (bootstrapped anew when its package
 * list changes), and the mount ends with the process, whatever happens to it.
 */
async function runWithGoCache(root: string, goCache: string, argv: readonly string[]) {
  await mkdir(goCache, { recursive: true });
  await mkdir(join(root, ROOT_PATHS.goCache), { recursive: true });
  const script = 'mount --bind "$1" "$2"; shift 2; exec chroot "$@"';
  const target = join(root, ROOT_PATHS.goCache);
  return runProcess('unshare', [
    '--mount',
    'sh',
    '-euc',
    script,
    'sh',
    goCache,
    target,
    root,
    ...argv,
  ]);
}

/** Unpacks the tag archive with the build root's tar and xz, without its top folder. */
async function unpackInRoot(
  root: string,
  component: UpstreamComponent,
  archivePath: string,
): Promise<void> {
  const inRoot = `${workDirOf(component)}/${basename(archivePath)}`;
  await mkdir(join(root, sourceDirOf(component)), { recursive: true });
  await copyFile(archivePath, join(root, inRoot));
  const result = await runProcess('chroot', [root, ...renderUnpack(component, inRoot)]);
  requireBuildStep(`${component.name} ${component.version}`, `unpack ${archivePath}`, result);
  await rm(join(root, inRoot), { force: true });
}

async function allExist(paths: readonly string[]): Promise<boolean> {
  const found = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}

async function readRecord(path: string): Promise<z.infer<typeof recordSchema> | undefined> {
  try {
    return recordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}
