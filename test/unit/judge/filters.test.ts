import { describe, expect, it } from 'vitest';
import { normalizeOutput, splitOutput } from '../../../scripts/lib/judge/filters.ts';

const normalize = (text: string) => normalizeOutput(splitOutput(text)).join('\n');

describe('normalizeOutput', () => {
  it.each([
    ['12-hex container IDs', 'e1ca49da8f1b', '[ID]'],
    ['all-digit short IDs', '123456789012', '[ID]'],
    ['64-hex IDs', `${'ab'.repeat(32)}`, '[ID]'],
    ['sha256 digests', `Digest: sha256:${'0f'.repeat(32)}`, 'Digest: [DIGEST]'],
    ['image IDs shown as sha256', `sha256:${'1a'.repeat(32)}`, '[DIGEST]'],
    ['RFC 3339 timestamps', 'Created: 2026-11-22T05:17:42.123456789Z', 'Created: [DATE]'],
    ['Go time format', 'at 2026-11-22 05:17:42 +0000 UTC', 'at [DATE]'],
    ['date(1) output', 'Sun Nov 22 05:12:22 UTC 2026', '[DATE]'],
    [
      'pushed manifest sizes',
      `latest: digest: sha256:${'c'.repeat(64)} size: 527`,
      'latest: digest: [DIGEST] size: [SIZE]',
    ],
    [
      'docker version build dates',
      ' Built:             Fri May 30 12:07:14 2025',
      ' Built:  [DATE]',
    ],
    [
      'relative times',
      'Less than a second ago|14 seconds ago|About a minute ago|3 hours ago|2 years ago',
      '[AGO]|[AGO]|[AGO]|[AGO]|[AGO]',
    ],
    [
      'uptimes',
      'Up 3 seconds|Up Less than a second|Up About an hour',
      'Up [DURATION]|Up [DURATION]|Up [DURATION]',
    ],
    ['exit statuses keep their code', 'Exited (3) 5 seconds ago', 'Exited (3) [AGO]'],
    ['human sizes', '13.3kB 5.57MB 0B 1.2 GB 78.6MiB', '[SIZE] [SIZE] [SIZE] [SIZE] [SIZE]'],
    ['generated names', 'busy_archimedes  eager_hopper2', '[NAME]  [NAME]'],
    ['names inside quotes', 'Container "agitated_kapitsa" exited', 'Container "[NAME]" exited'],
    ['CRLF', 'a\r\nb\r\n', 'a\nb'],
    ['ANSI colours', '\u001b[1;32mok\u001b[0m', 'ok'],
    ['carriage-return overwrites', 'Downloading 10%\rDownloading 100%', 'Downloading 100%'],
    ['trailing spaces and blank lines', 'a   \nb\n\n\n', 'a\nb'],
    ['leading blank lines are kept', '\nHello from Docker!', '\nHello from Docker!'],
  ])('redacts %s', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it.each([
    ['words with one underscore but digits inside', 'file_2024_name', 'file_2024_name'],
    ['hex words of other lengths', 'deadbeef cafe', 'deadbeef cafe'],
    ['identifiers in a path', '/var/lib/docker_data', '/var/lib/docker_data'],
    ['leading indentation', '    "Id": "x",', '    "Id": "x",'],
  ])('leaves %s alone', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('reduces non-terminal pull progress to what a terminal finally shows', () => {
    const nonTty = [
      "Unable to find image 'hello-world:latest' locally",
      'latest: Pulling from library/hello-world',
      'c1ec31eb5944: Pulling fs layer',
      'c1ec31eb5944: Verifying Checksum',
      'c1ec31eb5944: Download complete',
      'c1ec31eb5944: Pull complete',
      `Digest: sha256:${'a'.repeat(64)}`,
      'Status: Downloaded newer image for hello-world:latest',
    ].join('\n');
    const tty = [
      "Unable to find image 'hello-world:latest' locally",
      'latest: Pulling from library/hello-world',
      '2db29710123e: Pull complete',
      `Digest: sha256:${'b'.repeat(64)}`,
      'Status: Downloaded newer image for hello-world:latest',
    ].join('\n');
    expect(normalize(nonTty)).toBe(normalize(tty));
    expect(normalize(nonTty)).toMatchInlineSnapshot(`
      "Unable to find image 'hello-world:latest' locally
      latest: Pulling from library/hello-world
      [ID]: Pull complete
      Digest: [DIGEST]
      Status: Downloaded newer image for hello-world:latest"
    `);
  });

  it('keeps layer order when several layers interleave', () => {
    const lines = [
      'aaaaaaaaaaaa: Pulling fs layer',
      'bbbbbbbbbbbb: Pulling fs layer',
      'bbbbbbbbbbbb: Pull complete',
      'aaaaaaaaaaaa: Already exists',
    ];
    expect(normalizeOutput(lines)).toEqual(['[ID]: Already exists', '[ID]: Pull complete']);
  });

  it('makes tables with different column widths comparable', () => {
    const documented = [
      'CONTAINER ID   IMAGE         COMMAND    CREATED          STATUS                      PORTS     NAMES',
      'e1ca49da8f1b   hello-world   "/hello"   10 seconds ago   Exited (0) 9 seconds ago              busy_archimedes',
    ];
    const actual = [
      'CONTAINER ID   IMAGE         COMMAND    CREATED                  STATUS                              PORTS     NAMES',
      '0a1b2c3d4e5f   hello-world   "/hello"   Less than a second ago   Exited (0) Less than a second ago             eager_hopper',
    ];
    expect(normalizeOutput(documented)).toEqual(normalizeOutput(actual));
  });
});
