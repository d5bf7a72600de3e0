import { describe, expect, it } from 'vitest';
import { formatHermeticError, HermeticError } from '../../../scripts/hermetic/errors.ts';
import { requireRoot } from '../../../scripts/hermetic/preflight.ts';
import {
  describeBusybox,
  describeDaemon,
  describeEngine,
  describeImage,
  describeStop,
  formatBytes,
} from '../../../scripts/hermetic/report.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [4096, '4.1 kB'],
    [29_100_000, '29.1 MB'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('progress lines', () => {
  const summary = {
    reference: 'busybox:latest',
    digest: 'sha256:d',
    compressedBytes: 1_100_000,
    layers: 1,
  };

  it('says what was skipped because cached, and what was built', () => {
    expect(describeImage({ status: 'cached', ...summary })).toBe(
      'busybox:latest: cached, skipped (sha256:d 1.1 MB)',
    );
    expect(describeImage({ status: 'built', seconds: 1.26, ...summary })).toBe(
      'busybox:latest: built and pushed in 1.3s (sha256:d 1.1 MB)',
    );
  });

  it('names the Engine version installed or found', () => {
    expect(describeEngine({ status: 'present', version: '26.1.5+dfsg1' })).toBe(
      'engine: Docker Engine 26.1.5+dfsg1 and buildx present',
    );
    expect(
      describeEngine({
        status: 'installed',
        version: '26.1.5+dfsg1',
        packages: ['docker.io', 'docker-buildx'],
      }),
    ).toBe('engine: installed docker.io, docker-buildx (Docker Engine 26.1.5+dfsg1)');
  });

  it('says which Engine the daemon runs, and what it was restarted from', () => {
    expect(describeDaemon({ status: 'started', pid: 9, version: '26.1.5+dfsg1' })).toBe(
      'dockerd: started (pid 9, Engine 26.1.5+dfsg1) with mirror http://127.0.0.1:5555',
    );
    expect(
      describeDaemon({
        status: 'restarted',
        pid: 9,
        version: '26.1.5+dfsg1',
        previousVersion: '20.10.24+dfsg1',
      }),
    ).toBe(
      'dockerd: restarted from Engine 20.10.24+dfsg1 (pid 9, Engine 26.1.5+dfsg1) with mirror http://127.0.0.1:5555',
    );
    expect(describeDaemon({ status: 'running', ownedPid: undefined, version: '28.2.2' })).toBe(
      'dockerd: already running with mirror http://127.0.0.1:5555 (not started by hermetic, Engine 28.2.2)',
    );
  });

  it('says whether busybox was compiled, and from which source version', () => {
    const build = {
      sourceVersion: '1:1.35.0-4+deb12u1',
      recipe: 'r',
      sha256: 's',
      builtAt: '2026-01-01T00:00:00Z',
    };
    expect(describeBusybox({ status: 'cached', build })).toBe(
      "busybox binary: cached, skipped (busybox 1:1.35.0-4+deb12u1 from Debian's source)",
    );
    expect(describeBusybox({ status: 'built', build, seconds: 98.04 })).toBe(
      "busybox binary: compiled in 98.0s (busybox 1:1.35.0-4+deb12u1 from Debian's source)",
    );
  });

  it('says when there was nothing to stop', () => {
    expect(describeStop('dockerd', { status: 'not-running' })).toBe(
      'dockerd: not running under hermetic, nothing to stop',
    );
    expect(describeStop('registry', { status: 'stopped', pid: 7 })).toBe(
      'registry: stopped (pid 7)',
    );
  });
});

describe('errors', () => {
  it('refuses to run as a user other than root, naming the sudo command', () => {
    expect(() => requireRoot('up', 1000)).toThrow(HermeticError);
    try {
      requireRoot('down', 1000);
    } catch (error) {
      expect((error as HermeticError).code).toBe('NOT_ROOT');
      expect((error as HermeticError).hint).toBe('run `sudo npm run hermetic:down`.');
    }
    expect(() => requireRoot('up', 0)).not.toThrow();
  });

  it('prints the message, the code and the hint', () => {
    const error = new HermeticError('PORT_TAKEN', '127.0.0.1:5555 is taken', { hint: 'stop it.' });
    expect(formatHermeticError(error)).toBe(
      'hermetic: 127.0.0.1:5555 is taken [PORT_TAKEN]\n  hint: stop it.',
    );
  });
});
