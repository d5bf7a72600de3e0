import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../../../../scripts/lib/extract/extract-snippets.ts';
import { extractPage } from '../../../../src/integrations/verification/extract-page.ts';

const matrix = [
  { name: '28.5/containerd', engine: '28.5', store: 'containerd' as const },
  { name: '26.1/overlay2', engine: '26.1', store: 'overlay2' as const },
];
const source = '```console\n$ docker ps\n```\n\n```console engine=">=29"\n$ true\n```\n';

describe('extractPage', () => {
  it('is the page extractSnippets reads', () => {
    const page = extractPage('/docs/read.mdx', source, matrix);
    expect(page).toEqual(extractSnippets(source, '/docs/read.mdx', { matrix }).page);
  });

  it('extracts a file once while its text and the matrix stay the same', () => {
    const first = extractPage('/docs/once.mdx', source, matrix);
    expect(extractPage('/docs/once.mdx', source, [...matrix])).toBe(first);
  });

  it('extracts again when the text or the matrix changes', () => {
    const first = extractPage('/docs/again.mdx', source, matrix);
    const edited = extractPage('/docs/again.mdx', source.replace('ps', 'images'), matrix);
    expect(edited).not.toBe(first);
    expect(edited.snippets[0]?.hash).not.toBe(first.snippets[0]?.hash);
    const other = extractPage('/docs/again.mdx', source.replace('ps', 'images'), []);
    expect(other).not.toBe(edited);
  });

  it('gives the same block hashes with or without a matrix (it adds problems only)', () => {
    const withMatrix = extractPage('/docs/hashes.mdx', source, matrix);
    const without = extractPage('/docs/hashes.mdx', source, []);
    expect(withMatrix.snippets[1]?.body.kind).toBe('invalid');
    expect(without.snippets[1]?.body.kind).not.toBe('invalid');
    const hashes = (page: typeof without) => page.snippets.map((snippet) => snippet.hash);
    expect(hashes(withMatrix)).toEqual(hashes(without));
  });
});
