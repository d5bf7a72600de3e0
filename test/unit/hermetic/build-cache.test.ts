import { describe, expect, it } from 'vitest';
import { parseBuildCacheIds } from '../../../scripts/hermetic/build-cache.ts';

describe('parseBuildCacheIds', () => {
  it('reads the IDs of `docker system df -v` build cache records', () => {
    const json =
      '[{"CacheType":"source.local","Description":"local source for context","ID":"j4a9qk9n6t1jauq10jcija86h","InUse":"false"},' +
      '{"CacheType":"regular","Description":"[1/1] ADD rootfs.tar /","ID":"w75kvra9tmre07a90cg7mgwlf","InUse":"false"}]\n';
    expect([...parseBuildCacheIds(json)]).toEqual([
      'j4a9qk9n6t1jauq10jcija86h',
      'w75kvra9tmre07a90cg7mgwlf',
    ]);
  });

  it('is empty for a daemon without build cache, which prints null', () => {
    expect(parseBuildCacheIds('null\n').size).toBe(0);
    expect(parseBuildCacheIds('[]').size).toBe(0);
  });
});
