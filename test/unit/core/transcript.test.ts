import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../scripts/lib/core/transcript.ts';

const commands = (text: string, family: '$' | '#' = '$') =>
  parseTranscript(text, family).steps.map((step) => step.command);

describe('parseTranscript', () => {
  it('splits prompts, commands and output', () => {
    const transcript = parseTranscript('$ echo hi\nhi\n$ true\n$ ls\na\nb\n');
    expect(transcript.family).toBe('$');
    expect(transcript.steps).toEqual([
      {
        command: 'echo hi',
        commandLines: { start: 0, end: 1 },
        output: ['hi'],
        outputLines: { start: 1, end: 2 },
        terminal: undefined,
      },
      {
        command: 'true',
        commandLines: { start: 2, end: 3 },
        output: [],
        outputLines: { start: 3, end: 3 },
        terminal: undefined,
      },
      {
        command: 'ls',
        commandLines: { start: 3, end: 4 },
        output: ['a', 'b'],
        outputLines: { start: 4, end: 6 },
        terminal: undefined,
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

  it('keeps heredoc bodies written without `> ` with their command', () => {
    const text = '$ cat <<EOF > app.conf\nport: 80\n# a comment\nEOF\n$ cat app.conf\nport: 80\n';
    const [heredoc, cat] = parseTranscript(text).steps;
    expect(heredoc?.command).toBe('cat <<EOF > app.conf\nport: 80\n# a comment\nEOF');
    expect(heredoc?.output).toEqual([]);
    expect(cat?.output).toEqual(['port: 80']);
  });

  it('reads `<<-` heredocs with indented closing lines, and two heredocs on one line', () => {
    expect(commands('$ cat <<-END\n\tx\n\tEND\nout\n')).toEqual(['cat <<-END\n\tx\n\tEND']);
    expect(commands('$ paste <<A /dev/stdin <<B\n1\nA\n2\nB\n')).toEqual([
      'paste <<A /dev/stdin <<B\n1\nA\n2\nB',
    ]);
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

  it('reads a root transcript when told its family is `#`', () => {
    expect(commands('# whoami\nroot\n# id -u\n0\n', '#')).toEqual(['whoami', 'id -u']);
  });

  it('keeps `# ` lines as output in a `$` transcript', () => {
    const [step] = parseTranscript('$ cat Dockerfile\n# a comment\nFROM scratch\n').steps;
    expect(step?.output).toEqual(['# a comment', 'FROM scratch']);
  });

  it('reads `# ` lines before the first prompt, and right before a prompt, as comments', () => {
    const text =
      '# list the images\n$ docker images\nREPOSITORY\n\n# now the containers\n$ docker ps\n';
    const transcript = parseTranscript(text);
    expect(transcript.preamble).toEqual({ start: 0, end: 0 });
    expect(transcript.comments).toEqual([0, 4]);
    expect(transcript.steps.map((step) => step.output)).toEqual([['REPOSITORY'], []]);
  });

  it('recognises user@host, bracketed and root prompts in a `$` block', () => {
    const text =
      'me@laptop:~/app$ docker ps\nCONTAINER ID\n[me@box tmp]$ id -u\n1000\nroot@box:~# id -u\n0\n';
    expect(commands(text)).toEqual(['docker ps', 'id -u', 'id -u']);
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

describe('parseTranscript: interactive sessions', () => {
  it('keeps the session typed into `docker run -it` with its command, up to `exit`', () => {
    const text =
      '$ docker run -it --rm busybox sh\n/ # hostname\n4c1d6e5b8a37\n/ # exit\n$ docker ps -q\n';
    const [run, ps] = parseTranscript(text).steps;
    expect(run?.command).toBe('docker run -it --rm busybox sh');
    expect(run?.output).toEqual(['/ # hostname', '4c1d6e5b8a37', '/ # exit']);
    expect(run?.terminal).toEqual({ lines: ['hostname', 'exit'], isExitShown: true });
    expect(ps?.command).toBe('docker ps -q');
  });

  it('reads bash prompts inside a container, and `$ ` prompts up to an `exit`', () => {
    const debian =
      '$ docker exec -ti web bash\nroot@0e7f27a4508a:/# ls /srv\ndata\nroot@0e7f27a4508a:/# exit\nexit\n';
    const [exec] = parseTranscript(debian).steps;
    expect(exec?.terminal).toEqual({ lines: ['ls /srv', 'exit'], isExitShown: true });
    expect(exec?.output).toHaveLength(4);
    const plain = '$ docker exec -it --user 1000 web sh\n$ id -u\n1000\n$ exit\n';
    expect(parseTranscript(plain).steps).toHaveLength(1);
  });

  it('ends a session without `exit` at the host prompt', () => {
    const text = '$ docker attach web\n/ # ls\nbin\n$ docker ps\n';
    const [attach, ps] = parseTranscript(text).steps;
    expect(attach?.terminal).toEqual({ lines: ['ls'], isExitShown: false });
    expect(ps?.command).toBe('docker ps');
  });

  it('gives `docker compose exec` a terminal only when the page shows a session in it', () => {
    const [plain, session] = parseTranscript(
      '$ docker compose exec web cat /etc/hostname\nweb\n$ docker compose exec web sh\n/ # hostname\nweb\n/ # exit\n',
    ).steps;
    expect(plain?.terminal).toBeUndefined();
    expect(session?.terminal).toEqual({ lines: ['hostname', 'exit'], isExitShown: true });
  });

  it('gives `-it` commands a terminal even without a session, but not `-d` or plain runs', () => {
    const [tty, detached, plain] = parseTranscript(
      '$ docker run -it --rm busybox echo hi\nhi\n$ docker run -dit busybox\nabc\n$ docker run busybox\n',
    ).steps;
    expect(tty?.terminal).toEqual({ lines: [], isExitShown: false });
    expect(detached?.terminal).toBeUndefined();
    expect(plain?.terminal).toBeUndefined();
  });
});
