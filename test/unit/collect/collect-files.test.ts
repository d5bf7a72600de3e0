import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../scripts/lib/collect/collect-files.ts';

describe('collectFiles', () => {
  it('expands globs and files into a sorted list of Markdown files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-collect-'));
    await mkdir(join(root, 'docs/sub'), { recursive: true });
    await Promise.all(
      ['docs/b.mdx', 'docs/a.md', 'docs/sub/c.md', 'docs/x.txt', 'README.md'].map((file) =>
        writeFile(join(root, file), ''),
      ),
    );
    expect(await collectFiles(['docs/**/*', 'README.md', 'docs/a.md'], root)).toEqual([
      'README.md',
      'docs/a.md',
      'docs/b.mdx',
      'docs/sub/c.md',
    ]);
  });

  it('takes a folder for the Markdown files in it and below, outside node_modules', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-collect-'));
    await mkdir(join(root, 'docs/sub'), { recursive: true });
    await mkdir(join(root, 'docs/node_modules/x'), { recursive: true });
    await Promise.all(
      ['docs/a.md', 'docs/sub/c.mdx', 'docs/x.txt', 'docs/node_modules/x/README.md'].map((file) =>
        writeFile(join(root, file), ''),
      ),
    );
    expect(await collectFiles(['docs/'], root)).toEqual(['docs/a.md', 'docs/sub/c.mdx']);
    expect(await collectFiles(['docs'], root)).toEqual(['docs/a.md', 'docs/sub/c.mdx']);
  });

  it('takes a named file as it is, anywhere, and still only Markdown outside node_modules', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-collect-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'dfv-collect-elsewhere-'));
    await mkdir(join(root, 'node_modules/x'), { recursive: true });
    await Promise.all(
      ['a.md', 'notes.txt', 'node_modules/x/README.md'].map((file) =>
        writeFile(join(root, file), ''),
      ),
    );
    await writeFile(join(elsewhere, 'page.md'), '');
    expect(await collectFiles(['a.md', './a.md'], root)).toEqual(['a.md']);
    expect(await collectFiles([join(elsewhere, 'page.md')], root)).toEqual([
      relative(root, join(elsewhere, 'page.md')),
    ]);
    await expect(collectFiles(['notes.txt'], root)).rejects.toThrow('notes.txt');
    await expect(collectFiles(['node_modules/x/README.md'], root)).rejects.toThrow('README.md');
  });

  it('refuses a pattern that matches nothing', async () => {
    await expect(collectFiles(['nope/**/*.md'], tmpdir())).rejects.toThrow(
      'No Markdown or MDX file matches nope/**/*.md',
    );
  });
});
