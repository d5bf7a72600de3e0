import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCRATCH_MARKER } from '../../../../scripts/lib/core/legs.ts';
import { type LegChoice, resolveLegs } from '../../../../scripts/lib/run/engine/resolve-legs.ts';

let folder: string;
const versions = {
  docker: '28.5.2',
  containerd: '2.1.9',
  runc: '1.3.6',
  buildx: '0.29.1',
  compose: '2.40.3',
  init: '0.19.0',
};

/** A bin folder with the engine's programs as empty executables, or some of them. */
async function makeBin(name: string, programs: readonly string[]): Promise<string> {
  const bin = join(folder, name);
  await mkdir(bin);
  for (const program of programs) {
    await writeFile(join(bin, program), '#!/bin/sh\n');
    await chmod(join(bin, program), 0o755);
  }
  return bin;
}

const allPrograms = ['dockerd', 'containerd', 'containerd-shim-runc-v2', 'runc', 'docker'];

async function writeLegsFile(
  legs: { name: string; bin: string }[],
  extra: { scratch?: string } = {},
): Promise<string> {
  const path = join(folder, 'legs.json');
  const file = {
    ...extra,
    mirror: 'http://127.0.0.1:5555',
    hostDaemon: 'unix:///cache/run/docker.sock',
    legs: legs.map(({ name, bin }) => {
      const [engine = '', store = ''] = name.split('/');
      return { name, engine, store, bin, versions };
    }),
  };
  await writeFile(path, JSON.stringify(file));
  return path;
}

const choice = (partial: Partial<LegChoice>): LegChoice => ({
  docker: 'auto',
  names: [],
  isCi: false,
  ...partial,
});
const canSandbox = () => [];
const cannotSandbox = () => ['sandboxes need root (namespaces and dockerd)'];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-legs-'));
});

describe('resolveLegs', () => {
  it('takes every leg of legs.json, with its bin, store, versions and the mirror', async () => {
    const bin = await makeBin('bin', allPrograms);
    const legsFile = await writeLegsFile([
      { name: '28.5/containerd', bin },
      { name: '26.1/overlay2', bin },
    ]);
    const provided = { versions };
    expect(await resolveLegs(choice({}), { legsFile, findBlockers: canSandbox })).toEqual({
      legs: [
        { name: '28.5/containerd', kind: 'sandbox', bin, store: 'containerd', provided },
        { name: '26.1/overlay2', kind: 'sandbox', bin, store: 'overlay2', provided },
      ],
      missing: [],
      mirror: 'http://127.0.0.1:5555',
    });
  });

  it("gives sandboxes hermetic's scratch folder while it holds the marker, unless TMPDIR is set", async () => {
    const bin = await makeBin('bin', allPrograms);
    const scratch = join(folder, 'scratch');
    await mkdir(scratch);
    const legsFile = await writeLegsFile([{ name: '28.5/containerd', bin }], { scratch });
    const resolve = (env: NodeJS.ProcessEnv) =>
      resolveLegs(choice({}), { legsFile, findBlockers: canSandbox, env });
    expect((await resolve({})).scratch).toBeUndefined();
    await writeFile(join(scratch, SCRATCH_MARKER), 'made by hermetic\n');
    expect((await resolve({})).scratch).toBe(scratch);
    expect((await resolve({ TMPDIR: '/big/disk' })).scratch).toBeUndefined();
  });

  it('takes the legs --leg names, once each, in that order', async () => {
    const bin = await makeBin('bin', allPrograms);
    const legsFile = await writeLegsFile([
      { name: '28.5/containerd', bin },
      { name: '26.1/overlay2', bin },
    ]);
    const names = ['26.1/overlay2', '28.5/containerd', '26.1/overlay2'];
    const resolved = await resolveLegs(choice({ names }), { legsFile, findBlockers: canSandbox });
    expect(resolved.legs.map((leg) => leg.name)).toEqual(['26.1/overlay2', '28.5/containerd']);
  });

  it('refuses a leg legs.json does not list, naming those it does', async () => {
    const legsFile = await writeLegsFile([{ name: '28.5/containerd', bin: folder }]);
    const resolving = resolveLegs(choice({ names: ['29.0/zfs'] }), {
      legsFile,
      findBlockers: canSandbox,
    });
    await expect(resolving).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('Unknown leg 29.0/zfs, expected one of 28.5/containerd'),
    });
  });

  it('names a leg whose engine is missing, and in CI refuses to run without it', async () => {
    const good = await makeBin('good', allPrograms);
    const broken = await makeBin('broken', ['docker']);
    const legsFile = await writeLegsFile([
      { name: '28.5/containerd', bin: good },
      { name: '26.1/overlay2', bin: broken },
    ]);
    const local = await resolveLegs(choice({}), { legsFile, findBlockers: canSandbox });
    expect(local.legs.map((leg) => leg.name)).toEqual(['28.5/containerd']);
    expect(local.missing).toEqual([
      {
        name: '26.1/overlay2',
        reason: `${broken} lacks dockerd, containerd, containerd-shim-runc-v2, runc`,
      },
    ]);
    await expect(
      resolveLegs(choice({ isCi: true }), { legsFile, findBlockers: canSandbox }),
    ).rejects.toMatchObject({
      code: 'SANDBOX_FAILED',
      message: expect.stringContaining('Leg 26.1/overlay2 cannot run here'),
    });
  });

  it('is the user daemon alone with --docker host, which --leg cannot be mixed with', async () => {
    const legsFile = await writeLegsFile([{ name: '28.5/containerd', bin: folder }]);
    const host = await resolveLegs(choice({ docker: 'host' }), { legsFile });
    expect(host.legs).toEqual([{ name: 'host', kind: 'host', bin: undefined, store: undefined }]);
    await expect(
      resolveLegs(choice({ docker: 'host', names: ['28.5/containerd'] }), { legsFile }),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('without legs.json, is one sandbox of the dockerd on PATH, or the user daemon', async () => {
    const legsFile = join(folder, 'none.json');
    const sandbox = await resolveLegs(choice({}), { legsFile, findBlockers: canSandbox });
    expect(sandbox.legs).toEqual([
      { name: 'sandbox', kind: 'sandbox', bin: undefined, store: undefined },
    ]);
    const host = await resolveLegs(choice({}), { legsFile, findBlockers: cannotSandbox });
    expect(host.legs.map((leg) => leg.kind)).toEqual(['host']);
    await expect(
      resolveLegs(choice({ docker: 'sandbox' }), { legsFile, findBlockers: cannotSandbox }),
    ).rejects.toMatchObject({ code: 'SANDBOX_FAILED' });
    await expect(
      resolveLegs(choice({ names: ['28.5/containerd'] }), { legsFile }),
    ).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('needs') });
  });

  describe('with a matrix', () => {
    const matrix = [
      { name: '28.5/containerd', engine: '28.5', store: 'containerd' as const },
      { name: '26.1/overlay2', engine: '26.1', store: 'overlay2' as const },
    ];

    it('names a leg of the matrix this machine lacks, and in CI refuses to run without it', async () => {
      const bin = await makeBin('bin', allPrograms);
      const legsFile = await writeLegsFile([{ name: '28.5/containerd', bin }]);
      const local = await resolveLegs(choice({ matrix }), { legsFile, findBlockers: canSandbox });
      expect(local.legs.map((leg) => leg.name)).toEqual(['28.5/containerd']);
      expect(local.missing).toEqual([
        { name: '26.1/overlay2', reason: `${legsFile} does not list it` },
      ]);
      await expect(
        resolveLegs(choice({ matrix, isCi: true }), { legsFile, findBlockers: canSandbox }),
      ).rejects.toMatchObject({
        code: 'SANDBOX_FAILED',
        message: expect.stringContaining('This machine lacks legs of the matrix: 26.1/overlay2'),
      });
    });

    it('lacks nothing when --leg or --docker host chose the legs', async () => {
      const bin = await makeBin('bin', allPrograms);
      const legsFile = await writeLegsFile([{ name: '28.5/containerd', bin }]);
      const names = ['28.5/containerd'];
      const picked = await resolveLegs(choice({ matrix, names, isCi: true }), {
        legsFile,
        findBlockers: canSandbox,
      });
      expect(picked.missing).toEqual([]);
      const host = await resolveLegs(choice({ matrix, docker: 'host', isCi: true }), { legsFile });
      expect(host.missing).toEqual([]);
    });

    it('runs the legs of the matrix, and a leg beyond it only when --leg names it', async () => {
      const bin = await makeBin('bin', allPrograms);
      const legsFile = await writeLegsFile([
        { name: '28.5/containerd', bin },
        { name: '26.1/overlay2', bin },
        { name: '28.5/overlay2', bin },
      ]);
      const resolved = await resolveLegs(choice({ matrix, isCi: true }), {
        legsFile,
        findBlockers: canSandbox,
      });
      expect(resolved.legs.map((leg) => leg.name)).toEqual(['28.5/containerd', '26.1/overlay2']);
      expect(resolved.missing).toEqual([]);
      const named = await resolveLegs(choice({ matrix, names: ['28.5/overlay2'], isCi: true }), {
        legsFile,
        findBlockers: canSandbox,
      });
      expect(named.legs.map((leg) => leg.name)).toEqual(['28.5/overlay2']);
    });
  });

  it('says which file is broken when legs.json cannot be read', async () => {
    const legsFile = join(folder, 'legs.json');
    await writeFile(legsFile, '{"legs": []}');
    await expect(resolveLegs(choice({}), { legsFile })).rejects.toMatchObject({
      message: `${legsFile} is not a legs file this verifier reads`,
    });
  });
});
