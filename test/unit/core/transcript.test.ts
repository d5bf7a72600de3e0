import { describe, expect, it } from 'vitest';
import { extractCommands, parseTranscript } from '../../../scripts/lib/core/transcript.ts';

describe('parseTranscript', () => {
  it('splits prompts, commands and output', () => {
    const transcript = parseTranscript('$ echo hi\nhi\n$ true\n$ ls\na\nb\n');
    expect(transcript.prompt).toBe('$');
    expect(transcript.steps).toEqual([
      {
        command: 'echo hi',
        commandLines: { start: 0, end: 1 },
        output: ['hi'],
        outputLines: { start: 1, end: 2 },
      },
      {
        command: 'true',
        commandLines: { start: 2, end: 3 },
        output: [],
        outputLines: { start: 3, end: 3 },
      },
      {
        command: 'ls',
        commandLines: { start: 3, end: 4 },
        output: ['a', 'b'],
        outputLines: { start: 4, end: 6 },
      },
    ]);
  });

  it('keeps backslash continuations with their command, with or without a `> ` prompt', () => {
    const transcript = parseTranscript('$ docker run \\\n  --rm \\\n> busybox echo hi\nhi\n');
    expect(transcript.steps[0]?.command).toBe('docker run \\\n  --rm \\\nbusybox echo hi');
    expect(transcript.steps[0]?.output).toEqual(['hi']);
  });

  it('reads heredoc bodies written with `> `, keeping `#` lines and blank `>` lines', () => {
    const text =
      "$ cat > Dockerfile <<'EOF'\n> # syntax comment\n> FROM scratch\n>\n> EOF\n$ ls\nDockerfile\n";
    const [heredoc, ls] = parseTranscript(text).steps;
    expect(heredoc?.command).toBe(
      "cat > Dockerfile <<'EOF'\n# syntax comment\nFROM scratch\n\nEOF",
    );
    expect(heredoc?.output).toEqual([]);
    expect(ls?.output).toEqual(['Dockerfile']);
  });

  it('does not read `>>` or `>x` output lines as continuations', () => {
    const [step] = parseTranscript('$ printf ">>x\\n"\n>>x\n').steps;
    expect(step?.output).toEqual(['>>x']);
  });

  it('treats an escaped trailing backslash as the end of the command', () => {
    const [step] = parseTranscript('$ echo a\\\\\na\\\n').steps;
    expect(step?.command).toBe('echo a\\\\');
    expect(step?.output).toEqual(['a\\']);
  });

  it('uses `#` as the prompt when the block starts with a root prompt', () => {
    const transcript = parseTranscript('# whoami\nroot\n# id -u\n0\n');
    expect(transcript.prompt).toBe('#');
    expect(transcript.steps.map((step) => step.command)).toEqual(['whoami', 'id -u']);
  });

  it('keeps `# ` lines as output in a `$` transcript', () => {
    const [step] = parseTranscript('$ cat Dockerfile\n# a comment\nFROM scratch\n').steps;
    expect(step?.output).toEqual(['# a comment', 'FROM scratch']);
  });

  it('reports lines before the first prompt as a preamble', () => {
    const transcript = parseTranscript('oops\n$ true\n');
    expect(transcript.preamble).toEqual({ start: 0, end: 1 });
    expect(transcript.steps).toHaveLength(1);
  });

  it('accepts CRLF line endings', () => {
    expect(parseTranscript('$ echo hi\r\nhi\r\n').steps[0]?.output).toEqual(['hi']);
  });
});

describe('extractCommands', () => {
  it.each([
    [
      'prompts and output are dropped',
      '$ docker ps\nCONTAINER ID   IMAGE\n$ docker images\n',
      'docker ps\ndocker images',
    ],
    [
      'continuations stay with their command',
      '$ docker run \\\n>   --rm hello-world\nHello\n',
      'docker run \\\n  --rm hello-world',
    ],
    [
      'root prompts are kept as commands',
      '# apt-get install -y docker.io\nReading package lists...\n',
      'apt-get install -y docker.io',
    ],
    [
      'heredocs keep their comment lines',
      "$ cat <<'EOF' > f\n> # keep me\n> EOF\n",
      "cat <<'EOF' > f\n# keep me\nEOF",
    ],
    ['a block without prompts copies nothing', 'just output\n', ''],
  ])('%s', (_name, text, expected) => {
    expect(extractCommands(text)).toBe(expected);
  });
});
