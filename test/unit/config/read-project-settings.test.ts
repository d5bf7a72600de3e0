import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseProjectSettings,
  readProjectSettings,
} from '../../../scripts/lib/config/read-project-settings.ts';
import { formatDiagnostic } from '../../../scripts/lib/core/errors.ts';
import { findRecordLocation } from '../../../scripts/lib/record/record-path.ts';

function problemsOf(text: string): string[] {
  const parsed = parseProjectSettings(text, 's.json');
  return parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic);
}

describe('project settings: the matrix and the record', () => {
  it('reads the repository’s own file', async () => {
    const found = await readProjectSettings();
    expect(found.settings.matrix.map((leg) => leg.name)).toEqual([
      '29.7/containerd',
      '29.7/overlay2',
      '26.1/overlay2',
    ]);
    expect(findRecordLocation(found)).toEqual({
      root: process.cwd(),
      pages: 'src/content/docs',
      dir: 'src/content/verification',
    });
  });

  it('gives no matrix and no record without a file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    const found = await readProjectSettings(root);
    expect(found.settings.matrix).toEqual([]);
    expect(findRecordLocation(found, root)).toBeUndefined();
  });

  it('finds the record relative to the settings file, from a folder below it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    await writeFile(
      join(root, 'verify-examples.json'),
      '{"record": {"pages": "docs", "dir": "verification"}}',
    );
    await mkdir(join(root, 'docs'));
    const found = await readProjectSettings(join(root, 'docs'));
    expect(findRecordLocation(found)).toEqual({ root, pages: 'docs', dir: 'verification' });
  });

  it.each([
    [
      'an unknown store, at its line',
      '{\n  "matrix": [\n    { "name": "x", "engine": "28.5", "store": "zfs" }\n  ]\n}\n',
      's.json:3: Invalid setting `matrix.0.store`: Invalid option: expected one of "containerd"|"overlay2"',
    ],
    [
      'two legs of one name',
      '{"matrix": [\n{"name": "a", "engine": "28", "store": "overlay2"},\n{"name": "a", "engine": "26", "store": "overlay2"}]}',
      's.json:3: Invalid setting `matrix.1.name`: a second leg named a',
    ],
    [
      'a record without its folder',
      '{\n  "record": { "pages": "docs" }\n}\n',
      's.json:2: Invalid setting `record.dir`: Invalid input: expected string, received undefined',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(problemsOf(text)).toEqual([message]);
  });
});

describe('project settings: how output is compared', () => {
  it('reads them, with defaults for what is left out', () => {
    const parsed = parseProjectSettings('{ "output": { "unshown": "unchecked" } }', 'v.json');
    expect(parsed).toMatchObject({
      ok: true,
      settings: { output: { unshown: 'unchecked' }, images: [], strict: false },
    });
  });

  it.each([
    [
      'an unknown key',
      '{\n  "output": {},\n  "strikt": true\n}',
      's.json:3: Invalid setting `strikt`: Unrecognized key: "strikt"',
    ],
    [
      'a bad value',
      '{\n  "output": {\n    "unshown": "never"\n  }\n}',
      's.json:3: Invalid setting `output.unshown`: Invalid option: expected one of "empty"|"unchecked"',
    ],
    [
      'a redaction that is not a regular expression',
      '{\n  "output": {\n    "redactions": {\n      "ID": "(["\n    }\n  }\n}',
      /^s\.json:4: Invalid setting `output\.redactions\.ID`: not a valid regular expression/,
    ],
    [
      "a reader's tool the toolbox does not have",
      '{\n  "reader": {\n    "tools": ["curl", "jqq"]\n  }\n}',
      /^s\.json:3: Invalid setting `reader\.tools\.1`: Invalid option: expected one of "curl"\|/,
    ],
    ['broken JSON', '{\n  "output": {\n}', /^s\.json:\d: Invalid JSON/],
  ])('reports %s at its line', (_name, text, expected) => {
    const [problem] = problemsOf(text);
    if (typeof expected === 'string') expect(problem).toBe(expected);
    else expect(problem).toMatch(expected);
  });

  it('finds the nearest file from a folder upwards', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    const nested = join(root, 'docs', 'guides');
    await mkdir(nested, { recursive: true });
    await writeFile(join(root, 'verify-examples.json'), '{ "strict": true }');
    const found = await readProjectSettings(nested);
    expect(found.file).toBe(join(root, 'verify-examples.json'));
    expect(found.settings.strict).toBe(true);
  });
});
