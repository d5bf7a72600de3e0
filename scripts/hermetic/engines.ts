// The engines hermetic provides, as data: which Debian package each binary of a leg's `bin`
// comes from. Engine 28.5 is forky's docker.io with its containerd, buildx and compose;
// Engine 26.1 is trixie's, with the buildx and compose of that release.
import type { DebRef } from './debs.ts';

export const ENGINE_IDS = ['28.5', '26.1'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** A file of a package that `bin/<name>` links to. */
export type BinLink = { name: string; from: DebRef; path: string };

/**
 * runc linked against a newer glibc than bookworm's (2.36) runs with that glibc's loader and
 * libraries, unpacked beside it: its ELF interpreter and rpath are rewritten with patchelf.
 */
export type Relink = { libraries: readonly { from: DebRef; path: string }[] };

export type EngineSpec = {
  id: EngineId;
  links: readonly BinLink[];
  runc: { from: DebRef; path: string; relink?: Relink };
};

const forky = (name: string): DebRef => ({ suite: 'forky', name });
const trixie = (name: string): DebRef => ({ suite: 'trixie', name });
const bookworm = (name: string): DebRef => ({ suite: 'bookworm', name });

/** The binaries of an engine's `bin`, from that engine's packages. */
function engineLinks(pkg: (name: string) => DebRef, init: DebRef): BinLink[] {
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

const MULTIARCH = 'usr/lib/x86_64-linux-gnu';

export const ENGINES: Record<EngineId, EngineSpec> = {
  '28.5': {
    id: '28.5',
    links: engineLinks(forky, forky('tini-static')),
    // Engine 28 ships with runc 1.3, whose error texts differ from 1.1's; forky's needs
    // glibc 2.38, so it runs with forky's libc6 beside it.
    runc: {
      from: forky('runc'),
      path: 'usr/sbin/runc',
      relink: {
        libraries: [
          { from: forky('libc6'), path: `${MULTIARCH}/ld-linux-x86-64.so.2` },
          { from: forky('libc6'), path: `${MULTIARCH}/libc.so.6` },
          { from: forky('libseccomp2'), path: `${MULTIARCH}/libseccomp.so.2` },
        ],
      },
    },
  },
  '26.1': {
    id: '26.1',
    // trixie's tini package carries tini-static, which needs no glibc.
    links: engineLinks(trixie, trixie('tini')),
    // trixie's runc (1.1.15) needs glibc 2.38; bookworm's 1.1.5 is the same 1.1 series.
    runc: { from: bookworm('runc'), path: 'usr/sbin/runc' },
  },
};

/** Pure: every package an engine needs, once each. */
export function listEnginePackages(spec: EngineSpec): DebRef[] {
  const refs = [
    ...spec.links.map((link) => link.from),
    spec.runc.from,
    ...(spec.runc.relink?.libraries.map((library) => library.from) ?? []),
  ];
  const seen = new Map<string, DebRef>();
  for (const ref of refs) seen.set(`${ref.suite}/${ref.name}`, ref);
  return [...seen.values()];
}

/** Pure: `forky-docker.io`, the folder a package is unpacked into. */
export function packageFolderOf(ref: DebRef): string {
  return `${ref.suite}-${ref.name}`;
}

/** Pure: the upstream version in a `--version` line, without Debian's suffixes. */
export function parseVersion(text: string): string | undefined {
  return /(?:^|[\s v])(\d+\.\d+\.\d+)(?=[^\d.]|$)/m.exec(text)?.[1];
}
