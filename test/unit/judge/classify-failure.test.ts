import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../scripts/lib/judge/classify-failure.ts';

describe('classifyFailure', () => {
  it.each([
    [
      'an unreachable registry',
      'Unable to find image \'busybox:latest\' locally\ndocker: Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host',
      'REGISTRY_UNREACHABLE',
    ],
    [
      'a missing image',
      'Error response from daemon: pull access denied for nosuchimage, repository does not exist',
      'IMAGE_NOT_FOUND',
    ],
  ])('finds %s', (_name, output, code) => {
    expect(classifyFailure(output, [])?.code).toBe(code);
  });

  it('leaves messages the page documents itself to the comparison', () => {
    const output =
      'Error response from daemon: pull access denied for nosuchimage, repository does not exist';
    expect(classifyFailure(output, [output])).toBeUndefined();
  });

  it('does not take a client without a daemon for a dead daemon', () => {
    const output =
      'Cannot connect to the Docker daemon at unix:///tmp/no-daemon.sock. Is the docker daemon running?';
    expect(classifyFailure(output, [])).toBeUndefined();
  });
});
