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
    [
      'an image the mirror lacks',
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": Bad Gateway',
      'IMAGE_NOT_FOUND',
    ],
    [
      'an unknown tag',
      'Error response from daemon: manifest unknown: manifest unknown',
      'IMAGE_NOT_FOUND',
    ],
    [
      'an image the mirror lacks, as the containerd image store says it',
      'Error response from daemon: failed to resolve reference "docker.io/library/redis:7": docker.io/library/redis:7: not found',
      'IMAGE_NOT_FOUND',
    ],
    [
      'a rate limit',
      'Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit.',
      'REGISTRY_UNREACHABLE',
    ],
    [
      'an npm registry out of reach in a build',
      '#8 [3/4] RUN npm ci\n#8 12.31 npm error code EAI_AGAIN\n#8 12.31 npm error syscall getaddrinfo\n#8 12.32 npm error request to https://registry.npmjs.org/pg failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
      'REGISTRY_UNREACHABLE',
    ],
    [
      'an npm registry that refuses connections',
      'npm ERR! code ECONNREFUSED\nnpm ERR! errno ECONNREFUSED\nnpm ERR! request to https://registry.npmjs.org/pg failed, reason: connect ECONNREFUSED 198.51.100.7:443',
      'REGISTRY_UNREACHABLE',
    ],
    [
      'a Debian mirror out of reach',
      "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'",
      'REGISTRY_UNREACHABLE',
    ],
    [
      'a download without a name server',
      'curl: (6) Could not resolve host: registry.npmjs.org',
      'REGISTRY_UNREACHABLE',
    ],
    ['a missing host tool', 'bash: brew: command not found', 'MISSING_TOOL'],
    ['a missing sudo', 'bash: line 1: sudo: command not found', 'MISSING_TOOL'],
    ['a command that needs a terminal', 'the input device is not a TTY', 'NEEDS_TERMINAL'],
    [
      'a command that needs a terminal, as Docker 29 says it',
      'cannot attach stdin to a TTY-enabled container because stdin is not a terminal',
      'NEEDS_TERMINAL',
    ],
    [
      'kubectl without a cluster',
      'E0101 00:00:00.000000 1 memcache.go:265] couldn\'t get current server API group list: Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?',
      'MISSING_SERVICE',
    ],
    [
      'a change to what the user had, refused in host mode',
      'Error response from daemon: verify-examples: the container web was there before the page started; on your own daemon (--docker host) a page never changes or removes what it did not create',
      'HOST_STATE_KEPT',
    ],
  ])('finds %s', (_name, output, code) => {
    expect(classifyFailure(output, [])?.code).toBe(code);
  });

  it('leaves messages the page documents itself to the comparison', () => {
    const output =
      'Error response from daemon: pull access denied for nosuchimage, repository does not exist';
    expect(classifyFailure(output, [output])).toBeUndefined();
  });

  it('says each problem in one line', () => {
    const problem = classifyFailure(
      'Using default tag: latest\nError response from daemon: Get "https://registry-1.docker.io/v2/": Bad Gateway\n',
      [],
    );
    expect(problem?.message).toBe(
      'An image the page uses cannot be pulled here: Error response from daemon: Get "https://registry-1.docker.io/v2/": Bad Gateway',
    );
    expect(classifyFailure('bash: kubectl: command not found', [])?.message).toBe(
      '`kubectl` is not installed here, and the page assumes it',
    );
  });

  it.each([
    'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    'Error response from daemon: manifest for localhost:5000/app:latest not found: manifest unknown: manifest unknown',
    'Error response from daemon: Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    'npm error code ECONNREFUSED\nnpm error request to http://localhost:4873/left-pad failed, reason: connect ECONNREFUSED 127.0.0.1:4873',
  ])('leaves a registry the page runs on its own machine to the page: %s', (output) => {
    // The page starts its registry itself, so it publishes its port.
    expect(classifyFailure(output, [], new Set([5000, 4873]))).toBeUndefined();
  });

  it.each([
    "curl: (7) Failed to connect to localhost port 5432 after 0 ms: Couldn't connect to server",
    'psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
    'Connecting to localhost (localhost)|127.0.0.1|:5432... failed: Connection refused.',
    "ERROR 2003 (HY000): Can't connect to MySQL server on 'localhost:5432' (111)",
  ])(
    'takes a refused connection to a port the page never publishes for a missing service: %s',
    (output) => {
      const problem = classifyFailure(output, [], new Set([8080]));
      expect(problem?.code).toBe('MISSING_SERVICE');
      expect(problem?.message).toContain('port 5432');
    },
  );

  it('leaves a refused connection to a port the page publishes to the page', () => {
    const output =
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server";
    expect(classifyFailure(output, [], new Set([8080]))).toBeUndefined();
    expect(classifyFailure(output, [], 'any')).toBeUndefined();
  });

  it('does not take a client without a daemon for a dead daemon', () => {
    const output =
      'Cannot connect to the Docker daemon at unix:///tmp/no-daemon.sock. Is the docker daemon running?';
    expect(classifyFailure(output, [])).toBeUndefined();
  });
});
