import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ShellProcess,
  startShell,
} from '../../../../scripts/lib/run/session/shell-process.ts';

// A real bash, as the pages get: these tests run no Docker, only the shell protocol.
let shell: ShellProcess | undefined;
afterEach(() => shell?.close());

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'dfv-shell-'));
  let count = 0;
  const file = async (text: string) => {
    const path = join(dir, `f${count++}`);
    await writeFile(path, text);
    return path;
  };
  shell = startShell({
    argv: ['bash', '--noprofile', '--norc'],
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
  });
  const current = shell;
  const run = async (command: string, stdin?: string, timeoutMs = 10_000) =>
    current.run(
      await file(`${command}\n`),
      stdin === undefined ? undefined : await file(stdin),
      timeoutMs,
    );
  return { run, shell: current };
}

describe('startShell', () => {
  it('keeps variables, functions, options and the directory between commands', async () => {
    const { run } = await setup();
    await run('X=1; greet() { echo "hi $1"; }; shopt -s nullglob; cd /');
    expect(await run('echo $X; greet you; shopt -q nullglob && echo on; pwd')).toMatchObject({
      hasStarted: true,
      timedOut: false,
      exitCode: 0,
      all: '1\nhi you\non\n/\n',
    });
  });

  it('merges stdout and stderr in the order they were written, and reports the status', async () => {
    const { run } = await setup();
    expect(
      await run('echo out; echo err >&2; echo out2; exit_with() { return $1; }; exit_with 4'),
    ).toMatchObject({
      exitCode: 4,
      all: 'out\nerr\nout2\n',
    });
  });

  it('keeps output without a final newline exact', async () => {
    const { run } = await setup();
    expect(
      (await run('printf "no newline"')).exitCode === 0 && (await run('printf abc')),
    ).toMatchObject({ all: 'abc' });
  });

  it('finds the end of a long output that arrives in many chunks, then runs the next command', async () => {
    const { run } = await setup();
    const long = await run("head -c 300000 /dev/zero | tr '\\0' x; echo; echo done");
    expect(long).toMatchObject({ hasStarted: true, timedOut: false, exitCode: 0 });
    expect(long.all).toBe(`${'x'.repeat(300_000)}\ndone\n`);
    expect(await run('echo next')).toMatchObject({ exitCode: 0, all: 'next\n' });
  });

  it('gives a command its own stdin, never the next commands', async () => {
    const { run } = await setup();
    expect(await run('cat')).toMatchObject({ all: '' });
    expect(await run('cat', 'typed\n')).toMatchObject({ all: 'typed\n' });
    expect(await run('echo still here')).toMatchObject({ all: 'still here\n' });
  });

  it('handles heredocs and unbalanced text as a reader would type them', async () => {
    const { run } = await setup();
    expect(await run("cat <<'EOF'\n$HOME is not expanded\nEOF")).toMatchObject({
      all: '$HOME is not expanded\n',
    });
    expect(await run('echo "unclosed')).toMatchObject({ exitCode: 2 });
    expect(await run('echo after')).toMatchObject({ all: 'after\n' });
  });

  it('reports an `exit` as the command status and the shell as gone', async () => {
    const { run, shell: current } = await setup();
    expect(await run('echo bye; exit 7')).toMatchObject({
      hasStarted: true,
      timedOut: false,
      exitCode: 7,
      all: 'bye\n',
    });
    expect(current.isAlive()).toBe(false);
    expect(await run('echo never')).toMatchObject({ hasStarted: false });
  });

  it('kills the whole process group at a timeout', async () => {
    const { run, shell: current } = await setup();
    const outcome = await run('echo started; sleep 30 & sleep 30', undefined, 500);
    expect(outcome).toMatchObject({ timedOut: true, all: 'started\n' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(current.isAlive()).toBe(false);
  });
});

describe('startShell status', () => {
  it('leaves the last status in `$?` for the next command, as a terminal does', async () => {
    const { run } = await setup();
    expect(await run('(exit 3)')).toMatchObject({ exitCode: 3 });
    expect(await run('echo $?')).toMatchObject({ exitCode: 0, all: '3\n' });
  });
});
