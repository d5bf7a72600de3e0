import { describe, expect, it } from 'vitest';
import { readBlock, selectCommands } from '../../../scripts/lib/core/read-block.ts';

const kindOf = (language: string | null, text: string) => {
  const block = readBlock(language, text);
  return block.kind === 'unchecked' ? `unchecked:${block.category}` : block.kind;
};

describe('readBlock', () => {
  it.each([
    ['console', '$ docker ps\nCONTAINER ID\n', 'transcript'],
    ['shell-session', '$ docker ps\n', 'transcript'],
    ['sh-session', '$ docker ps\n', 'transcript'],
    ['shellsession', '$ docker ps\n', 'transcript'],
    ['terminal', 'me@laptop:~$ docker ps\n', 'transcript'],
    ['bash', '$ docker ps\nCONTAINER ID\n', 'transcript'],
    ['sh', '# pull first\n$ docker pull busybox\n', 'transcript'],
    ['zsh', '% docker ps\n', 'transcript'],
    [null, '$ docker version\n', 'transcript'],
    ['console', '# apt-get install docker.io\n', 'transcript'],
    ['console', 'CONTAINER ID   IMAGE\n', 'unchecked:output-only'],
    ['console', '', 'unchecked:output-only'],
    ['terminal', '/ # ls\nbin\n', 'unchecked:container-session'],
    ['console', '/ # exit\n', 'unchecked:session-end'],
    ['console', '$ exit\n', 'unchecked:session-end'],
    ['sh', 'exit\n', 'unchecked:session-end'],
    ['console', 'PS C:\\> docker ps\n', 'unchecked:windows'],
    ['console', 'C:\\Users\\me> docker ps\n', 'unchecked:windows'],
    ['powershell', 'docker ps\n', 'unchecked:windows'],
    [null, 'docker run hello-world\n', 'unchecked:no-language'],
    ['bash', '# remove stopped containers\ndocker container prune -f\n', 'script'],
    ['sh', 'echo $HOME\n$HOME/bin/tool\n', 'script'],
    [null, '# A heading in an example\nsome text\n', 'other'],
    ['yaml', 'services:\n  web: {}\n', 'other'],
    ['text', '$ not a prompt here\n', 'other'],
  ])('reads a %s block %j as %s', (language, text, expected) => {
    expect(kindOf(language, text)).toBe(expected);
  });

  it('reads `#` as a root prompt only in a terminal fence without `$` prompts', () => {
    const root = readBlock('console', '# whoami\nroot\n');
    expect(root.kind === 'transcript' && root.transcript.family).toBe('#');
    const mixed = readBlock('console', '# a comment\n$ whoami\nroot\n');
    expect(mixed.kind === 'transcript' && mixed.transcript.steps.map((s) => s.command)).toEqual([
      'whoami',
    ]);
  });

  it('glues `$word` prompts only where no other prompt is, and never in a script fence', () => {
    expect(kindOf('console', '$docker ps\nCONTAINER ID\n')).toBe('transcript');
    expect(kindOf('bash', '$EDITOR notes.txt\n')).toBe('script');
  });
});

describe('selectCommands', () => {
  // The copy button's cases are in test/unit/integrations/expressive-code/select-copy-text.test.ts.
  it.each([
    ['console', '# id -u\n0\n# whoami\nroot\n', 'id -u\nwhoami'],
    [
      'console',
      '# list them\n$ docker ps\nCONTAINER ID\n\n# then stop\n$ docker stop web\n',
      'docker ps\ndocker stop web',
    ],
    ['console', '$ cat <<EOF > f\na\n# b\nEOF\n$ cat f\na\n', 'cat <<EOF > f\na\n# b\nEOF\ncat f'],
    ['terminal', 'me@laptop:~$ docker ps\nCONTAINER ID\n', 'docker ps'],
    ['console', '/ # ls /\nbin\n/ # exit\n', 'ls /\nexit'],
  ])('copies from a %s block what a reader should paste (%#)', (language, code, expected) => {
    expect(selectCommands(language, code)).toBe(expected);
  });
});
