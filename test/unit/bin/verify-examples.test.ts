import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/run-cli.ts';

const bin = join(projectRoot, 'bin/verify-examples.js');

// Each test starts the verifier; the first start after a change to the sources builds its
// bundle (scripts/launch-verify-examples.js), which takes seconds on a busy machine.
describe('bin/verify-examples.js in a checkout', { timeout: 120_000 }, () => {
  it('runs the sources where Node strips types', async () => {
    const result = await execa(process.execPath, [bin, '--help'], { reject: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: verify-examples/);
  });

  // Node 22.12 to 22.17 strip no types without a flag: the launcher starts the sources again
  // with it, and exits as they did.
  it('runs them again with type stripping where Node has it off', async () => {
    const off = ['--no-experimental-strip-types'];
    const help = await execa(process.execPath, [...off, bin, '--help'], { reject: false });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: verify-examples/);
    const wrong = await execa(process.execPath, [...off, bin, '--jobs', '0'], { reject: false });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('--jobs takes a number of 1 or more');
  });
});
