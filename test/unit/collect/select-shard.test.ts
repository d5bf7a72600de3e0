import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectShard } from '../../../scripts/lib/collect/select-shard.ts';

const pages = [
  { file: 'a.md', weight: 10 },
  { file: 'b.md', weight: 1 },
  { file: 'c.md', weight: 6 },
  { file: 'd.md', weight: 5 },
];

describe('selectShard', () => {
  it('balances shards by weight and keeps page order inside a shard', () => {
    expect(selectShard(pages, { index: 1, total: 2 }).map((p) => p.file)).toEqual(['a.md', 'b.md']);
    expect(selectShard(pages, { index: 2, total: 2 }).map((p) => p.file)).toEqual(['c.md', 'd.md']);
  });

  it('puts every page in exactly one shard, the same way every time', () => {
    const page = fc.record({ file: fc.string({ minLength: 1 }), weight: fc.nat(50) });
    fc.assert(
      fc.property(
        fc.uniqueArray(page, { selector: (p) => p.file, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (all, total) => {
          const shards = Array.from({ length: total }, (_, index) =>
            selectShard(all, { index: index + 1, total }),
          );
          const files = shards.flat().map((p) => p.file);
          expect(files.sort()).toEqual(all.map((p) => p.file).sort());
          expect(
            selectShard([...all].reverse(), { index: 1, total })
              .map((p) => p.file)
              .sort(),
          ).toEqual(shards[0]?.map((p) => p.file).sort());
        },
      ),
    );
  });
});
