import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPagePlaces } from '../../../scripts/lib/orchestrate/read-page-places.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-places-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const pageWithOrder = (order: number) =>
  `---\ntitle: A page\nsidebar:\n  order: ${order}\nverify:\n  installs: [jq]\n---\n\n$ apt-get install -y jq\n`;

describe('readPagePlaces', () => {
  it('reads each page once, then answers from the cache while its stamp holds', async () => {
    const page = join(folder, 'page.md');
    const cache = join(folder, 'places.json');
    await writeFile(page, pageWithOrder(3));
    // A whole second, which setting the time back restores exactly.
    const then = new Date('2026-01-01T00:00:00Z');
    await utimes(page, then, then);
    const [first] = await readPagePlaces([page], cache);
    expect(first).toEqual({
      file: page,
      sidebar: { order: 3, isHidden: false },
      installs: [{ tool: 'jq', line: 9 }],
    });
    // Other bytes of the same size under the same time and inode: the cache answers, which
    // shows it is read (and is the one change it cannot see).
    await writeFile(page, pageWithOrder(7));
    await utimes(page, then, then);
    expect((await readPagePlaces([page], cache))[0]?.sidebar.order).toBe(3);
    // A save moves the time: read again, and the cache keeps the new place.
    const later = new Date(then.getTime() + 5000);
    await utimes(page, later, later);
    expect((await readPagePlaces([page], cache))[0]?.sidebar.order).toBe(7);
    const kept = Object.values(JSON.parse(await readFile(cache, 'utf8')));
    expect(kept).toEqual([
      expect.objectContaining({
        place: expect.objectContaining({ sidebar: { order: 7, isHidden: false } }),
      }),
    ]);
  });

  it('reads the pages when the cache is not one it wrote', async () => {
    const page = join(folder, 'page.md');
    const cache = join(folder, 'places.json');
    await writeFile(page, pageWithOrder(2));
    await writeFile(cache, JSON.stringify({ [page]: { stamp: 'x', place: { sidebar: 'no' } } }));
    expect((await readPagePlaces([page], cache))[0]?.sidebar.order).toBe(2);
    await writeFile(cache, 'not JSON');
    expect((await readPagePlaces([page], cache))[0]?.sidebar.order).toBe(2);
  });
});
