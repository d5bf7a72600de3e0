import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourcePage } from '../../../scripts/lib/extract/read-pages.ts';
import { applyUpdates } from '../../../scripts/lib/update/apply-updates.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const source = '```console\n$ echo new\nold\n```\n';

async function writePage(): Promise<SourcePage> {
  const file = join(await mkdtemp(join(tmpdir(), 'dfv-apply-')), 'a.md');
  await writeFile(file, source);
  const extractedPage = extractValidPage(source, file);
  return { file, page: extractedPage, source, weight: 1 };
}

const printing =
  (...lines: string[]) =>
  () =>
    lines;

describe('applyUpdates', () => {
  it('rewrites a drifted page once when every leg prints the same', async () => {
    const page = await writePage();
    const results = ['28.5/containerd', '26.1/overlay2'].map((leg) =>
      simulatePage(source, page.file, printing('new'), leg),
    );
    expect(await applyUpdates([page], results)).toEqual([
      { file: page.file, rewritten: [2], refused: [], skipped: [] },
    ]);
    expect(await readFile(page.file, 'utf8')).toBe('```console\n$ echo new\nnew\n```\n');
  });

  it('writes nothing where the legs print different output, and says why', async () => {
    const page = await writePage();
    const results = [
      simulatePage(source, page.file, printing('new'), '28.5/containerd'),
      simulatePage(source, page.file, printing('other'), '26.1/overlay2'),
    ];
    const [update] = await applyUpdates([page], results);
    expect(update?.rewritten).toEqual([]);
    expect(update?.refused.map((refusal) => refusal.line)).toEqual([2]);
    expect(update?.refused[0]?.reason).toMatch(/legs print different output/);
    expect(await readFile(page.file, 'utf8')).toBe(source);
  });

  it('refuses to write over a file edited while it was verified', async () => {
    const page = await writePage();
    await writeFile(page.file, `${source}\nedited\n`);
    const results = [simulatePage(source, page.file, printing('new'))];
    await expect(applyUpdates([page], results)).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(await readFile(page.file, 'utf8')).toBe(`${source}\nedited\n`);
  });
});
