import { describe, expect, it } from 'vitest';
import { collectWords, isListingCommand } from '../../../scripts/lib/extract/listing-commands.ts';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';

const header =
  'CONTAINER ID   IMAGE         COMMAND    CREATED         STATUS                     PORTS     NAMES';
const mine =
  '3c0d2f1b8e7a   hello-world   "/hello"   5 seconds ago   Exited (0) 4 seconds ago             hello-test';
const authors =
  '9e8d7c6b5a4f   ubuntu        "bash"     2 hours ago     Exited (0) 2 hours ago               eager_tesla';
const printedMine =
  '7943ca926187   hello-world   "/hello"   2 seconds ago   Exited (0) 1 second ago             hello-test';

const compare = (
  documented: string[],
  printed: string[],
  earlier: string[],
  images: string[] = [],
) =>
  compareOutput(documented, printed, undefined, [], {
    command: 'docker ps -a',
    context: { pageWords: collectWords(earlier), images },
  });

describe('listings of everything', () => {
  it('are the commands that list a kind without a filter', () => {
    expect(isListingCommand('docker ps -a')).toBe(true);
    expect(isListingCommand('docker image ls')).toBe(true);
    expect(isListingCommand('docker volume ls')).toBe(true);
    expect(isListingCommand('docker ps -a --filter name=web')).toBe(false);
    expect(isListingCommand('docker images busybox')).toBe(false);
  });

  it('compare the rows the page did not create by shape, and keep them as written', () => {
    const comparison = compare(
      [header, mine, authors],
      [header, printedMine],
      ['docker run --name hello-test hello-world'],
    );
    expect(comparison.matches).toBe(true);
    expect(comparison.alignment.ops.map((op) => op.op)).toEqual(['same', 'same', 'wildcard']);
  });

  it('compare the rows the page created exactly', () => {
    const exited = printedMine.replace('Exited (0)', 'Exited (1)');
    expect(
      compare(
        [header, mine, authors],
        [header, exited],
        ['docker run --name hello-test hello-world'],
      ).matches,
    ).toBe(false);
  });

  it('drift where a row the page created is not shown', () => {
    expect(
      compare(
        [header, authors],
        [header, printedMine],
        ['docker run --name hello-test hello-world'],
      ).matches,
    ).toBe(false);
  });

  it('need not show the images every page starts with', () => {
    const images = ['REPOSITORY    TAG       IMAGE ID       CREATED        SIZE'];
    const comparison = compareOutput(
      [...images, 'hello-world   latest    e2ac70e7319a   8 months ago   9.29kB'],
      [
        ...images,
        'busybox       latest    15c41b38c482   6 months ago   4.44MB',
        'hello-world   latest    6a6154ade2d4   8 months ago   9.29kB',
      ],
      undefined,
      [],
      {
        command: 'docker images',
        context: { pageWords: collectWords(['docker run hello-world']), images: ['busybox'] },
      },
    );
    expect(comparison.matches).toBe(true);
  });

  it('keep a row that is not row-shaped as text to compare', () => {
    expect(compare([header, 'not a row'], [header], []).matches).toBe(false);
  });
});
