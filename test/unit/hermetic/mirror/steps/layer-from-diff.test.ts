import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readLayerEntries,
  whiteoutOf,
} from '../../../../../scripts/hermetic/mirror/steps/layer-from-diff.ts';

describe('whiteoutOf', () => {
  it.each([
    ['etc/motd', 'etc/.wh.motd'],
    ['opt', '.wh.opt'],
  ])('hides %s as %s', (path, whiteout) => {
    expect(whiteoutOf(path)).toBe(whiteout);
  });
});

describe('readLayerEntries', () => {
  it('reads what changed as it is now, whiteouts in tar order, mtimes clamped', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-layer-'));
    await mkdir(join(root, 'usr/local/bin'), { recursive: true });
    await writeFile(join(root, 'usr/local/bin/tool'), '#!/bin/sh\n', { mode: 0o755 });
    await symlink('tool', join(root, 'usr/local/bin/alias'));
    const entries = await readLayerEntries(
      root,
      {
        changed: ['usr', 'usr/local', 'usr/local/bin', 'usr/local/bin/alias', 'usr/local/bin/tool'],
        removed: ['usr/local/bin/old'],
      },
      1_000,
    );
    expect(entries.map((entry) => [entry.path, entry.type])).toEqual([
      ['usr', 'dir'],
      ['usr/local', 'dir'],
      ['usr/local/bin', 'dir'],
      ['usr/local/bin/.wh.old', 'file'],
      ['usr/local/bin/alias', 'symlink'],
      ['usr/local/bin/tool', 'file'],
    ]);
    const tool = entries.at(-1);
    expect(tool?.type === 'file' && String(tool.content)).toBe('#!/bin/sh\n');
    expect(tool?.mode).toBe(0o755);
    expect(entries.every((entry) => entry.mtime <= 1_000)).toBe(true);
  });
});
