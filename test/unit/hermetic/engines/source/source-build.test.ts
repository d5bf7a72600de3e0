import { describe, expect, it } from 'vitest';
import { CONTAINERD, RUNC } from '../../../../../scripts/hermetic/engines/source/components.ts';
import { hashComponentBuild } from '../../../../../scripts/hermetic/engines/source/source-build.ts';

const go = { 'golang-1.26-go': '1.26.10-1', 'golang-1.26-src': '1.26.10-1' };

describe('hashComponentBuild', () => {
  it('changes with what changes the binaries: stamps, flags, archive, toolchain', () => {
    const base = hashComponentBuild(CONTAINERD, go);
    expect(hashComponentBuild(CONTAINERD, { ...go })).toBe(base);
    const [containerd, ...rest] = CONTAINERD.binaries;
    if (!containerd) throw new Error('containerd without binaries');
    const restamped = {
      ...CONTAINERD,
      binaries: [{ ...containerd, ldflags: [...containerd.ldflags, '-X main.x=y'] }, ...rest],
    };
    const others = [
      restamped,
      { ...CONTAINERD, archive: { ...CONTAINERD.archive, sha256: '0'.repeat(64) } },
      { ...CONTAINERD, commit: '1'.repeat(40) },
    ].map((component) => hashComponentBuild(component, go));
    others.push(hashComponentBuild(CONTAINERD, { ...go, 'golang-1.26-go': '1.26.11-1' }));
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('differs between components', () => {
    expect(hashComponentBuild(RUNC, go)).not.toBe(hashComponentBuild(CONTAINERD, go));
  });
});
