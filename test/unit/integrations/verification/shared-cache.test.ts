import { describe, expect, it, vi } from 'vitest';
import { sharedCache } from '../../../../src/integrations/verification/shared-cache.ts';

describe('sharedCache', () => {
  it('gives the same map for the same name, another for another name', () => {
    const first = sharedCache<number>('test:shared-cache:a');
    first.set('page', 1);
    expect(sharedCache<number>('test:shared-cache:a')).toBe(first);
    expect(sharedCache<number>('test:shared-cache:b').has('page')).toBe(false);
  });

  it('gives a second copy of the module the map the first one filled', async () => {
    sharedCache<string>('test:shared-cache:copies').set('page', 'assessed');
    vi.resetModules();
    const copy = await import('../../../../src/integrations/verification/shared-cache.ts');
    expect(copy.sharedCache).not.toBe(sharedCache);
    expect(copy.sharedCache<string>('test:shared-cache:copies').get('page')).toBe('assessed');
  });
});
