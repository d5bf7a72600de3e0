// Engines made of Debian's packages: which package and file each binary of a leg's `bin`
// comes from. Pure data and the helpers that read it; engine-bin.ts assembles them.
import type { ComponentOrigin, LegComponent } from '../../lib/core/legs.ts';
import type { DebRef } from '../plumbing/debs.ts';

/** A file of a package that `bin/<name>` links to. */
export type BinLink = { name: string; from: DebRef; path: string };

/**
 * runc linked against a newer glibc than bookworm's (2.36) runs with that glibc's loader and
 * libraries, unpacked beside it: its ELF interpreter and rpath are rewritten with patchelf.
 */
export type Relink = { libraries: readonly { from: DebRef; path: string }[] };

export type DebianSource = {
  kind: 'debian';
  links: readonly BinLink[];
  runc: { from: DebRef; path: string; relink?: Relink };
};

export const forky = (name: string): DebRef => ({ suite: 'forky', name });
export const trixie = (name: string): DebRef => ({ suite: 'trixie', name });
export const bookworm = (name: string): DebRef => ({ suite: 'bookworm', name });

/** The binaries of an engine's `bin`, from one suite's packages of that engine. */
export function debianLinks(pkg: (name: string) => DebRef, init: DebRef): BinLink[] {
  return [
    { name: 'dockerd', from: pkg('docker.io'), path: 'usr/sbin/dockerd' },
    { name: 'docker-proxy', from: pkg('docker.io'), path: 'usr/sbin/docker-proxy' },
    { name: 'docker', from: pkg('docker-cli'), path: 'usr/bin/docker' },
    { name: 'containerd', from: pkg('containerd'), path: 'usr/bin/containerd' },
    {
      name: 'containerd-shim-runc-v2',
      from: pkg('containerd'),
      path: 'usr/bin/containerd-shim-runc-v2',
    },
    { name: 'docker-init', from: init, path: 'usr/bin/tini-static' },
    {
      name: 'cli-plugins/docker-buildx',
      from: pkg('docker-buildx'),
      path: 'usr/libexec/docker/cli-plugins/docker-buildx',
    },
    {
      name: 'cli-plugins/docker-compose',
      from: pkg('docker-compose'),
      path: 'usr/libexec/docker/cli-plugins/docker-compose',
    },
  ];
}

/** Pure: every package an engine needs, once each. */
export function listEnginePackages(source: DebianSource): DebRef[] {
  const refs = [
    ...source.links.map((link) => link.from),
    source.runc.from,
    ...(source.runc.relink?.libraries.map((library) => library.from) ?? []),
  ];
  const seen = new Map<string, DebRef>();
  for (const ref of refs) seen.set(`${ref.suite}/${ref.name}`, ref);
  return [...seen.values()];
}

/** Pure: `forky-docker.io`, the folder a package is unpacked into. */
export function packageFolderOf(ref: DebRef): string {
  return `${ref.suite}-${ref.name}`;
}

/** The link of `bin` each component of legs.json is named after (runc has its own field). */
export const COMPONENT_LINKS: Record<Exclude<LegComponent, 'runc'>, string> = {
  docker: 'dockerd',
  containerd: 'containerd',
  buildx: 'cli-plugins/docker-buildx',
  compose: 'cli-plugins/docker-compose',
  init: 'docker-init',
};

/**
 * Pure: where each component came from, given the Debian version of every package used
 * (keyed `suite/name`); a package whose version is unknown leaves its component out.
 */
export function listDebianOrigins(
  source: DebianSource,
  versions: Readonly<Record<string, string>>,
): Partial<Record<LegComponent, ComponentOrigin>> {
  const originOf = (ref: DebRef): ComponentOrigin | undefined => {
    const version = versions[`${ref.suite}/${ref.name}`];
    return version ? { kind: 'debian', suite: ref.suite, package: ref.name, version } : undefined;
  };
  const origins: Partial<Record<LegComponent, ComponentOrigin>> = {};
  const runc = originOf(source.runc.from);
  if (runc) origins.runc = runc;
  for (const [component, name] of Object.entries(COMPONENT_LINKS)) {
    const link = source.links.find((candidate) => candidate.name === name);
    const origin = link && originOf(link.from);
    if (origin) origins[component as LegComponent] = origin;
  }
  return origins;
}
