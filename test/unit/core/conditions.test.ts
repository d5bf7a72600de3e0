import { describe, expect, it } from 'vitest';
import {
  anywhere,
  type Condition,
  canHoldOnMatrixLeg,
  describeCondition,
  findUnmetCondition,
} from '../../../scripts/lib/core/conditions.ts';
import { parseVersionRange, type VersionRange } from '../../../scripts/lib/core/version-range.ts';

function range(text: string): VersionRange {
  const parsed = parseVersionRange(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range;
}

const condition = (partial: Partial<Condition>): Condition => ({ ...anywhere, ...partial });

const legs = {
  containerd: {
    name: '28.5/containerd',
    store: 'containerd',
    versions: { client: '28.5.2', server: '28.5.2' },
  },
  classic: {
    name: '28.5/overlay2',
    store: 'overlay2',
    versions: { client: '28.5.2', server: '28.5.2' },
  },
  old: {
    name: '26.1/overlay2',
    store: 'overlay2',
    versions: { client: '26.1.5', server: '26.1.5' },
  },
};

describe('findUnmetCondition', () => {
  const cases: [string, Condition, (keyof typeof legs)[]][] = [
    ['no condition', anywhere, ['containerd', 'classic', 'old']],
    ['engine >=28', condition({ engine: [range('>=28')] }), ['containerd', 'classic']],
    ['the containerd store', condition({ store: 'containerd' }), ['containerd']],
    ['the classic store', condition({ store: 'overlay2' }), ['classic', 'old']],
    ['an engine and a store', condition({ engine: [range('<28')], store: 'overlay2' }), ['old']],
    ['a client', condition({ client: [range('>=28.5')] }), ['containerd', 'classic']],
    ['two ranges, both', condition({ engine: [range('>=26'), range('<27')] }), ['old']],
  ];
  it.each(cases)('%s holds on exactly its legs', (_name, given, expected) => {
    const holding = Object.entries(legs)
      .filter(([, leg]) => findUnmetCondition(given, leg) === undefined)
      .map(([key]) => key);
    expect(holding).toEqual(expected);
  });

  it('says what the block holds for and what the leg is', () => {
    const given = condition({ engine: [range('>=28')], store: 'containerd' });
    expect(findUnmetCondition(given, legs.old)).toBe(
      'for Docker Engine >=28 and the containerd image store; 26.1/overlay2 is Docker Engine 26.1.5 with the classic image store (overlay2)',
    );
    expect(findUnmetCondition(condition({ client: [range('>=29')] }), legs.old)).toBe(
      'for Docker client >=29; 26.1/overlay2 is Docker Engine 26.1.5, client 26.1.5, with the classic image store (overlay2)',
    );
  });

  it('describes a leg of unknown store honestly', () => {
    const host = { name: 'host', store: 'btrfs', versions: { client: '29.0.0', server: '29.0.0' } };
    expect(findUnmetCondition(condition({ store: 'overlay2' }), host)).toContain(
      'host is Docker Engine 29.0.0 with the btrfs storage driver',
    );
  });
});

describe('canHoldOnMatrixLeg', () => {
  const matrixLeg = { name: '28.5/overlay2', engine: '28.5', store: 'overlay2' as const };
  it.each([
    [anywhere, true],
    [condition({ engine: [range('>=28.5.1')] }), true],
    [condition({ engine: [range('>=29')] }), false],
    [condition({ store: 'containerd' }), false],
    [condition({ client: [range('<28')] }), false],
  ])('%o: %s', (given, expected) => {
    expect(canHoldOnMatrixLeg(given, matrixLeg)).toBe(expected);
  });
});

describe('describeCondition', () => {
  it('reads as prose', () => {
    expect(describeCondition(anywhere)).toBe('every leg');
    expect(
      describeCondition(condition({ engine: [range('>=26.1, <29')], store: 'overlay2' })),
    ).toBe('Docker Engine >=26.1, <29 and the classic image store (overlay2)');
  });
});
