// A trixie root with the compilers, in the cache, entered with chroot: hello-world and
// busybox are compiled there, so the machine gets no compiler, make or musl installed.
// mmdebstrap itself runs from bookworm's .deb unpacked in the cache.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { type ProcessResult, runProcess, tailOf } from '../../lib/system/run-process.ts';
import type { HermeticPaths } from '../plumbing/config.ts';
import type { DebCache } from '../plumbing/debs.ts';
import { HermeticError } from '../plumbing/errors.ts';
import { ensureTool } from '../plumbing/tools.ts';

/** What the builds need: gcc and musl for the binaries, tzdata for busybox's /etc/localtime. */
export const BUILD_ROOT_PACKAGES = [
  'gcc',
  'make',
  'libc6-dev',
  'musl-tools',
  'bzip2',
  'patch',
  'tzdata',
] as const;

export const BUILD_ROOT_SUITE = 'trixie';

const DEBIAN_MIRROR = 'http://deb.debian.org/debian';

/** Runs bookworm's mmdebstrap from the cache with `args`. */
export async function runMmdebstrap(
  paths: HermeticPaths,
  debs: DebCache,
  args: readonly string[],
): Promise<ProcessResult> {
  const tool = await ensureTool(paths, debs, 'mmdebstrap');
  const hooks = join(tool, 'usr', 'share', 'mmdebstrap', 'hooks');
  const env = {
    ...process.env,
    PATH: [join(tool, 'usr', 'bin'), process.env['PATH'] ?? '', '/usr/sbin', '/sbin'].join(
      delimiter,
    ),
  };
  const expanded = args.map((arg) => arg.replaceAll('@HOOKS@', hooks));
  return runProcess('perl', [join(tool, 'usr', 'bin', 'mmdebstrap'), ...expanded], { env });
}

/** The build root, bootstrapped once (about 30 s) and kept while its package list holds. */
export async function ensureBuildRoot(paths: HermeticPaths, debs: DebCache): Promise<string> {
  const marker = join(paths.buildRoot, '.hermetic-build-root');
  const record = `${BUILD_ROOT_SUITE} ${BUILD_ROOT_PACKAGES.join(',')}\n`;
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === record) return paths.buildRoot;
  await rm(paths.buildRoot, { recursive: true, force: true });
  const result = await runMmdebstrap(paths, debs, [
    '--variant=apt',
    `--include=${BUILD_ROOT_PACKAGES.join(',')}`,
    '--hook-dir=@HOOKS@/merged-usr',
    BUILD_ROOT_SUITE,
    paths.buildRoot,
    DEBIAN_MIRROR,
  ]);
  requireBuildStep('build root', 'mmdebstrap', result);
  await writeFile(marker, record);
  return paths.buildRoot;
}

/** Runs a shell script inside the build root; paths in it are the root's own. */
export async function runInBuildRoot(
  paths: HermeticPaths,
  script: string,
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return runProcess('chroot', [paths.buildRoot, '/bin/sh', '-eu', '-c', script], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C.UTF-8', ...env },
  });
}

/** Turns a failed build step into the error that names the image and shows the output. */
export function requireBuildStep(what: string, step: string, result: ProcessResult): void {
  if (!result.failed) return;
  throw new HermeticError('BUILD_FAILED', `${what}: ${step} failed:\n${tailOf(result.all, 25)}`, {
    hint: `run \`${result.command.slice(0, 300)}\` by hand to see the whole output.`,
    cause: result,
  });
}
