/**
 * Which objects on the user's daemon are the page's: the containers, volumes and networks
 * its requests created (as the guard saw them pass; another program creating objects on the
 * same daemon meanwhile makes none of them the page's), and the images that were not there
 * when the page started (a pull or a build makes them, not a request of their own). What the
 * page's listings show is cut down to those, plus the daemon's own networks and the images
 * the page asked for by name (a pull of an image the user has, an image a container of the
 * page runs). Pure, apart from the records the guard adds to as requests pass.
 */
import type { DockerSnapshot } from '../plan-cleanup.ts';

export interface PageScope {
  before: DockerSnapshot;
  /** When the page started, in ms since the epoch: build cache made since is the page's. */
  startedAt: number;
  /** What the page's requests created: container and network IDs, volume names. */
  created: { containers: Set<string>; volumes: Set<string>; networks: Set<string> };
  /** Image references the page named (`busybox`, `busybox:latest`, an ID). */
  namedImages: Set<string>;
}

/** The networks every daemon has, which a fresh machine lists too. */
export const predefinedNetworks = new Set(['bridge', 'host', 'none']);

export function createPageScope(before: DockerSnapshot, startedAt = Date.now()): PageScope {
  const created = {
    containers: new Set<string>(),
    volumes: new Set<string>(),
    networks: new Set<string>(),
  };
  return { before, startedAt, created, namedImages: new Set() };
}

/** `busybox` and `docker.io/library/busybox:latest` are the same image. */
export function normalizeImageName(name: string): string {
  if (/^(sha256:)?[0-9a-f]{12,64}$/.test(name)) return name.replace(/^sha256:/, '');
  let reference = name.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (reference.includes('@')) return reference;
  const lastPart = reference.slice(reference.lastIndexOf('/') + 1);
  if (!lastPart.includes(':')) reference = `${reference}:latest`;
  return reference;
}

export function isPageContainer(scope: PageScope, id: string): boolean {
  return scope.created.containers.has(id);
}

export function isPageVolume(scope: PageScope, name: string): boolean {
  return scope.created.volumes.has(name);
}

export function isPageNetwork(scope: PageScope, id: string): boolean {
  return scope.created.networks.has(id);
}

/** Whether the image was not there when the page started. */
export function isNewImage(scope: PageScope, id: string): boolean {
  return !scope.before.images.some((image) => image.id === id);
}

/** Whether the page named the image, by one of its tags or by its ID. */
export function isNamedImage(scope: PageScope, id: string, tags: readonly string[]): boolean {
  const named = scope.namedImages;
  const bareId = id.replace(/^sha256:/, '');
  if ([...named].some((name) => /^[0-9a-f]{12,64}$/.test(name) && bareId.startsWith(name)))
    return true;
  return tags.some((tag) => named.has(normalizeImageName(tag)));
}

/**
 * The page's images: the new ones. Unlike containers they cannot be told by the request that
 * made them (BuildKit names its images inside its own session), so an image another program
 * makes on the same daemon while the page runs counts as the page's: host mode runs one page
 * at a time, and expects no one else to build or pull meanwhile.
 */
export function isPageImage(scope: PageScope, id: string): boolean {
  return isNewImage(scope, id);
}

/** A page image, or one the user had that the page asked for by name or ID. */
export function isShownImage(scope: PageScope, id: string, tags: readonly string[]): boolean {
  return isPageImage(scope, id) || isNamedImage(scope, id, tags);
}

type Entry = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);
const tagsOf = (image: Entry) => list(image['RepoTags']).map(text);

export function scopeContainers(scope: PageScope, body: unknown): Entry[] {
  return list(body).filter((container) => isPageContainer(scope, text(container['Id'])));
}

export function scopeImages(scope: PageScope, body: unknown): Entry[] {
  return list(body).filter((image) => isShownImage(scope, text(image['Id']), tagsOf(image)));
}

export function scopeNetworks(scope: PageScope, body: unknown): Entry[] {
  return list(body).filter(
    (network) =>
      predefinedNetworks.has(text(network['Name'])) || isPageNetwork(scope, text(network['Id'])),
  );
}

export function scopeVolumes(scope: PageScope, body: unknown): Entry {
  const answer = (body ?? {}) as Entry;
  const volumes = list(answer['Volumes']).filter((volume) =>
    isPageVolume(scope, text(volume['Name'])),
  );
  return { ...answer, Volumes: volumes };
}

/** Build cache records made while the page ran. */
export function isPageCache(scope: PageScope, record: Entry): boolean {
  const created = Date.parse(text(record['CreatedAt']));
  return Number.isFinite(created) && created >= scope.startedAt - 1000;
}

/** `docker system df`: each section cut down to the page's. */
export function scopeDiskUsage(scope: PageScope, body: unknown): Entry {
  const answer = (body ?? {}) as Entry;
  return {
    ...answer,
    Images: answer['Images'] === null ? null : scopeImages(scope, answer['Images']),
    Containers: answer['Containers'] === null ? null : scopeContainers(scope, answer['Containers']),
    Volumes:
      answer['Volumes'] === null
        ? null
        : scopeVolumes(scope, { Volumes: answer['Volumes'] })['Volumes'],
    BuildCache:
      answer['BuildCache'] === null
        ? null
        : list(answer['BuildCache']).filter((record) => isPageCache(scope, record)),
  };
}

/** `docker info`: the counts of containers and images as the page's listings show them. */
export function scopeInfo(info: unknown, containers: Entry[], images: Entry[]): Entry {
  const state = (wanted: string) => containers.filter((c) => text(c['State']) === wanted).length;
  const running = state('running');
  const paused = state('paused');
  return {
    ...((info ?? {}) as Entry),
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: containers.length - running - paused,
    Images: images.length,
  };
}
