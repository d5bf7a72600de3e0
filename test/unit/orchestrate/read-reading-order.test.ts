import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../scripts/lib/collect/collect-files.ts';
import { projectSettingsSchema } from '../../../scripts/lib/config/project-settings.ts';
import { toolbox } from '../../../scripts/lib/core/reader-toolbox.ts';
import { readPages } from '../../../scripts/lib/extract/read-pages.ts';
import { readReadingOrder } from '../../../scripts/lib/orchestrate/read-reading-order.ts';

const repository = join(import.meta.dirname, '../../..');

/** A site: its settings file, read as the verifier reads it. */
async function readSite(settingsFile: string) {
  const settings = projectSettingsSchema.parse(JSON.parse(await readFile(settingsFile, 'utf8')));
  const folder = join(settingsFile, '..', settings.reader?.pages ?? '.');
  const files = await collectFiles([relative(process.cwd(), folder)]);
  return { settings, settingsFile, files };
}

const sites = {
  'the chapters': join(repository, 'verify-examples.json'),
  'the journey fixture': join(repository, 'test/fixtures/journey/verify-examples.json'),
};

describe('readReadingOrder', () => {
  // A run reads the pages it does not run by their frontmatter alone; a journey reads them all.
  it.each(Object.entries(sites))(
    'gives a page run alone the order and toolboxes of all pages read in full: %s',
    async (_, file) => {
      const { settings, settingsFile, files } = await readSite(file);
      const { pages } = await readPages(files, settings);
      const full = await readReadingOrder(pages, settings, settingsFile, toolbox);
      expect(full.pages.length).toBe(files.length);
      for (const page of pages) {
        const alone = await readReadingOrder([page], settings, settingsFile, toolbox);
        expect(alone.pages, page.file).toEqual(full.pages);
        expect(alone.toolboxes, page.file).toEqual(full.toolboxes);
        expect(alone.runPages).toEqual([page]);
      }
    },
  );

  it('names the later page that installs a tool, read by its frontmatter alone', async () => {
    const { settings, settingsFile, files } = await readSite(sites['the journey fixture']);
    const early = files.filter((file) => file.endsWith('jq-too-early.md'));
    const { pages } = await readPages(early, settings);
    const order = await readReadingOrder(pages, settings, settingsFile, toolbox);
    expect(order.pages.map((page) => page.file.split('/').at(-1))).toEqual([
      'run-a-shop.md',
      'a-second-shop.md',
      'jq-too-early.md',
      'install-jq.md',
    ]);
    const jq = order.toolboxes?.get(early[0] ?? '')?.hidden.find((tool) => tool.tool === 'jq');
    expect(jq?.installedBy).toEqual({
      file: files.find((file) => file.endsWith('install-jq.md')),
      line: 9,
    });
  });
});
