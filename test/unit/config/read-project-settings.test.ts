import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseProjectSettings,
  readProjectSettings,
} from '../../../scripts/lib/config/read-project-settings.ts';
import { formatDiagnostic } from '../../../scripts/lib/core/errors.ts';

const problemsOf = (text: string) => {
  const parsed = parseProjectSettings(text, 'verify-examples.json');
  return parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic);
};

describe('parseProjectSettings', () => {
  it('reads the settings, with defaults for what is left out', () => {
    const parsed = parseProjectSettings('{ "output": { "unshown": "unchecked" } }', 'v.json');
    expect(parsed).toEqual({
      ok: true,
      settings: { output: { unshown: 'unchecked' }, images: [], strict: false },
    });
  });

  it.each([
    [
      'an unknown key',
      '{\n  "output": {},\n  "strikt": true\n}',
      'verify-examples.json:3: Invalid setting `strikt`: Unrecognized key: "strikt"',
    ],
    [
      'a bad value',
      '{\n  "output": {\n    "unshown": "never"\n  }\n}',
      'verify-examples.json:3: Invalid setting `output.unshown`: Invalid option: expected one of "empty"|"unchecked"',
    ],
    [
      'a redaction that is not a regular expression',
      '{\n  "output": {\n    "redactions": {\n      "ID": "(["\n    }\n  }\n}',
      /^verify-examples\.json:4: Invalid setting `output\.redactions\.ID`: not a valid regular expression/,
    ],
    ['broken JSON', '{\n  "output": {\n}', /^verify-examples\.json:\d: Invalid JSON/],
  ])('reports %s at its line', (_name, text, expected) => {
    const [problem] = problemsOf(text);
    if (typeof expected === 'string') expect(problem).toBe(expected);
    else expect(problem).toMatch(expected);
  });
});

describe('readProjectSettings', () => {
  it('finds the nearest file from a folder upwards, and uses defaults without one', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dfv-settings-'));
    const nested = join(root, 'docs', 'guides');
    await mkdir(nested, { recursive: true });
    expect((await readProjectSettings(nested)).file).toBeUndefined();
    await writeFile(join(root, 'verify-examples.json'), '{ "strict": true }');
    const found = await readProjectSettings(nested);
    expect(found.file).toBe(join(root, 'verify-examples.json'));
    expect(found.settings.strict).toBe(true);
  });
});
