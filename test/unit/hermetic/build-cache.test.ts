import { describe, expect, it } from 'vitest';
import { parseBuildCache } from '../../../scripts/hermetic/build-cache.ts';

describe('parseBuildCache', () => {
  it('reads the records of `docker system df -v`, newest first, so children go before parents', () => {
    const json = `${JSON.stringify([
      {
        CacheType: 'regular',
        CreatedAt: '2026-11-22 06:26:09.498754474 +0000 UTC',
        Description: '[2/4] COPY registry /bin/registry',
        ID: '5t6abxg34zxgixumdj5a5t5pt',
      },
      {
        CacheType: 'regular',
        CreatedAt: '2026-11-22 06:26:09.522806687 +0000 UTC',
        Description: '[3/4] COPY config.yml /etc/docker/registry/config.yml',
        ID: '36y8rc4evtey9my31wbqgiqxl',
      },
      {
        CacheType: 'regular',
        CreatedAt: '2026-11-22 06:26:09.052755686 +0000 UTC',
        Description: 'from local ',
        ID: 'kqphct5d3nwzkabvzdu45ydrl',
      },
    ])}\n`;
    expect(parseBuildCache(json).map((record) => record.id)).toEqual([
      '36y8rc4evtey9my31wbqgiqxl',
      '5t6abxg34zxgixumdj5a5t5pt',
      'kqphct5d3nwzkabvzdu45ydrl',
    ]);
  });

  it('is empty for a daemon without build cache', () => {
    expect(parseBuildCache('[]\n')).toEqual([]);
    expect(parseBuildCache('null')).toEqual([]);
  });
});
