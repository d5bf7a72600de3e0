import { describe, expect, it } from 'vitest';
import {
  createPageScope,
  normalizeImageName,
  scopeContainers,
  scopeDiskUsage,
  scopeImages,
  scopeInfo,
  scopeNetworks,
  scopeVolumes,
} from '../../../../../../scripts/lib/run/engine/host/api-proxy/page-scope.ts';

const before = {
  containers: ['c-user'],
  images: [
    { id: 'sha256:user', tags: ['busybox:latest'] },
    { id: 'sha256:kept', tags: ['kept:1'] },
  ],
  volumes: ['v-user'],
  networks: ['n-bridge', 'n-user'],
};

function makeScope() {
  const scope = createPageScope(before, Date.parse('2026-01-01T00:00:00Z'));
  scope.created.containers.add('c-page');
  scope.created.volumes.add('v-page');
  scope.created.networks.add('n-page');
  return scope;
}

describe('the page scope', () => {
  it("lists only the containers the page created, not the user's nor another program's", () => {
    const listed = scopeContainers(makeScope(), [
      { Id: 'c-user' },
      { Id: 'c-page' },
      { Id: 'c-other' },
    ]);
    expect(listed).toEqual([{ Id: 'c-page' }]);
  });

  it("lists new images, and the user's images the page named", () => {
    const scope = makeScope();
    const images = [
      { Id: 'sha256:user', RepoTags: ['busybox:latest'] },
      { Id: 'sha256:kept', RepoTags: ['kept:1'] },
      { Id: 'sha256:new', RepoTags: ['notes:latest'] },
    ];
    expect(scopeImages(scope, images).map((image) => image.Id)).toEqual(['sha256:new']);
    scope.namedImages.add(normalizeImageName('docker.io/library/busybox'));
    expect(scopeImages(scope, images).map((image) => image.Id)).toEqual([
      'sha256:user',
      'sha256:new',
    ]);
  });

  it("keeps the daemon's own networks and the page's", () => {
    const networks = [
      { Id: 'n-bridge', Name: 'bridge' },
      { Id: 'n-user', Name: 'mine' },
      { Id: 'n-page', Name: 'app' },
    ];
    expect(scopeNetworks(makeScope(), networks).map((n) => n.Name)).toEqual(['bridge', 'app']);
  });

  it('keeps the answer around the volumes', () => {
    const answer = { Volumes: [{ Name: 'v-user' }, { Name: 'v-page' }], Warnings: null };
    expect(scopeVolumes(makeScope(), answer)).toEqual({
      Volumes: [{ Name: 'v-page' }],
      Warnings: null,
    });
  });

  it('cuts docker system df down to the page, build cache made since it started', () => {
    const usage = scopeDiskUsage(makeScope(), {
      LayersSize: 1,
      Images: [{ Id: 'sha256:user', RepoTags: [] }],
      Containers: [{ Id: 'c-page' }],
      Volumes: [{ Name: 'v-user' }],
      BuildCache: [
        { ID: 'old', CreatedAt: '2025-12-31T00:00:00Z' },
        { ID: 'new', CreatedAt: '2026-01-01T00:00:05Z' },
      ],
    });
    expect(usage).toEqual({
      LayersSize: 1,
      Images: [],
      Containers: [{ Id: 'c-page' }],
      Volumes: [],
      BuildCache: [{ ID: 'new', CreatedAt: '2026-01-01T00:00:05Z' }],
    });
  });

  it('counts in docker info what the listings show', () => {
    const info = scopeInfo(
      { Containers: 9, Images: 9, Name: 'host' },
      [{ State: 'running' }, { State: 'exited' }],
      [{}],
    );
    expect(info).toMatchObject({
      Containers: 2,
      ContainersRunning: 1,
      ContainersStopped: 1,
      ContainersPaused: 0,
      Images: 1,
      Name: 'host',
    });
  });

  it.each([
    ['busybox', 'busybox:latest'],
    ['docker.io/library/busybox:1.36', 'busybox:1.36'],
    ['localhost:5000/notes', 'localhost:5000/notes:latest'],
    ['sha256:0d7677dd2c53', '0d7677dd2c53'],
  ])('names %s as %s', (name, normal) => {
    expect(normalizeImageName(name)).toBe(normal);
  });
});
