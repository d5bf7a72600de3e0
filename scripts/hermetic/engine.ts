// Docker Engine for the docs: bookworm's docker.io is Engine 20.10 without buildx, so
// `docker build` falls back to the legacy builder and prints its deprecation notice.
// Trixie's docker.io (Engine 26) and docker-buildx install on bookworm with bookworm's
// containerd, runc and tini; the machine's own docker CLI stays first on PATH.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { installWithApt, withServicesHeldBack } from './apt.ts';
import type { HermeticPaths } from './config.ts';
import { HermeticError } from './errors.ts';
import { runCommand } from './exec.ts';
import { downloadPackages, type PrivateApt, updatePrivateApt } from './private-apt.ts';

/** The oldest Engine whose behaviour the docs show. */
export const MIN_ENGINE_MAJOR = 26;

/** The suite whose docker.io and docker-buildx packages hermetic installs. */
const ENGINE_SUITE = 'trixie';

export type EngineState = {
  /** `dockerd --version`'s version, e.g. `26.1.5+dfsg1`; undefined without dockerd. */
  dockerd: string | undefined;
  hasBuildx: boolean;
  hasCli: boolean;
  /** Docker CE's own packages, which docker.io conflicts with. */
  hasDockerCe: boolean;
};

export type EngineOutcome =
  | { status: 'present'; version: string }
  | { status: 'installed'; version: string; packages: string[] };

/** Pure: the version in `Docker version 26.1.5+dfsg1, build 411e817`. */
export function parseDockerVersion(text: string): string | undefined {
  return /^Docker version ([^,\s]+)/.exec(text.trim())?.[1];
}

/** Pure: the major version of an Engine version such as `26.1.5+dfsg1`; NaN if none. */
export function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

/** Pure: trixie packages to install; the CLI only where no docker command is on PATH. */
export function selectEnginePackages(state: EngineState): string[] {
  const isEngineCurrent = state.dockerd !== undefined && majorOf(state.dockerd) >= MIN_ENGINE_MAJOR;
  return [
    ...(isEngineCurrent ? [] : ['docker.io']),
    ...(state.hasBuildx ? [] : ['docker-buildx']),
    ...(state.hasCli ? [] : ['docker-cli']),
  ];
}

/** Pure: the cached .deb of each package (hermetic downloads one), or undefined if none. */
export function pickDebFiles(
  packages: readonly string[],
  files: readonly string[],
): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const name of packages) {
    picked[name] = files
      .filter((file) => file.startsWith(`${name}_`) && file.endsWith('.deb'))
      .sort()
      .at(-1);
  }
  return picked;
}

/** dockerd is in sbin, which a non-login root shell may leave off PATH. */
const sbinEnv = () => ({ ...process.env, PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/sbin` });

/** The installed dockerd's version, or undefined when there is none. */
export async function readDockerdVersion(): Promise<string | undefined> {
  const result = await runCommand('dockerd', ['--version'], { env: sbinEnv() });
  return result.failed ? undefined : parseDockerVersion(result.stdout);
}

async function readEngineState(): Promise<EngineState> {
  const buildx = await runCommand('docker', ['buildx', 'version']);
  const cli = await runCommand('docker', ['--version']);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a dpkg-query format, not a template
  const dockerCe = await runCommand('dpkg-query', ['-W', '-f=${db:Status-Status}', 'docker-ce']);
  return {
    dockerd: await readDockerdVersion(),
    hasBuildx: !buildx.failed,
    hasCli: !cli.failed,
    hasDockerCe: dockerCe.stdout.trim() === 'installed',
  };
}

/**
 * Installs what `selectEnginePackages` asks for from the .debs kept in the cache,
 * downloading them first when the cache lacks one. A running dockerd keeps its old
 * binary until it restarts (ensureDaemon restarts the one hermetic owns).
 */
export async function ensureEngine(paths: HermeticPaths): Promise<EngineOutcome> {
  const state = await readEngineState();
  const packages = selectEnginePackages(state);
  if (packages.length === 0 && state.dockerd) return { status: 'present', version: state.dockerd };
  if (packages.includes('docker.io') && state.hasDockerCe) {
    throw new HermeticError(
      'ENGINE_CONFLICT',
      `Docker CE's dockerd ${state.dockerd ?? ''} is older than Engine ${MIN_ENGINE_MAJOR}`,
      {
        hint: `upgrade Docker CE to ${MIN_ENGINE_MAJOR} or later (docker.io would replace it), then run \`npm run hermetic\` again.`,
      },
    );
  }
  const debs = await fetchDebs(paths, packages);
  await withServicesHeldBack(() => installWithApt(debs, { withRecommends: false }));
  const after = await readEngineState();
  const stillMissing = selectEnginePackages(after);
  if (stillMissing.length > 0 || !after.dockerd) {
    throw new HermeticError(
      'ENGINE_CONFLICT',
      `installed ${packages.join(', ')}, but still missing ${stillMissing.join(', ')}`,
      {
        hint: 'check `which -a docker dockerd` and `docker buildx version`: another Docker may come first on PATH.',
      },
    );
  }
  return { status: 'installed', version: after.dockerd, packages };
}

/** The .deb paths for `packages`, downloaded from trixie only when not cached yet. */
async function fetchDebs(paths: HermeticPaths, packages: readonly string[]): Promise<string[]> {
  let picked = pickDebFiles(packages, await readdir(paths.debsDir).catch(() => []));
  const missing = packages.filter((name) => picked[name] === undefined);
  if (missing.length > 0) {
    const apt: PrivateApt = {
      dir: join(paths.aptDir, ENGINE_SUITE),
      kind: 'deb',
      suite: ENGINE_SUITE,
    };
    await updatePrivateApt(apt);
    picked = pickDebFiles(packages, await downloadPackages(apt, missing, paths.debsDir));
  }
  return packages.map((name) => {
    const file = picked[name];
    if (file === undefined) {
      throw new HermeticError('APT_FAILED', `apt-get download ${name} left no ${name}_*.deb`, {
        hint: `look into ${paths.debsDir}, then run \`npm run hermetic\` again.`,
      });
    }
    return join(paths.debsDir, file);
  });
}
