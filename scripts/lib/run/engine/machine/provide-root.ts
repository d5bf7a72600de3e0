/**
 * Where the reader's machine comes from: a Debian root made once from the recipe in
 * core/reader-toolbox.ts and kept read-only; every page then only mounts an overlay of it.
 * The root hermetic made in its cache (named in legs.json) comes first; otherwise the
 * verifier's own cache has it, made on first use by whichever builder this machine allows
 * (see create-machine.ts). Two runs that need it at once make it once: the second waits.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VerifyError } from '../../../core/errors.ts';
import { hashMachineRecipe } from '../../../core/reader-toolbox.ts';
import { resolveCacheFolder } from '../../../system/cache-folder.ts';
import { finishRoot } from '../../../system/finish-machine-root.ts';

export interface RootRequest {
  /** A root someone made already (hermetic's, from legs.json): used as it is. */
  declared: string | undefined;
  /** Makes the root in an empty folder; throws a VerifyError when it cannot. */
  build(target: string): Promise<void>;
  debug: (message: string) => void;
  /** How long to wait for another run that is making the same root. */
  waitMs?: number;
}

/** Where the verifier keeps the root of the current recipe. */
export function locateCachedRoot(): string {
  return join(resolveCacheFolder(), 'machine', hashMachineRecipe(), 'root');
}

const pending = new Map<string, Promise<string>>();

/** The root to start machines from, made first if it is not there yet. */
export function provideMachineRoot(request: RootRequest): Promise<string> {
  if (request.declared) {
    if (existsSync(join(request.declared, 'bin', 'sh'))) return Promise.resolve(request.declared);
    return Promise.reject(
      new VerifyError('SANDBOX_FAILED', `The reader's machine ${request.declared} is missing.`, {
        hint: 'Run `npm run hermetic` again: legs.json names a root it has not made.',
      }),
    );
  }
  const root = locateCachedRoot();
  if (existsSync(root)) return Promise.resolve(root);
  let making = pending.get(root);
  if (!making) {
    making = makeRoot(root, request).finally(() => pending.delete(root));
    pending.set(root, making);
  }
  return making;
}

async function makeRoot(root: string, request: RootRequest): Promise<string> {
  const lock = `${root}.lock`;
  const deadline = Date.now() + (request.waitMs ?? 20 * 60_000);
  await mkdir(join(root, '..'), { recursive: true });
  while (!(await takeLock(lock))) {
    if (existsSync(root)) return root;
    if (Date.now() > deadline) {
      throw new VerifyError('SANDBOX_FAILED', `Another run has been making ${root} for too long.`, {
        hint: `Remove ${lock} if no verifier runs any more.`,
      });
    }
    await sleep(500);
  }
  try {
    if (existsSync(root)) return root;
    const partial = `${root}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    const started = Date.now();
    request.debug(`machine: making the reader's root in ${root}`);
    await request.build(partial);
    await finishRoot(partial);
    await rename(partial, root);
    request.debug(`machine: root made in ${Math.round((Date.now() - started) / 1000)} s`);
    return root;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** A folder with the owner's PID in it; one whose owner died is taken over. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    await writeFile(join(lock, 'pid'), `${process.pid}\n`);
    return true;
  } catch {
    const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
    if (owner && isAlive(owner)) return false;
    // Not written yet, or its owner is gone: give a fresh lock a moment before taking it.
    if (!owner) return false;
    await rm(lock, { recursive: true, force: true });
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
