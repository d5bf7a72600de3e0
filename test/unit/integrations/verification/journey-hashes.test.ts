import { cp, glob, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectSettingsSchema } from '../../../../scripts/lib/config/project-settings.ts';
import { readPages } from '../../../../scripts/lib/extract/read-pages.ts';
import { readReadingOrder } from '../../../../scripts/lib/orchestrate/read-reading-order.ts';
import { namePage } from '../../../../scripts/lib/record/record-path.ts';
import { hashJourney } from '../../../../scripts/lib/record/record-reading-order.ts';
import { loadJourneyHashes } from '../../../../src/integrations/verification/journey-hashes.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/journey');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'journey-hashes-'));
  await cp(fixtures, join(root, 'docs'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The hashes `--journey --record` writes for the pages of `docs/`, in its reading order. */
async function hashAsJourney(): Promise<Map<string, string>> {
  const files: string[] = [];
  for await (const file of glob('docs/*.md', { cwd: root })) files.push(join(root, file));
  const settings = projectSettingsSchema.parse({ reader: { pages: 'docs', tools: ['curl'] } });
  const { pages } = await readPages(files);
  const order = await readReadingOrder(pages, settings, join(root, 'x.json'), []);
  return hashJourney(
    order.runPages.map(({ file, page }) => ({
      name: namePage(file, root),
      blockHashes: page.snippets.map((snippet) => snippet.hash),
    })),
  );
}

describe('loadJourneyHashes', () => {
  it('gives each page the hash a journey over the same pages records', async () => {
    const location = { root, pages: 'docs', dir: 'verification' };
    const site = await loadJourneyHashes(location);
    const journey = await hashAsJourney();
    expect(site.size).toBe(4);
    expect(site).toEqual(journey);
    expect([...site.keys()][0]).toBe('docs/run-a-shop.md');
  });

  it('changes a later page’s hash when an earlier page changes, not an earlier one’s', async () => {
    const location = { root, pages: 'docs', dir: 'verification' };
    const before = await loadJourneyHashes(location);
    const second = join(root, 'docs/a-second-shop.md');
    const source = await readFile(second, 'utf8');
    await writeFile(second, source.replace('sleep 600', 'sleep 601'));
    const after = await loadJourneyHashes(location);
    expect(after.get('docs/run-a-shop.md')).toBe(before.get('docs/run-a-shop.md'));
    expect(after.get('docs/a-second-shop.md')).not.toBe(before.get('docs/a-second-shop.md'));
    expect(after.get('docs/install-jq.md')).not.toBe(before.get('docs/install-jq.md'));
  });
});
