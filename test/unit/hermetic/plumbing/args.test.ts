import { describe, expect, it } from 'vitest';
import { parseHermeticArgs } from '../../../../scripts/hermetic/plumbing/args.ts';

describe('parseHermeticArgs', () => {
  it('reads up and down, with the sources folder resolved from the current one', () => {
    expect(parseHermeticArgs(['up'], '/p')).toEqual({
      command: 'up',
      options: { sourcesDir: undefined },
    });
    expect(parseHermeticArgs(['up', '--sources', '../shared/upstream'], '/w/p')).toEqual({
      command: 'up',
      options: { sourcesDir: '/w/shared/upstream' },
    });
    expect(parseHermeticArgs(['down'], '/p').command).toBe('down');
  });

  it.each([
    [['sideways'], 'unknown command "sideways"'],
    [['up', '--source', 'x'], "Unknown option '--source'"],
    [['down', '--sources', 'x'], '--sources goes with `up` only'],
    [['up', 'down'], 'unknown command "up down"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseHermeticArgs(argv, '/p')).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining(message) }),
    );
  });
});
