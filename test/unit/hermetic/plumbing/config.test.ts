import { describe, expect, it } from 'vitest';
import {
  MIRROR_PORT,
  MIRROR_REPOSITORY_PREFIX,
  MIRROR_URL,
  resolveCacheDir,
  resolvePaths,
} from '../../../../scripts/hermetic/plumbing/config.ts';

describe('resolveCacheDir', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, '/xdg/docker-fundamentals/hermetic'],
    [{ HOME: '/home/u' }, '/home/u/.cache/docker-fundamentals/hermetic'],
    [{ XDG_CACHE_HOME: '', HOME: '/home/u' }, '/home/u/.cache/docker-fundamentals/hermetic'],
    // The XDG spec says a relative path is invalid and must be ignored.
    [
      { XDG_CACHE_HOME: 'rel/cache', HOME: '/home/u' },
      '/home/u/.cache/docker-fundamentals/hermetic',
    ],
  ])('%j -> %s', (env, expected) => {
    expect(resolveCacheDir(env)).toBe(expected);
  });
});

describe('resolvePaths', () => {
  it('keeps every file hermetic writes inside the cache folder', () => {
    const paths = resolvePaths('/c');
    for (const [key, value] of Object.entries(paths)) {
      expect(value, key).toMatch(/^\/c(\/|$)/);
    }
    expect(new Set(Object.values(paths)).size).toBe(Object.keys(paths).length);
  });
});

describe('mirror address', () => {
  it('is loopback and never the port the docs publish (5000)', () => {
    expect(MIRROR_PORT).not.toBe(5000);
    expect(MIRROR_URL).toBe('http://127.0.0.1:5555');
    expect(MIRROR_REPOSITORY_PREFIX).toBe('127.0.0.1:5555/library');
  });
});
