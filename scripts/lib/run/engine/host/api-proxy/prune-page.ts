/**
 * Prunes as Docker does, but only among the page's own objects: stopped containers, unused
 * images (dangling ones unless `dangling=false`), unused volumes (anonymous ones unless
 * `all=true`), unused networks, build cache made while the page ran. Each object is removed
 * one by one through the daemon, and the answer has the shape of the daemon's own, so
 * `docker system prune` prints what it would have printed on a fresh machine.
 */
import { callDaemon, readDaemon } from './call-daemon.ts';
import type { DaemonAddress } from './daemon-address.ts';
import {
  isNewImage,
  isPageCache,
  isPageContainer,
  isPageImage,
  isPageNetwork,
  isPageVolume,
  type PageScope,
  predefinedNetworks,
} from './page-scope.ts';
import { matchesFilters, type PruneFilters } from './prune-filters.ts';

type Entry = Record<string, unknown>;
type PruneKind = 'containers' | 'images' | 'volumes' | 'networks' | 'build';
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const labelsOf = (entry: Entry) => (entry['Labels'] ?? null) as Record<string, string> | null;
const seconds = (value: unknown) =>
  typeof value === 'number' ? value * 1000 : Date.parse(text(value));

export async function prunePage(
  what: PruneKind,
  filters: PruneFilters,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<Entry> {
  const pruners: Record<PruneKind, () => Promise<Entry>> = {
    containers: () => pruneContainers(filters, scope, daemon),
    images: () => pruneImages(filters, scope, daemon),
    volumes: () => pruneVolumes(filters, scope, daemon),
    networks: () => pruneNetworks(filters, scope, daemon),
    build: () => pruneBuildCache(scope, daemon),
  };
  return pruners[what]();
}

async function pruneContainers(filters: PruneFilters, scope: PageScope, daemon: DaemonAddress) {
  const containers = list(await readDaemon(daemon, '/containers/json?all=1&size=1')).filter(
    (c) =>
      isPageContainer(scope, text(c['Id'])) &&
      ['created', 'exited', 'dead'].includes(text(c['State'])) &&
      matchesFilters(filters, labelsOf(c), seconds(c['Created'])),
  );
  const deleted: string[] = [];
  let space = 0;
  for (const container of containers) {
    const id = text(container['Id']);
    if ((await callDaemon(daemon, 'DELETE', `/containers/${id}`)).status !== 204) continue;
    deleted.push(id);
    space += Number(container['SizeRw'] ?? 0);
  }
  return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}

async function pruneImages(filters: PruneFilters, scope: PageScope, daemon: DaemonAddress) {
  const isDanglingOnly = filters.dangling !== false;
  const used = new Set(
    list(await readDaemon(daemon, '/containers/json?all=1')).map((c) => text(c['ImageID'])),
  );
  const images = list(await readDaemon(daemon, '/images/json')).filter((image) => {
    const tags = list(image['RepoTags'])
      .map(text)
      .filter((tag) => tag !== '<none>:<none>');
    return (
      isPageImage(scope, text(image['Id'])) &&
      !used.has(text(image['Id'])) &&
      (!isDanglingOnly || tags.length === 0) &&
      matchesFilters(filters, labelsOf(image), seconds(image['Created']))
    );
  });
  const deleted: Entry[] = [];
  let space = 0;
  for (const image of images) {
    const id = text(image['Id']);
    // Untagged parents go with an image, unless one of them was the user's.
    const noPrune = (await hasUserAncestor(id, scope, daemon)) ? 1 : 0;
    const tags = list(image['RepoTags'])
      .map(text)
      .filter((tag) => tag !== '<none>:<none>');
    let isGone = false;
    for (const name of [...tags, id]) {
      const answer = await callDaemon(daemon, 'DELETE', `/images/${name}?noprune=${noPrune}`);
      if (answer.status !== 200) continue;
      deleted.push(...list(answer.body));
      isGone ||= list(answer.body).some((entry) => text(entry['Deleted']) === id);
      if (isGone) break;
    }
    if (isGone) space += Number(image['Size'] ?? 0);
  }
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}

async function hasUserAncestor(id: string, scope: PageScope, daemon: DaemonAddress) {
  let parent = text(((await readDaemon(daemon, `/images/${id}/json`)) as Entry)['Parent']);
  while (parent) {
    if (!isNewImage(scope, parent)) return true;
    parent = text(((await readDaemon(daemon, `/images/${parent}/json`)) as Entry)['Parent']);
  }
  return false;
}

async function pruneVolumes(filters: PruneFilters, scope: PageScope, daemon: DaemonAddress) {
  const inUse = new Set(
    list(await readDaemon(daemon, '/containers/json?all=1')).flatMap((c) =>
      list(c['Mounts']).map((mount) => text(mount['Name'])),
    ),
  );
  const usage = (await readDaemon(daemon, '/system/df?type=volume')) as Entry;
  const sizes = new Map(
    list(usage['Volumes']).map((v) => [
      text(v['Name']),
      Number((v['UsageData'] as Entry | null)?.['Size'] ?? 0),
    ]),
  );
  const volumes = list(((await readDaemon(daemon, '/volumes')) as Entry)['Volumes']).filter(
    (volume) => {
      const name = text(volume['Name']);
      const isAnonymous = labelsOf(volume)?.['com.docker.volume.anonymous'] !== undefined;
      return (
        isPageVolume(scope, name) &&
        !inUse.has(name) &&
        (filters.all === true || isAnonymous) &&
        matchesFilters(filters, labelsOf(volume), seconds(volume['CreatedAt']))
      );
    },
  );
  const deleted: string[] = [];
  let space = 0;
  for (const volume of volumes) {
    const name = text(volume['Name']);
    if ((await callDaemon(daemon, 'DELETE', `/volumes/${name}`)).status !== 204) continue;
    deleted.push(name);
    space += Math.max(0, sizes.get(name) ?? 0);
  }
  return { VolumesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}

async function pruneNetworks(filters: PruneFilters, scope: PageScope, daemon: DaemonAddress) {
  const networks = list(await readDaemon(daemon, '/networks')).filter(
    (network) =>
      isPageNetwork(scope, text(network['Id'])) &&
      !predefinedNetworks.has(text(network['Name'])) &&
      matchesFilters(filters, labelsOf(network), seconds(network['Created'])),
  );
  const deleted: string[] = [];
  for (const network of networks) {
    const details = (await readDaemon(daemon, `/networks/${text(network['Id'])}`)) as Entry;
    if (Object.keys((details['Containers'] ?? {}) as Entry).length > 0) continue;
    const answer = await callDaemon(daemon, 'DELETE', `/networks/${text(network['Id'])}`);
    if (answer.status === 204) deleted.push(text(network['Name']));
  }
  return { NetworksDeleted: deleted.length > 0 ? deleted : null };
}

async function pruneBuildCache(scope: PageScope, daemon: DaemonAddress) {
  const usage = (await readDaemon(daemon, '/system/df?type=build-cache')) as Entry;
  const records = list(usage['BuildCache']).filter(
    (record) => isPageCache(scope, record) && record['InUse'] !== true,
  );
  const deleted: string[] = [];
  let space = 0;
  for (const record of records) {
    const filters = encodeURIComponent(JSON.stringify({ id: [text(record['ID'])] }));
    const answer = await callDaemon(daemon, 'POST', `/build/prune?all=1&filters=${filters}`);
    if (answer.status !== 200) continue;
    const body = (answer.body ?? {}) as Entry;
    deleted.push(...list(body['CachesDeleted']).map(text));
    space += Number(body['SpaceReclaimed'] ?? 0);
  }
  return { CachesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}
