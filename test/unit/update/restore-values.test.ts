import { describe, expect, it } from 'vitest';
import type { PublishedImages } from '../../../scripts/lib/config/published-images.ts';
import { createPublishedContext } from '../../../scripts/lib/config/published-values.ts';
import { planFileUpdate } from '../../../scripts/lib/update/plan-file-update.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const hex = (start: string) => start.padEnd(64, '0');

const published: PublishedImages = {
  registry: 'docker.io',
  platform: 'linux/amd64',
  images: [
    {
      name: 'busybox',
      tags: ['latest'],
      source: 'a test',
      index: `sha256:${hex('fd7dc98638c8e3')}`,
      manifest: `sha256:${hex('f97baa533a26')}`,
      config: `sha256:${hex('aaef90e06523')}`,
      layers: ['sha256:37bb94b0'],
    },
  ],
};
const context = createPublishedContext(published, [
  {
    image: 'busybox:latest',
    values: [
      { role: 'config', hex: hex('15c41b38c482') },
      { role: 'layer', layer: 1, hex: hex('5d7a3c1e9b02') },
    ],
  },
]);

const update = (source: string, printed: string[][]) =>
  planFileUpdate(
    source,
    simulatePage(source, 'a.md', (step) => printed[step] ?? [], 'leg', 'overlay2', {
      published: context,
    }),
  );

describe('--update writes real values', () => {
  it('replaces a size off by more than the tolerance, and only it', () => {
    const source =
      '```console\n$ docker image ls busybox\nbusybox  latest  aaef90e06523  6 months ago  1.53MB\n```\n';
    const { source: updated, update: done } = update(source, [
      ['busybox  latest  15c41b38c482  2 weeks ago  4.44MB'],
    ]);
    expect(done.rewritten).toEqual([2]);
    expect(updated).toBe(source.replace('1.53MB', '4.44MB'));
  });

  it("writes Docker Hub's value where the run printed a look-alike's", () => {
    const source = '```console\n$ docker image ls -q busybox\n15c41b38c482\n```\n';
    const { source: updated } = update(source, [['15c41b38c482']]);
    expect(updated).toBe(source.replace('15c41b38c482', 'aaef90e06523'));
  });

  it("writes new lines with Docker Hub's values and the IDs the page showed before", () => {
    const source = [
      '```console',
      '$ docker run -d busybox sleep 60',
      hex('305297d7a235'),
      '$ docker ps -q',
      '$ docker image ls -q busybox',
      '```',
      '',
    ].join('\n');
    const { source: updated } = update(source, [
      [hex('1a1a1a1a1a1a')],
      ['1a1a1a1a1a1a'],
      ['15c41b38c482'],
    ]);
    expect(updated).toBe(
      source
        .replace('$ docker ps -q\n', '$ docker ps -q\n305297d7a235\n')
        .replace('busybox\n', 'busybox\naaef90e06523\n'),
    );
  });

  it('writes one shown value where the page showed two for one printed value', () => {
    const source = [
      '```console',
      '$ docker run -d busybox sleep 60',
      hex('305297d7a235'),
      '$ docker ps -q',
      'ff0a5c3750b9',
      '```',
      '',
    ].join('\n');
    const { source: updated } = update(source, [[hex('1a1a1a1a1a1a')], ['1a1a1a1a1a1a']]);
    expect(updated).toBe(source.replace('ff0a5c3750b9', '305297d7a235'));
  });

  it("refuses where Docker Hub's value is known too short to write", () => {
    const source = '```console\n$ docker pull -q busybox\n5d7a3c1e9b02: Pull complete\n```\n';
    const { update: done } = update(source, [['5d7a3c1e9b02: Pull complete']]);
    expect(done.rewritten).toEqual([]);
    expect(done.refused[0]?.reason).toMatch(/busybox:latest's layer 1 is known only as 37bb94b0…/);
  });
});
