import { describe, expect, it } from 'vitest';
import { pickDebFiles } from '../../../../scripts/hermetic/plumbing/debs.ts';

describe('pickDebFiles', () => {
  it('picks the newest cached .deb of each package and nothing of a similar name', () => {
    const files = ['runc_1.1.5_amd64.deb', 'runc_1.1.6_amd64.deb', 'runc-dev_1.2_amd64.deb'];
    expect(pickDebFiles(['runc', 'tini'], files)).toEqual({
      runc: 'runc_1.1.6_amd64.deb',
      tini: undefined,
    });
  });
});
