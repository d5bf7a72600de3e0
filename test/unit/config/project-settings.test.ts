import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseProjectSettings,
  readProjectSettings,
} from '../../../scripts/lib/config/project-settings.ts';

describe('project settings', () => {
  it('reads the repository’s own file', async () => {
    const { settings } = await readProjectSettings();
    expect(settings.matrix.map((leg) => leg.name)).toEqual([
      '28.5/containerd',
      '28.5/overlay2',
      '26.1/overlay2',
    ]);
    expect(settings.record).toEqual({
      pages: 'src/content/docs',
      dir: 'src/content/verification',
    });
  });

  it('gives defaults without a file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    expect(await readProjectSettings(root)).toEqual({
      file: undefined,
      root,
      settings: { matrix: [] },
    });
  });

  it.each([
    [
      'an unknown store, at its line',
      '{\n  "matrix": [\n    { "name": "x", "engine": "28.5", "store": "zfs" }\n  ]\n}\n',
      /^s\.json:3: Invalid setting `matrix\.0\.store`: Invalid option/,
    ],
    [
      'an unknown setting',
      '{\n  "matrx": []\n}\n',
      /^s\.json:1: Invalid setting `\(root\)`: Unrecognized key: "matrx"/,
    ],
    [
      'two legs of one name',
      '{"matrix": [\n{"name": "a", "engine": "28", "store": "overlay2"},\n{"name": "a", "engine": "26", "store": "overlay2"}]}',
      /^s\.json:3: Invalid setting `matrix\.1\.name`: a second leg named a/,
    ],
    [
      'broken JSON, at its line',
      '{\n  "matrix": [,]\n}\n',
      /^s\.json:2: verify-examples\.json is not valid JSON/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseProjectSettings(text, 's.json')).toThrow(message);
  });

  it('reads a file it finds, with its path', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    await writeFile(join(root, 'verify-examples.json'), '{"matrix": []}');
    expect((await readProjectSettings(root)).file).toBe(join(root, 'verify-examples.json'));
  });
});
