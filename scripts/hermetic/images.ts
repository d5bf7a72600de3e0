import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBusyboxBuild } from './busybox-binary.ts';
import { type HermeticPaths, MIRROR_REPOSITORY_PREFIX } from './config.ts';
import { HermeticError } from './errors.ts';
import { readPackageVersions } from './host.ts';
import { prepareBusybox } from './prepare/busybox.ts';
import type { PrepareInput } from './prepare/context.ts';
import { prepareDebian } from './prepare/debian.ts';
import { prepareHelloWorld } from './prepare/hello-world.ts';
import { prepareRegistry } from './prepare/registry.ts';

/** The images the mirror serves, in build order: registry is built FROM debian. */
export const IMAGE_NAMES = ['hello-world', 'busybox', 'debian', 'registry'] as const;

export type ImageName = (typeof IMAGE_NAMES)[number];

export type ImageSpec = {
  name: ImageName;
  tag: string;
  /** Versions of what ends up in the image (Debian packages, builds in the cache), for its stamp. */
  readVersions: (paths: HermeticPaths) => Promise<Record<string, string>>;
  /** The image this one is built FROM, passed as the BASE build argument. */
  base?: ImageName;
  /** The module that fills the build context; its source is part of the stamp. */
  recipe: string;
  prepare: (input: PrepareInput) => Promise<void>;
};

const here = dirname(fileURLToPath(import.meta.url));
const recipe = (name: ImageName) => join(here, 'prepare', `${name}.ts`);

export const IMAGES: Record<ImageName, ImageSpec> = {
  'hello-world': {
    name: 'hello-world',
    tag: 'latest',
    readVersions: () => readPackageVersions(['gcc', 'musl-tools', 'musl-dev']),
    recipe: recipe('hello-world'),
    prepare: prepareHelloWorld,
  },
  busybox: {
    name: 'busybox',
    tag: 'latest',
    readVersions: readBusyboxVersions,
    recipe: recipe('busybox'),
    prepare: prepareBusybox,
  },
  debian: {
    name: 'debian',
    tag: 'bookworm-slim',
    readVersions: () => readPackageVersions(['mmdebstrap']),
    recipe: recipe('debian'),
    prepare: prepareDebian,
  },
  registry: {
    name: 'registry',
    tag: '2',
    readVersions: () => readPackageVersions(['docker-registry']),
    base: 'debian',
    recipe: recipe('registry'),
    prepare: prepareRegistry,
  },
};

/** The Debian source version and hash of the busybox binary that ensureBusyboxBinary cached. */
async function readBusyboxVersions(paths: HermeticPaths): Promise<Record<string, string>> {
  const build = await readBusyboxBuild(paths);
  if (!build) {
    throw new HermeticError('BUILD_FAILED', `busybox: no binary in ${paths.busyboxDir}`, {
      hint: 'hermetic builds it before the images; run `npm run hermetic` again.',
    });
  }
  return { 'source:busybox': build.sourceVersion, 'sha256:busybox': build.sha256 };
}

/** Where an image's Dockerfile and other sources live. */
export function sourceDirOf(name: ImageName): string {
  return join(here, 'images', name);
}

/** Pure: `library/busybox`, the repository Docker Hub (and so the mirror) serves it under. */
export function repositoryOf(spec: ImageSpec): string {
  return `library/${spec.name}`;
}

/** Pure: the local tag pushed to the mirror, e.g. `127.0.0.1:5555/library/busybox:latest`. */
export function mirrorReferenceOf(spec: ImageSpec): string {
  return `${MIRROR_REPOSITORY_PREFIX}/${spec.name}:${spec.tag}`;
}
