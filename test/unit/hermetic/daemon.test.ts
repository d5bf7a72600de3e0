import { describe, expect, it } from 'vitest';
import {
  describeMissingMirror,
  describeOutdatedDaemon,
  hasOurMirror,
  renderDaemonConfig,
} from '../../../scripts/hermetic/daemon.ts';

describe('hasOurMirror', () => {
  it.each([
    [['http://127.0.0.1:5555/'], true],
    [['http://127.0.0.1:5555'], true],
    [['https://mirror.example/', 'HTTP://127.0.0.1:5555/'], true],
    [[], false],
    [['http://127.0.0.1:5000/'], false],
    [['http://localhost:5555/'], false],
    [['https://127.0.0.1:5555/'], false],
  ])('%j -> %s', (mirrors, expected) => {
    expect(hasOurMirror(mirrors)).toBe(expected);
  });
});

describe('renderDaemonConfig', () => {
  it('sets only registry-mirrors, to our mirror', () => {
    expect(JSON.parse(renderDaemonConfig())).toEqual({
      'registry-mirrors': ['http://127.0.0.1:5555'],
    });
  });
});

describe('describeMissingMirror', () => {
  it('says exactly which daemon.json line to add, and what the daemon has now', () => {
    const error = describeMissingMirror(['https://mirror.example/']);
    expect(error.code).toBe('DAEMON_WITHOUT_MIRROR');
    expect(error.message).toContain('https://mirror.example/');
    expect(error.hint).toContain('"registry-mirrors": ["http://127.0.0.1:5555"]');
    expect(error.hint).toContain('/etc/docker/daemon.json');
    expect(error.hint).toContain('restart');
  });

  it('names a daemon without any mirror as such', () => {
    expect(describeMissingMirror([]).message).toContain('no registry mirrors');
  });
});

describe('describeOutdatedDaemon', () => {
  it('names the running Engine and the one the docs need, and how to stop the old one', () => {
    const error = describeOutdatedDaemon('20.10.24+dfsg1');
    expect(error.code).toBe('DAEMON_OUTDATED');
    expect(error.message).toBe(
      'a Docker daemon not started by hermetic runs Engine 20.10.24+dfsg1; the docs need 26 or later',
    );
    expect(error.hint).toContain('systemctl stop docker docker.socket');
    expect(error.hint).toContain('npm run hermetic');
  });
});
