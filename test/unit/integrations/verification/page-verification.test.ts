import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeRecord } from '../../../../scripts/lib/record/record-schema.ts';
import { loadJourneyHashes } from '../../../../src/integrations/verification/journey-hashes.ts';
import {
  loadPageAssessment,
  loadPageVerification,
} from '../../../../src/integrations/verification/page-verification.ts';

const page = (order: number, command: string) =>
  `---\ntitle: P${order}\nsidebar:\n  order: ${order}\n---\n\n\`\`\`console\n$ ${command}\n\`\`\`\n`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'page-verification-'));
  await mkdir(join(root, 'docs'));
  await mkdir(join(root, 'verification'));
  const settings = { record: { pages: 'docs', dir: 'verification' } };
  await writeFile(join(root, 'verify-examples.json'), JSON.stringify(settings));
  await writeFile(join(root, 'docs/first.md'), page(1, 'docker run -d --name shop busybox'));
  await writeFile(join(root, 'docs/second.md'), page(2, 'docker ps --quiet'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The record `--journey --record` writes for second.md, with the journey hash of now. */
async function recordJourney(result: 'pass' | 'drift') {
  const location = { root, pages: 'docs', dir: 'verification' };
  const hash = (await loadJourneyHashes(location)).get('docs/second.md') ?? '';
  const record = {
    page: 'docs/second.md',
    blocks: [],
    readingOrder: { '29.7/containerd': { result, date: '2026-12-07', hash } },
  };
  await writeFile(join(root, 'verification/second.json'), serializeRecord(record));
}

describe('loadPageVerification: the proof in reading order', () => {
  it('holds while the page and every page before it are as the journey ran them', async () => {
    await recordJourney('pass');
    const second = join(root, 'docs/second.md');
    expect((await loadPageVerification(second, root))?.readingOrder).toEqual({
      legs: ['29.7/containerd'],
      day: '2026-12-07',
    });
    // The earlier page changes, not this one nor its record: the proof is of other text now.
    await writeFile(join(root, 'docs/first.md'), page(1, 'docker run -d --name store busybox'));
    expect((await loadPageVerification(second, root))?.readingOrder).toBeUndefined();
  });

  it('is no proof when the journey did not pass the page', async () => {
    await recordJourney('drift');
    const second = join(root, 'docs/second.md');
    expect((await loadPageVerification(second, root))?.readingOrder).toBeUndefined();
  });
});

describe('loadPageAssessment: what a mark under an example needs', () => {
  it('is the verification’s blocks and values, without the proof in reading order', async () => {
    await recordJourney('pass');
    const second = join(root, 'docs/second.md');
    const { readingOrder, ...assessment } = (await loadPageVerification(second, root)) ?? {};
    expect(readingOrder).toBeDefined();
    expect(await loadPageAssessment(second, root)).toEqual(assessment);
  });

  it('is undefined for a page the record does not cover', async () => {
    await writeFile(join(root, 'elsewhere.md'), page(3, 'docker ps'));
    expect(await loadPageAssessment(join(root, 'elsewhere.md'), root)).toBeUndefined();
  });
});
