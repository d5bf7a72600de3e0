/**
 * What the guard answers for itself, from the daemon's own answers: listings cut down to the
 * page's objects (page-scope.ts), and the record of what a create request made.
 */
import { readDaemon } from './call-daemon.ts';
import type { DaemonAddress } from './daemon-address.ts';
import {
  type PageScope,
  scopeContainers,
  scopeDiskUsage,
  scopeImages,
  scopeInfo,
  scopeNetworks,
  scopeVolumes,
} from './page-scope.ts';
import type { Route } from './route-request.ts';

/** The daemon's answer to a listing (`url`), with only what the page may see. */
export async function listScoped(
  route: Extract<Route, { kind: 'list' }>,
  url: string,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<unknown> {
  const path = url;
  switch (route.what) {
    case 'containers':
      return scopeContainers(scope, await readDaemon(daemon, path));
    case 'images':
      return scopeImages(scope, await readDaemon(daemon, path));
    case 'volumes':
      return scopeVolumes(scope, await readDaemon(daemon, path));
    case 'networks':
      return scopeNetworks(scope, await readDaemon(daemon, path));
    case 'df':
      return scopeDiskUsage(scope, await readDaemon(daemon, path));
    case 'info': {
      const [info, containers, images] = await Promise.all([
        readDaemon(daemon, path),
        readDaemon(daemon, '/containers/json?all=1'),
        readDaemon(daemon, '/images/json'),
      ]);
      return scopeInfo(info, scopeContainers(scope, containers), scopeImages(scope, images));
    }
  }
}

/** Notes what a create request made: the object, and the volumes a new container made. */
export async function recordCreated(
  what: 'container' | 'volume' | 'network',
  answer: Record<string, unknown>,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<void> {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (what === 'volume') scope.created.volumes.add(text(answer['Name']));
  if (what === 'network') scope.created.networks.add(text(answer['Id']));
  if (what !== 'container') return;
  const id = text(answer['Id']);
  scope.created.containers.add(id);
  const container = (await readDaemon(daemon, `/containers/${id}/json`).catch(
    () => ({}),
  )) as Record<string, unknown>;
  const mounts = Array.isArray(container['Mounts'])
    ? (container['Mounts'] as Record<string, unknown>[])
    : [];
  for (const mount of mounts) {
    const name = text(mount['Name']);
    if (text(mount['Type']) === 'volume' && name && !scope.before.volumes.includes(name))
      scope.created.volumes.add(name);
  }
}
