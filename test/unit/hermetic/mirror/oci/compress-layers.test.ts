import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compressLayers,
  cutPieces,
  FAST_GZIP_LEVEL,
} from '../../../../../scripts/hermetic/mirror/oci/compress-layers.ts';

describe('cutPieces', () => {
  it.each([
    [0, [[0, 0]]],
    [10, [[0, 10]]],
    [
      25,
      [
        [0, 10],
        [10, 20],
        [20, 25],
      ],
    ],
  ])('cuts %i bytes at fixed offsets', (length, pieces) => {
    expect(cutPieces(length, 10)).toEqual(pieces);
  });
});

describe('compressLayers', () => {
  it('compresses a small layer as one gzip member, and keeps a compressed one as it is', async () => {
    const tar = Buffer.from('a small layer'.repeat(100));
    const kept = { tar: Buffer.from('x'), gzip: Buffer.from('already') };
    const [small, same] = await compressLayers([tar, kept]);
    expect(small?.gzip).toEqual(gzipSync(tar, { level: FAST_GZIP_LEVEL }));
    expect(same).toBe(kept);
  });

  it('joins a large layer from members that decompress to it, the same every time', async () => {
    const tar = Buffer.alloc(40 * 1024 * 1024);
    for (let i = 0; i < tar.length; i += 4096) tar.writeUInt32BE(i, i);
    const [first] = await compressLayers([tar]);
    const [second] = await compressLayers([tar]);
    expect(first?.gzip.equals(second?.gzip ?? Buffer.alloc(0))).toBe(true);
    expect(gunzipSync(first?.gzip ?? Buffer.alloc(0)).equals(tar)).toBe(true);
  });
});
