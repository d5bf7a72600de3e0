import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HermeticPaths } from './config.ts';
import { HermeticError } from './errors.ts';
import { type CommandResult, runCommand, tailOutput } from './exec.ts';
import { readDebianArch } from './host.ts';
import {
  IMAGE_NAMES,
  IMAGES,
  type ImageName,
  type ImageSpec,
  mirrorReferenceOf,
  repositoryOf,
  sourceDirOf,
} from './images.ts';
import { fetchManifestSummary, type ManifestSummary } from './registry-api.ts';
import {
  hashImageInputs,
  readSourceFile,
  readSourceFiles,
  readStamp,
  writeStamp,
} from './stamps.ts';

export type ImageOutcome =
  | ({ status: 'cached'; reference: string } & ManifestSummary)
  | ({ status: 'built'; reference: string; seconds: number } & ManifestSummary);

type BuildEnv = { paths: HermeticPaths; debianArch: string };

/** Progress of one image: a real build can take a minute, so its start is news too. */
export type BuildEvent =
  | { kind: 'building'; spec: ImageSpec }
  | { kind: 'done'; outcome: ImageOutcome };

/**
 * Builds and pushes every image whose inputs changed since its stamp, or that the
 * registry no longer has; the rest are reported as cached.
 */
export async function buildImages(
  paths: HermeticPaths,
  onEvent: (event: BuildEvent) => void,
): Promise<ImageOutcome[]> {
  const env = { paths, debianArch: await readDebianArch() };
  const digests: Partial<Record<ImageName, string>> = {};
  const outcomes: ImageOutcome[] = [];
  for (const name of IMAGE_NAMES) {
    const spec = IMAGES[name];
    const baseDigest = spec.base ? digests[spec.base] : undefined;
    const outcome = await buildImage(spec, env, baseDigest, () =>
      onEvent({ kind: 'building', spec }),
    );
    digests[name] = outcome.digest;
    outcomes.push(outcome);
    onEvent({ kind: 'done', outcome });
  }
  return outcomes;
}

async function buildImage(
  spec: ImageSpec,
  env: BuildEnv,
  baseDigest: string | undefined,
  onBuild: () => void,
): Promise<ImageOutcome> {
  const reference = `${spec.name}:${spec.tag}`;
  const hash = await hashImage(spec, env, baseDigest);
  const stamp = await readStamp(env.paths.stampsDir, spec.name);
  const pushed = await fetchManifestSummary(repositoryOf(spec), spec.tag);
  if (stamp?.hash === hash && pushed?.digest === stamp.digest)
    return { status: 'cached', reference, ...pushed };

  onBuild();
  const started = performance.now();
  const contextDir = join(env.paths.buildDir, spec.name);
  await rm(contextDir, { recursive: true, force: true });
  await mkdir(contextDir, { recursive: true });
  await spec.prepare({
    name: spec.name,
    sourceDir: sourceDirOf(spec.name),
    contextDir,
    debianArch: env.debianArch,
    paths: env.paths,
  });
  const tag = mirrorReferenceOf(spec);
  const baseArgs = spec.base ? ['--build-arg', `BASE=${mirrorReferenceOf(IMAGES[spec.base])}`] : [];
  // BuildKit through the buildx plugin (engine.ts), as `docker build` runs for a reader;
  // it loads the result into the daemon, from where `docker push` sends it to the mirror.
  const buildEnv = { ...process.env, DOCKER_BUILDKIT: '1' };
  const buildArgs = ['build', '--progress=plain', '-t', tag, ...baseArgs, contextDir];
  requirePushed(spec, await runCommand('docker', buildArgs, { env: buildEnv }));
  requirePushed(spec, await runCommand('docker', ['push', tag]));
  const summary = await fetchManifestSummary(repositoryOf(spec), spec.tag);
  if (!summary) {
    throw new HermeticError(
      'BUILD_FAILED',
      `${reference}: pushed, but the registry does not serve it`,
      {
        hint: `read ${env.paths.registryLog}.`,
      },
    );
  }
  await writeStamp(env.paths.stampsDir, spec.name, {
    hash,
    digest: summary.digest,
    builtAt: new Date().toISOString(),
  });
  return { status: 'built', reference, seconds: (performance.now() - started) / 1000, ...summary };
}

/** The stamp hash: sources, recipe, architecture, input versions and base digest. */
async function hashImage(
  spec: ImageSpec,
  env: BuildEnv,
  baseDigest: string | undefined,
): Promise<string> {
  const sources = await readSourceFiles(sourceDirOf(spec.name));
  const recipe = await readSourceFile(spec.recipe, 'recipe');
  const versions = await spec.readVersions(env.paths);
  return hashImageInputs([...sources, recipe], {
    ...versions,
    arch: env.debianArch,
    ...(baseDigest ? { base: baseDigest } : {}),
  });
}

function requirePushed(spec: ImageSpec, result: CommandResult): void {
  if (!result.failed) return;
  throw new HermeticError(
    'BUILD_FAILED',
    `${spec.name}:${spec.tag}: \`${result.command}\` failed:\n${tailOutput(result)}`,
    {
      hint: 'run that command by hand to see the whole output; `docker info` shows whether the daemon is healthy.',
      cause: result,
    },
  );
}
