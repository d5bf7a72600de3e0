import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';
import type { SourcePage } from '../../../scripts/lib/extract/read-pages.ts';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { plainPalette } from '../../../scripts/lib/report/colors.ts';
import type { KeyReader } from '../../../scripts/lib/review/key-reader.ts';
import { reviewUpdates } from '../../../scripts/lib/review/review-changes.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const source = [
  '# Page',
  '',
  '```console',
  '$ echo one',
  'uno',
  '```',
  '',
  '```console',
  '$ echo two',
  'dos',
  '```',
  '',
  '```console',
  '$ echo three',
  'tres',
  '```',
  '',
].join('\n');

const printing = (step: number) => [['one'], ['two'], ['three']][step] ?? [];

async function writePage(): Promise<SourcePage> {
  const file = join(await mkdtemp(join(tmpdir(), 'dfv-review-')), 'page.md');
  await writeFile(file, source);
  return { file, page: extractSnippets(source, file).page, source, weight: 3 };
}

/** Keys typed in advance; `onKey` runs as each is read (to edit the file meanwhile). */
function typing(keys: string[], onKey: (key: string) => Promise<void> = async () => {}) {
  const reader: KeyReader = {
    async readKey() {
      const key = keys.shift();
      if (key !== undefined) await onKey(key);
      return key;
    },
    close() {},
  };
  let screen = '';
  const terminal = {
    keys: reader,
    write: (text: string) => {
      screen += text;
    },
    palette: plainPalette,
  };
  return { terminal, screen: () => screen };
}

async function review(
  keys: string[],
  onKey?: (key: string) => Promise<void>,
  onPage: (file: string) => void = () => {},
) {
  const page = await writePage();
  onPage(page.file);
  const results: PageResult[] = [simulatePage(source, page.file, printing)];
  const { terminal, screen } = typing(keys, onKey);
  const updates = await reviewUpdates([page], results, terminal);
  return { page, updates, screen: screen(), text: await readFile(page.file, 'utf8') };
}

describe('reviewUpdates', () => {
  it('writes what is accepted, leaves what is skipped, byte for byte', async () => {
    const { updates, text, screen } = await review(['a', 's', 'a']);
    expect(text).toBe(source.replace('uno', 'one').replace('tres', 'three'));
    expect(updates).toEqual([
      expect.objectContaining({ rewritten: [4, 14], skipped: [9], refused: [] }),
    ]);
    expect(screen).toContain('change 1 of 3');
    expect(screen).toMatch(
      /page\.md:4 {2}sandbox\n {2}\$ echo one\n {2}@@ .*page\.md:5 @@\n {2}-uno\n {2}\+one/,
    );
    expect(screen).toContain('a accept · s skip · A accept all remaining · q quit · ? help');
  });

  it('shows the help on ?, ignores other keys, and accepts the rest with A', async () => {
    const { updates, text, screen } = await review(['x', '?', 'A']);
    expect(text).toBe(source.replace('uno', 'one').replace('dos', 'two').replace('tres', 'three'));
    expect(updates[0]?.rewritten).toEqual([4, 9, 14]);
    expect(screen).toContain('accept this change and every one after it');
  });

  it('skips the rest on q, and on Ctrl-C (a byte in raw mode)', async () => {
    for (const quit of ['q', '\u0003']) {
      const { updates, text, screen } = await review(['a', quit]);
      expect(text).toBe(source.replace('uno', 'one'));
      expect(updates[0]?.skipped).toEqual([9, 14]);
      expect(screen).not.toContain('change 3 of 3');
    }
  });

  it('writes a named value as the page shows it, never as this machine printed it', async () => {
    const valued = [
      '---',
      'verify:',
      '  values:',
      "    KERNEL: { shown: 6.8.0-45-generic, pattern: '\\d+\\.\\d+\\S*' }",
      '---',
      '',
      '```console',
      '$ uname -r',
      '6.8.0-45-generic',
      '$ echo "kernel $(uname -r) now"',
      'kernel 6.8.0-45-generic',
      '```',
      '',
    ].join('\n');
    const file = join(await mkdtemp(join(tmpdir(), 'dfv-review-')), 'values.md');
    await writeFile(file, valued);
    const page = { file, page: extractSnippets(valued, file).page, source: valued, weight: 2 };
    const machine = (step: number) =>
      [['6.1.0-31-amd64'], ['kernel 6.1.0-31-amd64 now']][step] ?? [];
    const { terminal } = typing(['a']);
    const [update] = await reviewUpdates([page], [simulatePage(valued, file, machine)], terminal);
    expect(update?.rewritten).toEqual([10]);
    expect(await readFile(file, 'utf8')).toBe(
      valued.replace('kernel 6.8.0-45-generic\n', 'kernel 6.8.0-45-generic now\n'),
    );
  });

  it('never writes over a file edited during the review', async () => {
    let keysRead = 0;
    let file = '';
    const { updates, text } = await review(
      ['a', 'a', 'a'],
      async () => {
        // The writer saves the page in an editor before answering the second change.
        if (++keysRead === 2) await writeFile(file, `${await readFile(file, 'utf8')}edited\n`);
      },
      (path) => {
        file = path;
      },
    );
    expect(text).toBe(`${source.replace('uno', 'one')}edited\n`);
    expect(updates[0]?.rewritten).toEqual([4]);
    expect(updates[0]?.refused.map((refusal) => refusal.line)).toEqual([9, 14]);
    expect(updates[0]?.refused[0]?.reason).toMatch(/changed since it was verified/);
  });
});
