// The chapters show what a reader's machine would print, never this one's: no kernel release or
// hostname of the machine that verified them, no Debian package suffix of its engines, no path
// or address of the verifier's own set-up.
import { readdir, readFile } from 'node:fs/promises';
import { hostname, release } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/run-cli.ts';

const docs = join(projectRoot, 'src/content/docs');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What betrays the build machine, each with what to say when found. */
function listMachineLiterals(): { pattern: RegExp; what: string }[] {
  return [
    { pattern: new RegExp(escapeRegExp(release())), what: "this machine's kernel release" },
    // Whole words, case as written: a short hostname ("vm") is also a piece of many words.
    {
      pattern: new RegExp(`(?<![\\w.-])${escapeRegExp(hostname())}(?![\\w-])`),
      what: "this machine's hostname",
    },
    { pattern: /\+dfsg\d*|[+~]ds\d|\+deb\d+u\d+|~bpo\d+/, what: 'a Debian package version' },
    {
      pattern: /\/tmp\/dfv-|docker-fundamentals\/hermetic|127\.0\.0\.1:5555/,
      what: "the verifier's own set-up",
    },
  ];
}

/** Pure: `file:line  what: the line` for every line of `text` that shows a literal. */
function findMachineLiterals(
  file: string,
  text: string,
  literals: readonly { pattern: RegExp; what: string }[],
): string[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      literals
        .filter(({ pattern }) => pattern.test(line))
        .map(({ what }) => `${file}:${index + 1}  ${what}: ${line.trim()}`),
    );
}

describe('the chapters', () => {
  it('show no literal of the machine that verified them', async () => {
    const files = (await readdir(docs)).filter((name) => /\.mdx?$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    const found = await Promise.all(
      files.map(async (name) =>
        findMachineLiterals(name, await readFile(join(docs, name), 'utf8'), listMachineLiterals()),
      ),
    );
    expect(found.flat()).toEqual([]);
  });

  it('would be caught showing one', () => {
    const page = ['$ uname -r', release(), '$ docker version', ' Version:  28.5.2+dfsg4'].join(
      '\n',
    );
    expect(findMachineLiterals('page.mdx', page, listMachineLiterals())).toEqual([
      `page.mdx:2  this machine's kernel release: ${release()}`,
      'page.mdx:4  a Debian package version: Version:  28.5.2+dfsg4',
    ]);
  });
});
