import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireDocker } from '../helpers/docker.ts';
import { copyFixturesFrom, runCli } from '../helpers/run-cli.ts';
import { runCliInPty } from '../helpers/run-in-pty.ts';

beforeAll(requireDocker);

const page = 'drifted-twice.md';
const legs = ['--docker', 'sandbox', '--leg', '28.5/containerd', '--leg', '28.5/overlay2'];

describe('verify-examples --update --review', () => {
  it('asks at a terminal: one accepted, one skipped, one the legs disagree on not offered', async () => {
    const root = await copyFixturesFrom('review', page);
    const original = await readFile(join(root, page), 'utf8');
    const run = runCliInPty(root, [page, '--update', '--review', ...legs]);
    await run.waitFor('a accept · s skip · A accept all remaining · q quit · ? help');
    run.type('a');
    await run.waitFor('written to');
    await run.waitFor('? help', 2);
    run.type('s');
    const { exitCode, screen } = await run.done;
    expect(await readFile(join(root, page), 'utf8')).toBe(original.replace('uno\n', 'one\n'));
    expect(screen).toContain('Review: 2 changes');
    expect(screen).toMatch(
      /drifted-twice\.md:4 {2}28\.5\/containerd, 28\.5\/overlay2\n {2}\$ echo one/,
    );
    // Each leg's storage driver differs: shown, explained, never written.
    expect(screen).toMatch(/drifted-twice\.md:18 {2}not offered/);
    expect(screen).toContain('28.5/containerd drifts, 28.5/overlay2 drifts');
    expect(screen).toMatch(/condition .*verify\.values/);
    expect(screen).toContain('updated drifted-twice.md  output of the command at line 4');
    expect(screen).toContain('skipped drifted-twice.md:11  left as documented');
    expect(screen).toMatch(/not updated drifted-twice\.md:18 .*legs print different output/);
    expect(exitCode).toBe(1);
  });

  it('refuses without a terminal, before running anything', async () => {
    const root = await copyFixturesFrom('review', page);
    const result = await runCli(root, [page, '--update', '--review', ...legs]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain('--review asks about each change at a terminal');
    expect(result.output).toContain('use --update alone');
    expect(result.output).not.toContain('Docker client');
  });
});
