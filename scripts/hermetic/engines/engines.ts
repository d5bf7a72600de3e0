// The engines hermetic provides, as data keyed by id: the image stores each gives a leg
// with, and where its binaries come from (a source, tagged by `kind`, that one builder of
// ensure-engine.ts assembles). Adding a leg is one store in an entry; adding an engine, from
// any source, is one entry.
import { type ImageStore, nameLeg, type ProvidedLeg } from '../../lib/core/legs.ts';
import { bookworm, type DebianSource, debianLinks, forky, trixie } from './debian-source.ts';
import { BUILDX, CLI, CONTAINERD, MOBY, RUNC } from './source/components.ts';
import type { UpstreamSource } from './upstream-source.ts';

/**
 * Where an engine's binaries come from, by kind; each kind has one builder module
 * (BUILDERS in ensure-engine.ts, which fails to compile while a kind lacks one).
 */
export type EngineSources = { debian: DebianSource; upstream: UpstreamSource };
export type EngineSourceKind = keyof EngineSources;
export type EngineSource = EngineSources[EngineSourceKind];

export type EngineEntry = {
  /** The image stores the engine gives a leg with: one leg `<id>/<store>` each. */
  stores: readonly ImageStore[];
  source: EngineSource;
};

const MULTIARCH = 'usr/lib/x86_64-linux-gnu';

export const ENGINES = {
  // Engine 29.7, what readers install today: Docker's own release built from its tag
  // archives, with the containerd and runc it ships with; Compose 2.40.3 and tini from forky
  // (Compose 5 vendors nothing, so it cannot be built offline).
  '29.7': {
    stores: ['containerd', 'overlay2'],
    source: {
      kind: 'upstream',
      components: [MOBY, CLI, CONTAINERD, RUNC, BUILDX],
      links: [
        { name: 'docker-init', from: forky('tini-static'), path: 'usr/bin/tini-static' },
        {
          name: 'cli-plugins/docker-compose',
          from: forky('docker-compose'),
          path: 'usr/libexec/docker/cli-plugins/docker-compose',
        },
      ],
    },
  },
  // Engine 28.5 is forky's docker.io with its containerd, buildx and compose.
  '28.5': {
    stores: ['containerd', 'overlay2'],
    source: {
      kind: 'debian',
      links: debianLinks(forky, forky('tini-static')),
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
  },
  // Engine 26.1 is trixie's, with the buildx and compose of that release.
  '26.1': {
    stores: ['overlay2'],
    source: {
      kind: 'debian',
      // trixie's tini package carries tini-static, which needs no glibc.
      links: debianLinks(trixie, trixie('tini')),
      // trixie's runc (1.1.15) needs glibc 2.38; bookworm's 1.1.5 is the same 1.1 series.
      runc: { from: bookworm('runc'), path: 'usr/sbin/runc' },
    },
  },
} as const satisfies Record<string, EngineEntry>;

export type EngineId = keyof typeof ENGINES;

/** Every engine, in the order of ENGINES (legs.json lists their legs in this order). */
export const ENGINE_IDS = Object.keys(ENGINES) as EngineId[];

/**
 * The engine of hermetic's dockerd for `--docker host`: what a reader runs today, with the
 * classic store of a host upgraded from Engine 28 (host-daemon.ts turns the containerd store off).
 */
export const HOST_ENGINE: EngineId = '29.7';

/** The leg client/env.sh points a shell at (client-env.ts). */
export const CLIENT_LEG = nameLeg(HOST_ENGINE, 'overlay2');

/** Pure: the names an engine's source puts in bin/ (its iptables wrappers aside). */
export function listBinNames(source: EngineSource): string[] {
  const built =
    source.kind === 'upstream'
      ? source.components.flatMap((component) => component.binaries.map((binary) => binary.name))
      : ['runc'];
  return [...built, ...source.links.map((link) => link.name)].sort();
}

/** An engine whose bin/ is in the cache: what its legs in legs.json say of it. */
export type AssembledEngine = { id: EngineId } & Pick<ProvidedLeg, 'bin' | 'versions' | 'origins'>;

/** Pure: the legs of assembled engines, one per store of each, in the order given. */
export function listLegs(engines: readonly AssembledEngine[]): ProvidedLeg[] {
  return engines.flatMap((engine) =>
    ENGINES[engine.id].stores.map((store) => ({
      name: nameLeg(engine.id, store),
      engine: engine.id,
      store,
      bin: engine.bin,
      versions: engine.versions,
      ...(engine.origins ? { origins: engine.origins } : {}),
    })),
  );
}
