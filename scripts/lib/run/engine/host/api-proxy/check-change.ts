/**
 * Whether a request that changes or creates an object may go to the user's daemon: only when
 * the object is the page's, and a new one takes no name of another object. Resolves
 * names and short IDs through the daemon; an object the daemon does not know is left to the
 * daemon, which answers as it would anyway. Returns why a request is refused, or undefined.
 */
import { readDaemon } from './call-daemon.ts';
import type { DaemonAddress } from './daemon-address.ts';
import {
  isPageContainer,
  isPageImage,
  isPageNetwork,
  isPageVolume,
  normalizeImageName,
  type PageScope,
  predefinedNetworks,
} from './page-scope.ts';
import type { ObjectKind } from './route-request.ts';

type Entry = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);

/** The message the page's `docker` prints after "Error response from daemon: ". */
export function describeRefusal(reason: string): string {
  return `verify-examples: ${reason}; on your own daemon (--docker host) a page never changes or removes what it did not create`;
}

const notCreated = 'is not one the page created';

async function inspect(daemon: DaemonAddress, path: string): Promise<Entry | undefined> {
  return (await readDaemon(daemon, path).catch(() => undefined)) as Entry | undefined;
}

async function isUserContainer(daemon: DaemonAddress, scope: PageScope, name: string) {
  const container = await inspect(daemon, `/containers/${encodeURIComponent(name)}/json`);
  return container !== undefined && !isPageContainer(scope, text(container['Id']));
}

export async function checkChange(
  what: ObjectKind,
  name: string,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<string | undefined> {
  if (what === 'container') {
    // `docker run` attaches, starts and waits by the full ID its create got back: the
    // page's own container, known without asking the daemon.
    if (isPageContainer(scope, name)) return undefined;
    if (await isUserContainer(daemon, scope, name)) return `the container ${name} ${notCreated}`;
    return undefined;
  }
  if (what === 'volume') {
    const volume = await inspect(daemon, `/volumes/${encodeURIComponent(name)}`);
    return !volume || isPageVolume(scope, name) ? undefined : `the volume ${name} ${notCreated}`;
  }
  if (what === 'network') {
    const network = await inspect(daemon, `/networks/${encodeURIComponent(name)}`);
    if (!network || predefinedNetworks.has(text(network['Name']))) return undefined;
    return isPageNetwork(scope, text(network['Id']))
      ? undefined
      : `the network ${name} ${notCreated}`;
  }
  const image = await inspect(daemon, `/images/${name}/json`);
  const tags = list(image?.['RepoTags']).map(text);
  if (!image || isPageImage(scope, text(image['Id']))) return undefined;
  // A tag the page put on one of the user's images may go, if the image keeps another.
  const earlier = scope.before.images.find((entry) => entry.id === text(image['Id']));
  const isPageTag =
    tags.some((tag) => normalizeImageName(tag) === normalizeImageName(name)) &&
    !earlier?.tags.some((tag) => normalizeImageName(tag) === normalizeImageName(name));
  if (isPageTag && tags.length > 1) return undefined;
  return `the image ${name} ${notCreated}`;
}

/**
 * A new container, volume or network: its name must not be one of the user's objects, and a
 * container must not use the user's volumes or join the user's containers.
 */
export async function checkCreate(
  what: 'container' | 'volume' | 'network',
  query: URLSearchParams,
  body: Entry,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<string | undefined> {
  if (what === 'volume') {
    const name = text(body['Name']);
    const volume = name ? await inspect(daemon, `/volumes/${encodeURIComponent(name)}`) : undefined;
    return volume && !isPageVolume(scope, name) ? `the volume ${name} ${notCreated}` : undefined;
  }
  if (what === 'network') {
    const name = text(body['Name']);
    const network = name
      ? await inspect(daemon, `/networks/${encodeURIComponent(name)}`)
      : undefined;
    return network && !isPageNetwork(scope, text(network['Id']))
      ? `the network ${name} ${notCreated}`
      : undefined;
  }
  const name = query.get('name');
  if (name && (await isUserContainer(daemon, scope, name)))
    return `the name ${name} belongs to a container that ${notCreated}`;
  const host = (body['HostConfig'] ?? {}) as Entry;
  const volumes = [
    ...list(host['Binds']).map((bind) => text(bind).split(':')[0] ?? ''),
    ...list(host['Mounts'])
      .filter((m) => text(m['Type']) === 'volume')
      .map((m) => text(m['Source'])),
  ].filter((source) => source !== '' && !source.startsWith('/'));
  for (const volume of volumes) {
    const exists = await inspect(daemon, `/volumes/${encodeURIComponent(volume)}`);
    if (exists && !isPageVolume(scope, volume)) return `the volume ${volume} ${notCreated}`;
  }
  const joined = [
    ...list(host['VolumesFrom']).map((entry) => text(entry).split(':')[0] ?? ''),
    ...[text(host['NetworkMode']), text(host['PidMode']), text(host['IpcMode'])]
      .filter((mode) => mode.startsWith('container:'))
      .map((mode) => mode.slice('container:'.length)),
  ];
  for (const container of joined) {
    if (await isUserContainer(daemon, scope, container))
      return `the container ${container} ${notCreated}`;
  }
  return undefined;
}
