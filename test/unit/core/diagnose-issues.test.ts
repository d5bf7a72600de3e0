import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { diagnoseIssues } from '../../../scripts/lib/core/diagnose-issues.ts';

const schema = z.strictObject({ jobs: z.number(), legs: z.array(z.string()) });
const lines: Record<string, number> = { jobs: 2, legs: 3, 'legs.1': 4, extra: 5 };
const positionOf = (path: readonly PropertyKey[]) => ({
  file: 'f.json',
  line: lines[path.map(String).join('.')] ?? 1,
});

describe('diagnoseIssues', () => {
  it('gives each issue its name and position, zod saying what is wrong', () => {
    const result = schema.safeParse({ jobs: 'two', legs: ['a', 3] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(diagnoseIssues(result.error, { what: 'setting', positionOf })).toEqual([
      {
        code: 'INVALID_OPTION',
        message: 'Invalid setting `jobs`: Invalid input: expected number, received string',
        position: { file: 'f.json', line: 2 },
      },
      {
        code: 'INVALID_OPTION',
        message: 'Invalid setting `legs.1`: Invalid input: expected string, received number',
        position: { file: 'f.json', line: 4 },
      },
    ]);
  });

  it('names an unknown key itself only where asked, else its object', () => {
    const result = schema.safeParse({ jobs: 1, legs: [], extra: true });
    if (result.success) throw new Error('expected an issue');
    const [named] = diagnoseIssues(result.error, {
      what: 'setting',
      positionOf,
      isUnknownKeyNamed: true,
    });
    expect(named?.message).toBe('Invalid setting `extra`: Unrecognized key: "extra"');
    expect(named?.position.line).toBe(5);
    const [plain] = diagnoseIssues(result.error, {
      what: 'option',
      positionOf,
      nameOf: (path) => ['verify', ...path.map(String)].join('.'),
    });
    expect(plain?.message).toBe('Invalid option `verify`: Unrecognized key: "extra"');
  });
});
