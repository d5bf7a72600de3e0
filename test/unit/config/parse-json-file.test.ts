import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonFile } from '../../../scripts/lib/config/parse-json-file.ts';

const schema = z.strictObject({
  name: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
});

const parse = (text: string) => parseJsonFile(text, 'settings.json', schema, 'setting');

describe('parseJsonFile', () => {
  it('gives the data of JSON the schema accepts', () => {
    expect(parse('{ "name": "shop", "tags": { "a": "b" } }')).toEqual({
      ok: true,
      data: { name: 'shop', tags: { a: 'b' } },
    });
  });

  it('is not misled by colons, quotes and backslashes in strings', () => {
    const text = '{\n  "name": "\\"x\\": y \\\\",\n  "tags": { "k\\"": ":", "\\\\": "\\":" }\n}';
    expect(parse(text)).toEqual({
      ok: true,
      data: { name: '"x": y \\', tags: { 'k"': ':', '\\': '":' } },
    });
  });

  it('reports a key given twice at its line, as JSON.parse alone would not', () => {
    const result = parse('{\n  "name": "a",\n  "tags": {},\n  "name": "b"\n}');
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({
          message: expect.stringContaining('unique'),
          position: { file: 'settings.json', line: 4 },
        }),
      ],
    });
  });

  it('reports what the schema refuses at its line', () => {
    const result = parse('{\n  "name": "a",\n  "tags": { "k": 1 }\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]?.position).toEqual({
      file: 'settings.json',
      line: 3,
    });
  });

  it('reports text that is not JSON at its line', () => {
    const result = parse('{\n  "name": "a",\n  "tags": { "k": \n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]?.message).toMatch(/^Invalid JSON/);
  });
});
