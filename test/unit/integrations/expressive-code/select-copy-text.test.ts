import { describe, expect, it } from 'vitest';
import { selectCopyText } from '../../../../src/integrations/expressive-code/select-copy-text.ts';

const transcript = [
  '$ docker run --rm \\',
  '>   alpine echo hello',
  'hello',
  "$ cat > Dockerfile <<'EOF'",
  '> # syntax=docker/dockerfile:1',
  '> FROM alpine',
  '> EOF',
  '$ docker build -q .',
  'sha256:[..]',
].join('\n');

const transcriptCommands = [
  'docker run --rm \\',
  '  alpine echo hello',
  "cat > Dockerfile <<'EOF'",
  '# syntax=docker/dockerfile:1',
  'FROM alpine',
  'EOF',
  'docker build -q .',
].join('\n');

const script = '# remove stopped containers\ndocker container prune -f\n';

describe('selectCopyText', () => {
  it.each([
    ['console', transcript, transcriptCommands],
    ['shell-session', transcript, transcriptCommands],
    ['console', '# id -u\n0\n# whoami\nroot\n', 'id -u\nwhoami'],
    ['console', '$ cat Dockerfile\n# a comment in the output\nFROM alpine\n', 'cat Dockerfile'],
    ['bash', transcript, transcriptCommands],
    ['', '$ docker version\nClient: Docker Engine\n', 'docker version'],
    [
      'console',
      '$ docker run -it --rm busybox sh\n/ # hostname\n4c1d6e5b8a37\n/ # exit\n',
      'docker run -it --rm busybox sh\nhostname\nexit',
    ],
    ['console', 'PS C:\\> docker ps\nCONTAINER ID\n', 'docker ps'],
    ['console', 'CONTAINER ID   IMAGE\n', 'CONTAINER ID   IMAGE\n'],
    ['sh', script, script],
    ['bash', script, script],
    ['shell', script, script],
    [
      'dockerfile',
      '# syntax=docker/dockerfile:1\nFROM alpine',
      '# syntax=docker/dockerfile:1\nFROM alpine',
    ],
  ])('copies from a %s block what a reader should paste', (language, code, expected) => {
    expect(selectCopyText(language, code)).toBe(expected);
  });
});
