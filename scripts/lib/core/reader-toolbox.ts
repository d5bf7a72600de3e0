/**
 * The reader's machine: a small Debian root in which every page's shell and daemon run (see
 * run/engine/machine/). This module is its one recipe, shared by whoever builds the root (the
 * verifier itself, or hermetic in its cache): the Debian suite, the packages, and the tools a
 * reader is assumed to have, each with the commands it puts on PATH, so that a page may hide
 * the tools its reader has not installed yet. Pure.
 */
import { createHash } from 'node:crypto';

/** The Debian release the machine is made of (docker's own `debian` images use it too). */
export const machineSuite = 'bookworm';

/** A tool of the reader's toolbox: a Debian package and the commands it installs. */
export interface Tool {
  name: string;
  package: string;
  /** Commands on PATH, as `/usr/bin/NAME` (or /usr/sbin, /bin, /sbin): what hiding removes. */
  commands: readonly string[];
}

/**
 * What a reader following Docker documentation has besides a shell and coreutils (Debian's
 * essential packages: bash, coreutils, grep, sed, tar, gzip, findutils, util-linux...).
 */
export const toolbox: readonly Tool[] = [
  { name: 'curl', package: 'curl', commands: ['curl'] },
  { name: 'wget', package: 'wget', commands: ['wget'] },
  { name: 'jq', package: 'jq', commands: ['jq'] },
  { name: 'git', package: 'git', commands: ['git'] },
  {
    name: 'procps',
    package: 'procps',
    commands: ['ps', 'pgrep', 'pkill', 'top', 'free', 'uptime', 'watch', 'vmstat', 'pidof'],
  },
  { name: 'psmisc', package: 'psmisc', commands: ['killall', 'pstree', 'fuser'] },
  { name: 'iproute2', package: 'iproute2', commands: ['ip', 'ss', 'bridge'] },
  { name: 'ping', package: 'iputils-ping', commands: ['ping'] },
  { name: 'nano', package: 'nano', commands: ['nano'] },
  { name: 'less', package: 'less', commands: ['less'] },
  { name: 'tree', package: 'tree', commands: ['tree'] },
  { name: 'file', package: 'file', commands: ['file'] },
  { name: 'xz', package: 'xz-utils', commands: ['xz', 'unxz', 'xzcat'] },
  { name: 'unzip', package: 'unzip', commands: ['unzip'] },
];

/**
 * Packages the machine needs for itself rather than for the reader: dockerd's iptables and
 * the libraries Debian's and Docker's engines link (libsystemd, libseccomp), and the
 * certificates `curl https://` trusts.
 */
export const machinePackages = [
  'iptables',
  'ca-certificates',
  'libsystemd0',
  'libseccomp2',
] as const;

/** Every package the root holds beyond Debian's essential ones, sorted. */
export function listMachinePackages(): string[] {
  return [...new Set([...machinePackages, ...toolbox.map((tool) => tool.package)])].sort();
}

/** mmdebstrap's arguments for the recipe, into `target`; hermetic passes the same. */
export function describeMmdebstrapArgs(target: string): string[] {
  return [
    '--variant=minbase',
    `--include=${listMachinePackages().join(',')}`,
    '--dpkgopt=path-exclude=/usr/share/man/*',
    '--dpkgopt=path-exclude=/usr/share/doc/*',
    '--dpkgopt=path-exclude=/usr/share/locale/*',
    machineSuite,
    target,
  ];
}

/** Bumped when the way the root is made changes without its package list changing. */
const recipeFormat = 2;

/** Names a built root: equal recipes share it, a changed recipe never reuses an old one. */
export function hashMachineRecipe(): string {
  const recipe = JSON.stringify({
    format: recipeFormat,
    suite: machineSuite,
    packages: listMachinePackages(),
  });
  return createHash('sha256').update(recipe).digest('hex').slice(0, 16);
}

/** The commands of the tools not named in `visible`: what a page that restricts them hides. */
export function listHiddenCommands(visible: readonly string[]): string[] {
  return toolbox.filter((tool) => !visible.includes(tool.name)).flatMap((tool) => tool.commands);
}
