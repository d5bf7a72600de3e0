/**
 * Ends a sandbox from the verifier's side. The teardown itself is sandbox.sh's, started by
 * closing its standard input, the same path a dying verifier takes; this waits for it, falls
 * back to signals and a second teardown when it hangs, and reports leftovers. Never throws.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runProcess } from '../../../system/run-process.ts';
import type { HostRelays } from './host-relay.ts';

export interface SandboxProcess {
  name: string;
  scratch: string;
  cgroupParent: string;
  child: ChildProcess;
  exited: Promise<void>;
  relays: HostRelays;
  debug: (message: string) => void;
}

/** dockerd gets 10 s to stop (sandbox.sh); the rest is killing and removing files. */
const teardownTimeoutMs = 30_000;

export async function disposeSandbox(sandbox: SandboxProcess): Promise<void> {
  const { name, scratch, cgroupParent, child, debug } = sandbox;
  const startedAt = Date.now();
  try {
    child.stdin?.destroy();
    if (!(await finishes(sandbox.exited, teardownTimeoutMs))) {
      debug(`sandbox ${name}: teardown did not finish in time; killing it and retrying`);
      killGroup(child);
      const script = join(import.meta.dirname, 'sandbox.sh');
      const retry = await runProcess('bash', [script, 'teardown', scratch, cgroupParent], {
        timeoutMs: teardownTimeoutMs,
      });
      if (retry.stderr) debug(retry.stderr);
    }
  } catch (error) {
    debug(`sandbox ${name}: teardown failed: ${String(error)}`);
  }
  await sandbox.relays.close().catch((error: unknown) => debug(`relays: ${String(error)}`));
  if (existsSync(scratch)) debug(`sandbox ${name}: scratch folder left behind: ${scratch}`);
  debug(`sandbox ${name} torn down in ${Date.now() - startedAt} ms`);
}

function finishes(promise: Promise<void>, timeoutMs: number): Promise<boolean> {
  const controller = new AbortController();
  return Promise.race([
    promise.then(() => true),
    sleep(timeoutMs, false, { signal: controller.signal }).catch(() => false),
  ]).finally(() => controller.abort());
}

/** sandbox.sh leads its own process group (detached), which holds the whole sandbox. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
