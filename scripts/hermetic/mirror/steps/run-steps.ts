// Builds an image's layers above its base the way `docker build` does: each step is a shell
// script run in the root filesystem (chroot-step.sh), and its layer is what it changed there
// (snapshot.ts). Steps run as root on the machine's network, in a mount namespace of their own.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, tailOf } from '../../../lib/system/run-process.ts';
import { HermeticError } from '../../plumbing/errors.ts';
import { writeTar } from '../oci/tar.ts';
import { readLayerEntries } from './layer-from-diff.ts';
import { diffSnapshots, takeSnapshot } from './snapshot.ts';

const CHROOT_STEP = join(import.meta.dirname, 'chroot-step.sh');

/**
 * A script run in the root as a Dockerfile's RUN (a `COPY` is a script that copies from
 * `inputs`, a folder shown read-only at /mnt while it runs).
 */
export type BuildStep = { script: string; inputs?: string };

export type StepOptions = {
  /** Names the image in errors, e.g. `postgres:18`. */
  what: string;
  /** The build's apt lists and caches, kept outside the root (see chroot-step.sh). */
  aptDir: string;
  /** The image's build time: no layer entry is newer. */
  maxMtime: number;
};

/** Paths no step's layer holds: the kernel's, and what chroot-step.sh mounts. */
function isOutsideLayers(path: string): boolean {
  return /^(proc|dev|sys|var\/lib\/apt\/lists|var\/cache\/apt)\//.test(path);
}

/**
 * apt's settings for the build only (APT_CONFIG, read after the image's own): the parsed
 * lists kept between steps, which the slim image's docker-clean switches off (each apt-get
 * took seconds to parse them again), under names its clean-up leaves alone; and Release
 * files past their Valid-Until accepted, as a frozen suite's are.
 */
const BUILD_APT_CONF = [
  'Dir::Cache::pkgcache "/var/cache/apt/pkgcache.cache";',
  'Dir::Cache::srcpkgcache "/var/cache/apt/srcpkgcache.cache";',
  'Acquire::Check-Valid-Until "false";',
  '',
].join('\n');

/** Runs `steps` in `root` in order; returns each step's layer, uncompressed. */
export async function runSteps(
  root: string,
  steps: readonly BuildStep[],
  options: StepOptions,
): Promise<Buffer[]> {
  await mkdir(join(options.aptDir, 'lists', 'partial'), { recursive: true });
  await mkdir(join(options.aptDir, 'cache', 'archives', 'partial'), { recursive: true });
  await writeFile(join(options.aptDir, 'cache', 'apt.conf'), BUILD_APT_CONF);
  const layers: Buffer[] = [];
  let before = await takeSnapshot(root, isOutsideLayers);
  for (const [index, step] of steps.entries()) {
    const t0 = performance.now();
    await runScript(root, step, options, index);
    const t1 = performance.now();
    const after = await takeSnapshot(root, isOutsideLayers);
    const diff = diffSnapshots(before, after);
    layers.push(writeTar(await readLayerEntries(root, diff, options.maxMtime)));
    before = after;
    if (process.env.STEP_TIMES)
      console.error(
        `step ${index + 1}: run ${((t1 - t0) / 1000).toFixed(1)} s, layer ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
  }
  return layers;
}

async function runScript(
  root: string,
  step: BuildStep,
  options: StepOptions,
  index: number,
): Promise<void> {
  const result = await runProcess(
    'unshare',
    ['--mount', '--propagation', 'private', '--fork', 'bash', CHROOT_STEP, root, step.script],
    {
      env: { STEP_APT: options.aptDir, STEP_INPUTS: step.inputs ?? '' },
      timeoutMs: 15 * 60_000,
    },
  );
  if (!result.failed) return;
  throw new HermeticError(
    'BUILD_FAILED',
    `${options.what}: build step ${index + 1} failed (${result.shortMessage}):\n${tailOf(result.all, 25)}`,
    {
      hint: "run `npm run hermetic` again; if it fails the same way, the step's script needs a fix.",
      cause: result,
    },
  );
}
