import { describe, expect, it } from 'vitest';
import { findRecordFile, namePage } from '../../../scripts/lib/record/record-path.ts';

const location = { root: '/repo', pages: 'src/content/docs', dir: 'src/content/verification' };

describe('findRecordFile', () => {
  it.each([
    ['src/content/docs/images.mdx', '/repo/src/content/verification/images.json'],
    ['/repo/src/content/docs/guides/a.md', '/repo/src/content/verification/guides/a.json'],
    ['README.md', undefined],
    ['src/content/docs-old/a.md', undefined],
    ['/elsewhere/src/content/docs/a.md', undefined],
  ])('%s → %s', (page, expected) => {
    expect(findRecordFile(page, location)).toBe(expected);
  });
});

describe('namePage', () => {
  it('names a page relative to the root, with slashes', () => {
    expect(namePage('/repo/src/content/docs/a.mdx', '/repo')).toBe('src/content/docs/a.mdx');
    expect(namePage('src/content/docs/a.mdx', '/repo')).toBe('src/content/docs/a.mdx');
  });
});
