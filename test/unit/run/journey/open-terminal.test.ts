import { describe, expect, it } from 'vitest';
import { openTerminal } from '../../../../scripts/lib/run/journey/open-terminal.ts';
import type { Scratch } from '../../../../scripts/lib/run/session/scratch.ts';

const scratch: Scratch = {
  root: '/run/verify-examples/journey-1',
  workDir: '/root',
  homeDir: '/root',
  stateFile: '/run/verify-examples-state/journey-1.sh',
  dockerConfig: undefined,
  spawnDir: '/tmp/host/journey-1',
  commandFile: (index) => `/run/verify-examples/journey-1/command-${index}.sh`,
  write: async () => {},
  remove: async () => {},
};

describe('openTerminal', () => {
  it('gives each terminal state and command files of its own, named as the scratch names them', () => {
    const [first, second] = [openTerminal(scratch, 0), openTerminal(scratch, 1)];
    expect(first.stateFile).not.toBe(second.stateFile);
    expect(first.stateFile).not.toBe(scratch.stateFile);
    expect(first.commandFile(0)).not.toBe(second.commandFile(0));
    // The session turns `<root>/command-N.sh: line 1: ` into `bash: ` (as a person sees it).
    expect(second.commandFile(3)).toMatch(/^\/run\/verify-examples\/journey-1\/command-\d+\.sh$/);
    expect(first.workDir).toBe('/root');
  });
});
