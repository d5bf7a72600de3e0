/**
 * The pages of the watch benchmark, generated (never edited): ten cheap snippets, and a page
 * of Docker commands on an image it pulls before it starts (as `verify.images` does). `edit`
 * changes a page as a writer saving it would, without changing what runs: a sentence at its
 * end, different every time.
 */

export const cheapPage = {
  file: 'ten-cheap-snippets.md',
  text: [
    '# Ten cheap snippets',
    '',
    ...Array.from({ length: 10 }, (_, index) => [
      '```console',
      `$ echo "step ${index + 1}"`,
      `step ${index + 1}`,
      '```',
      '',
    ]).flat(),
  ].join('\n'),
};

export const dockerPage = {
  file: 'docker-page.md',
  text: [
    '---',
    'verify:',
    '  images: [busybox]',
    '---',
    '',
    '# A Docker page',
    '',
    '```console',
    '$ docker run --rm busybox echo hello',
    'hello',
    '```',
    '',
    '```console',
    '$ docker volume create notes',
    'notes',
    "$ docker run --rm -v notes:/notes busybox sh -c 'echo kept > /notes/a && cat /notes/a'",
    'kept',
    '```',
    '',
    '```console',
    "$ docker volume ls --format '{{.Name}}'",
    'notes',
    "$ docker ps -a --format '{{.Names}}'",
    '```',
    '',
  ].join('\n'),
};

/** The page as saved for the `n`-th time: a closing sentence that differs each time. */
export function edit(text: string, n: number): string {
  return `${text}\nSaved ${n} times.\n`;
}
