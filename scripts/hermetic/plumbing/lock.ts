// One `npm run hermetic` at a time per cache: several worktrees' test runs start it at once,
// and two runs would build in the same folders. A second run waits for the first.
import { open, readFile, rm } from 'node:fs/promises';
import { waitUntil } from '../../lib/system/wait-until.ts';
import { parsePid } from '../daemons/pidfile.ts';
import { HermeticError } from './errors.ts';

export type Lock = { release: () => Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function hermeticBusy(holder: number | undefined): Error {
  return new HermeticError('BUSY', `another \`npm run hermetic\` (pid ${holder}) still runs`, {
    hint: `wait for it, or end it (\`kill ${holder}\`) if it hangs, then run \`npm run hermetic\` again.`,
  });
}

/**
 * Takes the lock file (created exclusively, holding our pid), waiting while a live process
 * holds it; a lock left by a dead process is taken over. At the deadline, `busy` names the
 * holder (by default as another `npm run hermetic`).
 */
export async function acquireLock(
  path: string,
  timeoutMs: number,
  onWait: (pid: number) => void,
  busy: (holder: number | undefined) => Error = hermeticBusy,
): Promise<Lock> {
  let holder: number | undefined;
  const tryTake = async (): Promise<Lock | undefined> => {
    for (;;) {
      try {
        const handle = await open(path, 'wx');
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return { release: () => rm(path, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const pid = parsePid(await readFile(path, 'utf8').catch(() => ''));
      if (pid !== undefined && isAlive(pid)) {
        if (holder === undefined) onWait(pid);
        holder = pid;
        return undefined;
      }
      await rm(path, { force: true });
    }
  };
  const lock = await waitUntil(tryTake, { timeoutMs, intervalMs: 500 });
  if (lock) return lock;
  throw busy(holder);
}
