import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../bench/lib/options.ts';

describe('parseBenchArgs', () => {
  it('defaults to five rounds of every benchmark', () => {
    expect(parseBenchArgs([])).toEqual({
      ok: true,
      options: { rounds: 5, only: [], isWrite: false, isHelp: false },
    });
  });

  it('reads rounds and repeated --only', () => {
    const parsed = parseBenchArgs(['--rounds', '3', '--only', 'peer', '--only', 'scale']);
    expect(parsed.ok && parsed.options).toMatchObject({ rounds: 3, only: ['peer', 'scale'] });
  });

  it.each([
    [['--rounds', '0'], '--rounds takes 1 or more'],
    [['--rounds', '2.5'], '--rounds takes a whole number'],
    [['--only', 'nope'], '--only takes one of: harness, peer, parallel, matrix, scale, site'],
    [['--write', '--only', 'peer'], '--write keeps a full run'],
    [['--fast'], "Unknown option '--fast'"],
  ])('refuses %j', (argv, message) => {
    const parsed = parseBenchArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});
