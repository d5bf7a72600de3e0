import { describe, expect, it } from 'vitest';
import {
  describeMissingMirror,
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
