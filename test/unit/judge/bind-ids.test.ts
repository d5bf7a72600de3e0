import { describe, expect, it } from 'vitest';
import { createIdBinder } from '../../../scripts/lib/judge/bind-ids.ts';

const long = (start: string) => start.padEnd(64, '0');

describe('createIdBinder', () => {
  it('binds a shown value to a printed one, prefix-aware on both sides', () => {
    const binder = createIdBinder();
    expect(binder.bind(long('4c1d6e5b8a37'), long('9f8e7d6c5b4a'), 3).status).toBe('bound');
    expect(binder.bind('4c1d6e5b8a37', '9f8e7d6c5b4a', 7).status).toBe('bound');
    expect(binder.bind(`sha256:${long('4c1d6e5b8a37')}`, '9f8e7d6c5b4a', 9).status).toBe('bound');
    expect(binder.actualOf('4c1d6e')).toBe(long('9f8e7d6c5b4a'));
    expect(binder.shownOf('9f8e7d6c5b4a')).toBe(long('4c1d6e5b8a37'));
  });

  it('refuses one shown value for two printed ones', () => {
    const binder = createIdBinder();
    binder.bind('4c1d6e5b8a37', '9f8e7d6c5b4a', 3);
    expect(binder.bind('4c1d6e5b8a37', '111111111111', 8)).toEqual({
      status: 'differs',
      first: { shown: '4c1d6e5b8a37', actual: '9f8e7d6c5b4a', line: 3 },
    });
  });

  it('refuses two shown values for one printed one', () => {
    const binder = createIdBinder();
    binder.bind('4c1d6e5b8a37', '9f8e7d6c5b4a', 3);
    expect(binder.bind('aaaaaaaaaaaa', long('9f8e7d6c5b4a'), 8)).toEqual({
      status: 'merges',
      other: { shown: '4c1d6e5b8a37', actual: '9f8e7d6c5b4a', line: 3 },
    });
  });
});
