import { describe, expect, it } from 'vitest';
import {
  parseVersion,
  renderIptablesWrapper,
} from '../../../../scripts/hermetic/engines/finish-bin.ts';

describe('parseVersion', () => {
  it.each([
    ['Docker version 28.5.2+dfsg4, build 3ef3c07c', '28.5.2'],
    ['containerd github.com/containerd/containerd/v2 2.1.9+unknown ', '2.1.9'],
    ['containerd github.com/containerd/containerd 1.7.24~ds1 1.7.24~ds1-6+deb13u1', '1.7.24'],
    ['runc version 1.3.6+ds1\ncommit: 1.3.6+ds1-1\nspec: 1.2.1', '1.3.6'],
    ['github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4', '0.29.1'],
    ['Docker Compose version 2.40.3-3', '2.40.3'],
    ['tini version 0.19.0', '0.19.0'],
  ])('%s -> %s', (text, version) => {
    expect(parseVersion(text)).toBe(version);
  });
});

describe('renderIptablesWrapper', () => {
  it('runs the cached xtables with its own libraries and extensions', () => {
    const script = renderIptablesWrapper('/c/tools/iptables', 'iptables-save');
    expect(script).toContain(
      'exec \'/c/tools/iptables/usr/sbin/xtables-nft-multi\' iptables-save "$@"',
    );
    expect(script).toContain("XTABLES_LIBDIR='/c/tools/iptables/usr/lib/x86_64-linux-gnu/xtables'");
  });
});
