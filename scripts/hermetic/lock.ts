// One `npm run hermetic` at a time per cache: several worktrees' test runs start it at once,
// and two runs would build in the same folders. A second run waits for the first.
import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { HermeticError } from './errors.ts';
import { parsePid } from './pidfile.ts';

export type Lock = { release: () => Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the lock file (created exclusively, holding our pid), waiting while a live process
 * holds it; a lock left by a dead process is taken over.
 */
export async function acquireLock(
  path: string,
  timeoutMs: number,
  onWait: (pid: number) => void,
): Promise<Lock> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = parsePid(await readFile(path, 'utf8').catch(() => ''));
    if (holder === undefined || !isAlive(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new HermeticError('BUSY', `another \`npm run hermetic\` (pid ${holder}) still runs`, {
        hint: `wait for it, or end it (\`kill ${holder}\`) if it hangs, then run \`npm run hermetic\` again.`,
      });
    }
    if (!told) onWait(holder);
    told = true;
    await sleep(500);
  }
}
