import { describe, expect, it } from 'vitest';
import {
  renderHostDaemonConfig,
  selectForeignDaemons,
} from '../../../../scripts/hermetic/daemons/host-daemon.ts';
import { resolvePaths } from '../../../../scripts/hermetic/plumbing/config.ts';

describe('host daemon', () => {
  it('keeps its socket, state and pidfile in the cache, with the mirror and the classic store', () => {
    const config = JSON.parse(renderHostDaemonConfig(resolvePaths('/c')));
    expect(config.hosts).toEqual(['unix:///c/run/docker.sock']);
    expect(config['data-root']).toBe('/c/host-daemon/data');
    expect(config['registry-mirrors']).toEqual(['http://127.0.0.1:5555']);
    expect(config.features).toEqual({ 'containerd-snapshotter': false });
  });

  it('counts as foreign only dockerd processes in our network namespace that are not ours', () => {
    const processes = [
      { pid: 1, comm: 'dockerd', netns: 'net:[1]' },
      { pid: 2, comm: 'dockerd', netns: 'net:[2]' },
      { pid: 3, comm: 'dockerd', netns: 'net:[1]' },
      { pid: 4, comm: 'containerd', netns: 'net:[1]' },
    ];
    expect(selectForeignDaemons(processes, 'net:[1]', 3)).toEqual([1]);
  });
});
