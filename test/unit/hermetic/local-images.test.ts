import { describe, expect, it } from 'vitest';
import { selectCreatedReferences } from '../../../scripts/hermetic/local-images.ts';

describe('selectCreatedReferences', () => {
  const hello = '127.0.0.1:5555/library/hello-world:latest';
  const debian = '127.0.0.1:5555/library/debian:bookworm-slim';

  it('removes only mirror tags that appeared during the run', () => {
    const before = new Set(['busybox:latest', debian]);
    const now = new Set(['busybox:latest', debian, hello, '127.0.0.1:5555/library/registry:2']);
    expect(selectCreatedReferences(before, now)).toEqual([
      hello,
      '127.0.0.1:5555/library/registry:2',
    ]);
  });

  it('never touches the Docker Hub names or other tags, even new ones', () => {
    const now = new Set([
      'hello-world:latest',
      '127.0.0.1:5555/library/mine:1',
      'localhost:5000/busybox:latest',
    ]);
    expect(selectCreatedReferences(new Set(), now)).toEqual([]);
  });
});
