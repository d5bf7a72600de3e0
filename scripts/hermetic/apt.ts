import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { HermeticError } from './errors.ts';
import { runCommand, tailOutput } from './exec.ts';

/**
 * What hermetic needs from bookworm. A requirement naming commands is met by those
 * commands from any source; one without commands is met only by the package itself.
 * Docker Engine itself comes from trixie (engine.ts).
 */
export type Requirement = { package: string; commands: readonly string[] };

export const REQUIREMENTS: readonly Requirement[] = [
  { package: 'docker-registry', commands: ['docker-registry'] },
  { package: 'mmdebstrap', commands: ['mmdebstrap'] },
  { package: 'gcc', commands: ['gcc'] },
  { package: 'musl-tools', commands: ['musl-gcc'] },
  // Building busybox from Debian's source package (busybox-binary.ts).
  { package: 'make', commands: ['make'] },
  { package: 'libc6-dev', commands: [] },
  { package: 'dpkg-dev', commands: ['dpkg-source', 'dpkg-parsechangelog'] },
  { package: 'bzip2', commands: ['bzip2'] },
  { package: 'xz-utils', commands: ['xz'] },
];

export type InstallOutcome = { status: 'present' } | { status: 'installed'; packages: string[] };

/** Pure: the packages to install, given what is on PATH and what dpkg reports installed. */
export function selectMissingPackages(
  requirements: readonly Requirement[],
  hasCommand: (name: string) => boolean,
  installed: ReadonlySet<string>,
): string[] {
  return requirements
    .filter((req) =>
      req.commands.length > 0 ? !req.commands.every(hasCommand) : !installed.has(req.package),
    )
    .map((req) => req.package);
}

/** Pure: package names that `dpkg-query -W -f='${Package} ${db:Status-Status}\n'` reports installed. */
export function parseInstalledPackages(dpkgOutput: string): Set<string> {
  const installed = new Set<string>();
  for (const line of dpkgOutput.split('\n')) {
    const [name, status] = line.trim().split(/\s+/);
    if (name && status === 'installed') installed.add(name.replace(/:.*$/, ''));
  }
  return installed;
}

/** Installs missing requirements with apt-get: `apt-get update` once, then one install. */
export async function ensurePackages(
  requirements: readonly Requirement[] = REQUIREMENTS,
): Promise<InstallOutcome> {
  const dpkg = await runCommand('dpkg-query', [
    '-W',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a dpkg-query format, not a template
    '-f=${Package} ${db:Status-Status}\n',
    ...requirements.map((req) => req.package),
  ]);
  const missing = selectMissingPackages(
    requirements,
    hasCommand,
    parseInstalledPackages(dpkg.stdout),
  );
  if (missing.length === 0) return { status: 'present' };
  if (!hasCommand('apt-get')) {
    throw new HermeticError(
      'NO_APT',
      `missing ${missing.join(', ')} and apt-get is not available`,
      {
        hint: 'hermetic needs a Debian or Ubuntu machine; install those packages by hand.',
      },
    );
  }
  await withServicesHeldBack(() => installWithApt(missing));
  return { status: 'installed', packages: missing };
}

/**
 * `apt-get update`, then one `apt-get install` of package names or of .deb paths (a path
 * must contain a slash); the dependencies come from the machine's own sources.
 */
export async function installWithApt(
  packages: readonly string[],
  options: { withRecommends: boolean } = { withRecommends: true },
): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A failing third-party source makes `update` exit non-zero while Debian's lists are fine,
  // so only the install decides; its error names the update output too.
  const update = await runCommand('apt-get', ['update'], { env });
  const args = ['install', '-y', ...(options.withRecommends ? [] : ['--no-install-recommends'])];
  const install = await runCommand('apt-get', [...args, ...packages], { env });
  if (install.failed) {
    throw new HermeticError(
      'APT_FAILED',
      `apt-get install ${packages.join(' ')} failed:\n${tailOutput(install)}`,
      {
        hint: `run \`apt-get update && apt-get ${args.join(' ')} ${packages.join(' ')}\` by hand to see why${update.failed ? ` (apt-get update also failed:\n${tailOutput(update, 5)})` : ''}.`,
        cause: install,
      },
    );
  }
}

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Installing docker.io or docker-registry starts their services (systemd or init.d):
 * a daemon without our mirror, and a registry on port 5000 that the docs publish
 * themselves. Debian's policy-rc.d exit 101 ("action forbidden") prevents that.
 */
export async function withServicesHeldBack(action: () => Promise<void>): Promise<void> {
  if (existsSync(POLICY_RC_D)) return action();
  await writeFile(
    POLICY_RC_D,
    '#!/bin/sh\n# written by docker-fundamentals hermetic during apt-get install\nexit 101\n',
    {
      mode: 0o755,
    },
  );
  try {
    await action();
  } finally {
    await rm(POLICY_RC_D, { force: true });
  }
}

/** Looks a command up on PATH plus the sbin folders that root's PATH may lack. */
export function hasCommand(name: string): boolean {
  const { PATH = '' } = process.env;
  const dirs = [...PATH.split(delimiter), '/usr/sbin', '/sbin'];
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, name)));
}
