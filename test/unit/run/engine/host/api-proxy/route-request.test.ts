import { describe, expect, it } from 'vitest';
import {
  listNamedImages,
  routeRequest,
} from '../../../../../../scripts/lib/run/engine/host/api-proxy/route-request.ts';

describe('routeRequest', () => {
  it.each([
    ['GET', '/v1.51/containers/json?all=1', { kind: 'list', what: 'containers' }],
    ['GET', '/images/json', { kind: 'list', what: 'images' }],
    ['GET', '/v1.51/volumes', { kind: 'list', what: 'volumes' }],
    ['GET', '/v1.51/networks?filters=%7B%7D', { kind: 'list', what: 'networks' }],
    ['GET', '/v1.51/system/df', { kind: 'list', what: 'df' }],
    ['GET', '/v1.51/info', { kind: 'list', what: 'info' }],
    ['GET', '/v1.51/containers/web/json', { kind: 'pass' }],
    ['HEAD', '/_ping', { kind: 'pass' }],
    ['POST', '/v1.51/containers/prune?filters=%7B%7D', { kind: 'prune', what: 'containers' }],
    ['POST', '/v1.51/images/prune', { kind: 'prune', what: 'images' }],
    ['POST', '/v1.51/volumes/prune', { kind: 'prune', what: 'volumes' }],
    ['POST', '/v1.51/networks/prune', { kind: 'prune', what: 'networks' }],
    ['POST', '/v1.51/build/prune', { kind: 'prune', what: 'build' }],
    ['POST', '/v1.51/containers/create?name=web', { kind: 'create', what: 'container' }],
    ['POST', '/v1.51/volumes/create', { kind: 'create', what: 'volume' }],
    ['POST', '/v1.51/networks/create', { kind: 'create', what: 'network' }],
    [
      'DELETE',
      '/v1.51/containers/web?force=1',
      { kind: 'change', what: 'container', name: 'web', action: 'remove' },
    ],
    [
      'POST',
      '/v1.51/containers/web/stop',
      { kind: 'change', what: 'container', name: 'web', action: 'stop' },
    ],
    [
      'POST',
      '/v1.51/containers/web/exec',
      { kind: 'change', what: 'container', name: 'web', action: 'exec' },
    ],
    [
      'PUT',
      '/v1.51/containers/web/archive?path=/',
      { kind: 'change', what: 'container', name: 'web', action: 'archive' },
    ],
    ['POST', '/v1.51/containers/web/wait', { kind: 'pass' }],
    [
      'DELETE',
      '/v1.51/volumes/notes',
      { kind: 'change', what: 'volume', name: 'notes', action: 'remove' },
    ],
    [
      'DELETE',
      '/v1.51/networks/app',
      { kind: 'change', what: 'network', name: 'app', action: 'remove' },
    ],
    [
      'POST',
      '/v1.51/networks/app/connect',
      { kind: 'change', what: 'network', name: 'app', action: 'connect' },
    ],
    [
      'DELETE',
      '/v1.51/images/localhost:5000/notes:1?force=1',
      { kind: 'change', what: 'image', name: 'localhost:5000/notes:1', action: 'force-remove' },
    ],
    ['POST', '/v1.51/images/create?fromImage=busybox&tag=latest', { kind: 'pass' }],
    ['POST', '/v1.51/build?t=notes', { kind: 'pass' }],
  ])('%s %s', (method, url, route) => {
    expect(routeRequest(method, url)).toEqual(route);
  });

  it('refuses what changes the daemon itself for good', () => {
    expect(routeRequest('POST', '/v1.51/swarm/init').kind).toBe('refuse');
    expect(routeRequest('POST', '/v1.51/plugins/pull').kind).toBe('refuse');
    expect(routeRequest('GET', '/v1.51/swarm').kind).toBe('pass');
  });
});

describe('listNamedImages', () => {
  it.each([
    ['POST', '/v1.51/images/create?fromImage=busybox&tag=latest', ['busybox:latest']],
    ['POST', '/v1.51/images/create?fromImage=busybox%40sha256%3Aabc&tag=', ['busybox@sha256:abc']],
    ['POST', '/v1.51/images/create?fromSrc=-&repo=kept&tag=1', ['kept:1']],
    ['GET', '/v1.51/images/busybox/json', ['busybox']],
    [
      'POST',
      '/v1.51/images/busybox/tag?repo=localhost:5000/box&tag=1',
      ['busybox', 'localhost:5000/box:1'],
    ],
    ['POST', '/v1.51/build?t=notes&t=notes:1', ['notes', 'notes:1']],
    ['POST', '/v1.51/commit?container=web&repo=snap', ['snap']],
    ['GET', '/v1.51/containers/json', []],
  ])('%s %s', (method, url, names) => {
    expect(listNamedImages(method, url)).toEqual(names);
  });
});
