import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSandboxResolvConf,
  egressNameserver,
  findEgressProgram,
} from '../../../../../scripts/lib/run/engine/sandbox/egress.ts';

describe('buildSandboxResolvConf', () => {
  it('keeps a host resolver the sandbox reaches through its egress', () => {
    expect(buildSandboxResolvConf('nameserver 192.0.2.53\nsearch example.org\n')).toBeUndefined();
    expect(buildSandboxResolvConf('nameserver 127.0.0.53\nnameserver 192.0.2.53\n')).toBe(
      undefined,
    );
  });

  it.each([
    ['systemd-resolved', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch lan\n'],
    ['a local dnsmasq on IPv6 loopback', 'nameserver ::1\noptions edns0 trust-ad\nsearch lan\n'],
  ])('gives %s slirp4netns forwarder, keeping search and options', (_name, host) => {
    expect(buildSandboxResolvConf(host)).toBe(
      `nameserver ${egressNameserver}\noptions edns0 trust-ad\nsearch lan\n`,
    );
  });

  it('gives a host without a name server the forwarder', () => {
    expect(buildSandboxResolvConf('# no servers\n')).toBe(`nameserver ${egressNameserver}\n`);
  });
});

describe('findEgressProgram', () => {
  it('takes the program legs.json names, if it can run', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dfv-egress-'));
    const program = join(folder, 'slirp4netns');
    await writeFile(program, '#!/bin/sh\n');
    expect(findEgressProgram(program, '')).toBeUndefined();
    await chmod(program, 0o755);
    expect(findEgressProgram(program, '')).toBe(program);
  });

  it('looks for slirp4netns on PATH', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dfv-egress-'));
    await writeFile(join(folder, 'slirp4netns'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findEgressProgram(undefined, `/nonexistent:${folder}`)).toBe(
      join(folder, 'slirp4netns'),
    );
    expect(findEgressProgram(join(folder, 'missing'), folder)).toBeUndefined();
  });
});
