import { describe, expect, it } from 'vitest';
import {
  extraPageCeiling,
  extraPagePolicy,
  mayStartExtraPage,
} from '../../../scripts/lib/plan/extra-pages.ts';

const gib = 1024 ** 3;

describe('mayStartExtraPage', () => {
  it('starts another page while the cores are idle enough and memory has room', () => {
    expect(mayStartExtraPage({ busyShare: 0.5, availableMemory: 8 * gib }, 2, 4)).toBe(true);
    expect(mayStartExtraPage({ busyShare: 0.5, availableMemory: undefined }, 2, 4)).toBe(true);
  });

  it('starts none while the cores are busy, memory is short or the ceiling is reached', () => {
    const busy = extraPagePolicy.busyBelow;
    expect(mayStartExtraPage({ busyShare: busy, availableMemory: 8 * gib }, 2, 4)).toBe(false);
    expect(mayStartExtraPage({ busyShare: 0.2, availableMemory: gib }, 2, 4)).toBe(false);
    expect(mayStartExtraPage({ busyShare: 0.2, availableMemory: 8 * gib }, 4, 4)).toBe(false);
  });
});

describe('extraPageCeiling', () => {
  it('is twice the cores, within what the engines allow, one at least', () => {
    expect(extraPageCeiling(2, 12)).toBe(4);
    expect(extraPageCeiling(2, 3)).toBe(3);
    expect(extraPageCeiling(2, 0)).toBe(1);
  });
});
