import { describe, expect, it } from 'vitest';
import { routeIdOf, sortInReadingOrder } from '../../../scripts/lib/core/reading-order.ts';

const page = (path: string, order?: number, isHidden = false) => ({ path, order, isHidden });
const paths = (entries: { path: string }[]) => entries.map((entry) => entry.path);

describe('sortInReadingOrder', () => {
  it('sorts by sidebar.order, then by route id; pages without an order come last', () => {
    const sorted = sortInReadingOrder([
      page('zebra.mdx'),
      page('images.mdx', 5),
      page('index.mdx', 0),
      page('data.mdx', 8),
      page('apple.md'),
      page('ports.mdx', 5),
    ]);
    expect(paths(sorted)).toEqual([
      'index.mdx',
      'images.mdx',
      'ports.mdx',
      'data.mdx',
      'apple.md',
      'zebra.mdx',
    ]);
  });

  it('weighs a folder as its lowest page and keeps its pages together', () => {
    const sorted = sortInReadingOrder([
      page('intro.mdx', 1),
      page('guides/b.mdx', 9),
      page('guides/a.mdx', 2),
      page('later.mdx', 3),
    ]);
    expect(paths(sorted)).toEqual(['intro.mdx', 'guides/a.mdx', 'guides/b.mdx', 'later.mdx']);
  });

  it('puts pages hidden from the sidebar after all the others', () => {
    const sorted = sortInReadingOrder([
      page('secret.mdx', 0, true),
      page('b.mdx', 2),
      page('a.mdx', 3),
    ]);
    expect(paths(sorted)).toEqual(['b.mdx', 'a.mdx', 'secret.mdx']);
  });

  it('compares route ids as Starlight does, case and index aside', () => {
    expect(routeIdOf('Guides/Index.MDX')).toBe('guides');
    expect(routeIdOf('index.mdx')).toBe('');
    expect(paths(sortInReadingOrder([page('B.md'), page('a.md'), page('index.md')]))).toEqual([
      'index.md',
      'a.md',
      'B.md',
    ]);
  });
});
