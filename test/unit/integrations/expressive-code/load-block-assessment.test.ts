import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpressiveCodeBlock } from '@astrojs/starlight/expressive-code';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBlockAssessment } from '../../../../src/integrations/expressive-code/load-block-assessment.ts';

const page = (command: string) =>
  `---\ntitle: P\nverify:\n  values:\n    ID: { shown: abc, pattern: '[a-z]+' }\n---\n\n\`\`\`console\n$ ${command}\nabc\n\`\`\`\n`;

let root: string;
let file: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'block-assessment-'));
  await mkdir(join(root, 'docs'));
  await mkdir(join(root, 'verification'));
  const settings = { record: { pages: 'docs', dir: 'verification' } };
  await writeFile(join(root, 'verify-examples.json'), JSON.stringify(settings));
  file = join(root, 'docs/page.md');
  await writeFile(file, page('docker ps --quiet'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A block of the page as Expressive Code hands it to a plugin's hooks. */
const blockOfPage = () =>
  new ExpressiveCodeBlock({
    code: '$ docker ps --quiet\nabc',
    language: 'console',
    meta: '',
    parentDocument: { sourceFilePath: file },
  });

describe('loadBlockAssessment', () => {
  it('loads the page once for both hooks of one block', async () => {
    const block = blockOfPage();
    const first = loadBlockAssessment(block, root);
    expect(loadBlockAssessment(block, root)).toBe(first);
    expect((await first)?.blocks.map((assessed) => assessed.state)).toEqual(['unrecorded']);
    expect((await first)?.values.map((value) => value.name)).toEqual(['ID']);
  });

  it('reads the page again for another block, so an edit shows', async () => {
    const before = await loadBlockAssessment(blockOfPage(), root);
    await writeFile(file, page('docker images --quiet'));
    const after = await loadBlockAssessment(blockOfPage(), root);
    expect(before?.blocks[0]?.snippet.code).toContain('docker ps');
    expect(after?.blocks[0]?.snippet.code).toContain('docker images');
  });

  it('is undefined for a block outside a page', async () => {
    const block = new ExpressiveCodeBlock({ code: '$ true', language: 'console', meta: '' });
    expect(await loadBlockAssessment(block, root)).toBeUndefined();
  });
});
