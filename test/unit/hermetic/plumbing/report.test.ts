import { describe, expect, it } from 'vitest';
import {
  formatHermeticError,
  HermeticError,
} from '../../../../scripts/hermetic/plumbing/errors.ts';
import { requireSupportedMachine } from '../../../../scripts/hermetic/plumbing/preflight.ts';
import {
  describeEngine,
  describeHostDaemon,
  describeImage,
  describeStop,
} from '../../../../scripts/hermetic/plumbing/report.ts';

const versions = {
  docker: '28.5.2',
  containerd: '2.1.9',
  runc: '1.3.6',
  buildx: '0.29.1',
  compose: '2.40.3',
  init: '0.19.0',
};

describe('progress lines', () => {
  it('says what was skipped because cached, and what was built', () => {
    const outcome = { reference: 'busybox:latest', digest: `sha256:${'a'.repeat(64)}` };
    expect(describeImage({ status: 'cached', seconds: 0, ...outcome })).toBe(
      'busybox:latest: cached, skipped (sha256:aaaaaaaaaaaa)',
    );
    expect(describeImage({ status: 'built', seconds: 1.26, ...outcome })).toBe(
      'busybox:latest: built and pushed in 1.3s (sha256:aaaaaaaaaaaa)',
    );
  });

  it('names each engine with the versions of its binaries', () => {
    expect(describeEngine({ status: 'present', id: '28.5', bin: '/c/bin', versions })).toBe(
      'engine 28.5: present (Engine 28.5.2, containerd 2.1.9, runc 1.3.6)',
    );
    expect(describeEngine({ status: 'assembled', id: '28.5', bin: '/c/bin', versions })).toBe(
      'engine 28.5: unpacked into /c/bin (Engine 28.5.2, containerd 2.1.9, runc 1.3.6)',
    );
  });

  it('says whether the host daemon was started or already ran', () => {
    expect(describeHostDaemon({ status: 'started', pid: 9, version: '28.5.2' })).toBe(
      'host dockerd: started (pid 9, Engine 28.5.2) with mirror http://127.0.0.1:5555',
    );
    expect(describeHostDaemon({ status: 'running', pid: 9, version: '28.5.2' })).toBe(
      'host dockerd: already running (pid 9, Engine 28.5.2) with mirror http://127.0.0.1:5555',
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
    expect(() => requireSupportedMachine('up', 1000, 'x64')).toThrow(HermeticError);
    try {
      requireSupportedMachine('down', 1000, 'x64');
    } catch (error) {
      expect((error as HermeticError).code).toBe('NOT_ROOT');
      expect((error as HermeticError).hint).toBe('run `sudo npm run hermetic:down`.');
    }
    expect(() => requireSupportedMachine('up', 0, 'x64')).not.toThrow();
  });

  it('refuses a machine other than amd64, whose engines and images it cannot run', () => {
    expect(() => requireSupportedMachine('up', 0, 'arm64')).toThrow(/amd64/);
  });

  it('prints the message, the code and the hint', () => {
    const error = new HermeticError('PORT_TAKEN', '127.0.0.1:5555 is taken', { hint: 'stop it.' });
    expect(formatHermeticError(error)).toBe(
      'hermetic: 127.0.0.1:5555 is taken [PORT_TAKEN]\n  hint: stop it.',
    );
  });
});
