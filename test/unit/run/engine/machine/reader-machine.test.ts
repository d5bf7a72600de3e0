import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../../../../scripts/lib/core/errors.ts';
import {
  describeMachineEnv,
  readerMachine,
  wrapInMachine,
} from '../../../../../scripts/lib/run/engine/machine/reader-machine.ts';

const engine = {
  folders: [{ host: '/cache/engines/28.5', path: '/usr/local/lib/docker-engine' }],
  links: [{ path: '/usr/bin/docker', target: '/usr/local/lib/docker-engine/bin/docker' }],
};

describe('describeMachineEnv', () => {
  it('tells machine.sh the root, the engine and where the session shows', () => {
    expect(describeMachineEnv({ root: '/cache/machine/root', engine })).toEqual({
      DFV_MACHINE_ROOT: '/cache/machine/root',
      DFV_ENGINE_FOLDERS: '/usr/local/lib/docker-engine=/cache/engines/28.5',
      DFV_ENGINE_LINKS: '/usr/bin/docker=/usr/local/lib/docker-engine/bin/docker',
      DFV_HOSTNAME: readerMachine.hostname,
      DFV_SESSION_PATH: readerMachine.sessionFolder,
      DFV_STATE_PATH: readerMachine.stateFolder,
    });
  });

  it.each(['/home/me/my cache/root', '/cache/a=b'])(
    'refuses a path the lists cannot carry: %s',
    (root) => {
      expect(() => describeMachineEnv({ root, engine })).toThrow(VerifyError);
    },
  );
});

describe('wrapInMachine', () => {
  it("enters every namespace and takes PID 1's own root, never a root named here", () => {
    const argv = wrapInMachine(42, ['bash']);
    expect(argv).toEqual([
      'nsenter',
      '--target=42',
      '--mount',
      '--net',
      '--pid',
      '--uts',
      '--ipc',
      '--root',
      '--wd',
      '--',
      'bash',
    ]);
  });
});
