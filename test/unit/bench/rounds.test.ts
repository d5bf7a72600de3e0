import { describe, expect, it } from 'vitest';
import { orderOfRound, runRounds } from '../../../bench/lib/rounds.ts';

describe('orderOfRound', () => {
  it('rotates the variants by one each round', () => {
    const variants = ['a', 'b', 'c'];
    expect([0, 1, 2, 3].map((round) => orderOfRound(variants, round).join(''))).toEqual([
      'abc',
      'bca',
      'cab',
      'abc',
    ]);
  });

  it('handles no variants', () => {
    expect(orderOfRound([], 3)).toEqual([]);
  });
});

describe('runRounds', () => {
  it('runs a warm-up round first, interleaves the variants and keeps measured rounds only', async () => {
    const calls: string[] = [];
    const variant = (name: string, ms: number) => ({
      name,
      run: async ({ round, isWarmup }: { round: number; isWarmup: boolean }) => {
        calls.push(`${name}${round}${isWarmup ? 'w' : ''}`);
        return ms + round;
      },
    });
    const samples = await runRounds([variant('a', 10), variant('b', 20)], { rounds: 3 });
    expect(calls).toEqual(['a0w', 'b0w', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(samples).toEqual(
      new Map([
        ['a', [11, 12, 13]],
        ['b', [21, 22, 23]],
      ]),
    );
  });

  it('reports every run, warm-up included', async () => {
    const events: string[] = [];
    await runRounds([{ name: 'a', run: async () => 1 }], {
      rounds: 1,
      warmupRounds: 2,
      onRun: ({ round, isWarmup }) => events.push(`${round}${isWarmup}`),
    });
    expect(events).toEqual(['0true', '0true', '1false']);
  });
});
