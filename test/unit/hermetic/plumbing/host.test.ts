import { describe, expect, it } from 'vitest';
import { toDockerLibraryArch } from '../../../../scripts/hermetic/plumbing/host.ts';

describe('toDockerLibraryArch', () => {
  it.each([
    ['amd64', 'amd64'],
    ['arm64', 'arm64v8'],
    ['armhf', 'arm32v7'],
    ['ppc64el', 'ppc64le'],
    ['s390x', 's390x'],
    ['loong64', 'loong64'],
  ])('%s -> %s, as hello-world prints it', (debian, library) => {
    expect(toDockerLibraryArch(debian)).toBe(library);
  });
});
