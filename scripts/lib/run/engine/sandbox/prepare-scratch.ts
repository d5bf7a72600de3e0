/**
 * Creates a sandbox's scratch folder with its daemon.json. Until sandbox.sh runs and owns
 * it, the folder is the verifier's to remove: on a failed preparation, or when the verifier
 * exits in between (a crash while the spare sandbox was being prepared).
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VerifyError } from '../../../core/errors.ts';
import type { RegistrySettings } from '../docker-output.ts';
import type { MachineSpec } from '../machine/reader-machine.ts';
import { buildDaemonConfig } from './daemon-config.ts';

export interface Scratch {
  path: string;
  /** `dfv-XXXXXX`: names the sandbox in logs and its cgroups. */
  name: string;
  cgroupParent: string;
  relayFolder: string;
  /** Commands a page's shell reads, in a reader's machine (machine.sh shows it inside). */
  sessionFolder: string;
  /** sandbox.sh now owns the folder: its teardown removes it. */
  handOver(): void;
  /** Removes the folder if it was never handed over. */
  remove(): Promise<void>;
}

const notHandedOver = new Set<string>();
let isExitHookSet = false;

export async function prepareScratch(
  registry: RegistrySettings,
  store: string | undefined,
  machine: MachineSpec | undefined,
): Promise<Scratch> {
  if (/^\/(var\/)?run(\/|$)/.test(tmpdir())) {
    throw new VerifyError('SANDBOX_FAILED', `The temporary folder ${tmpdir()} is under /run.`, {
      hint: 'Sandboxes get a private /run, where it would be hidden: set TMPDIR to another folder.',
    });
  }
  if (!isExitHookSet) {
    isExitHookSet = true;
    process.once('exit', () => {
      for (const path of notHandedOver) rmSync(path, { recursive: true, force: true });
    });
  }
  const path = await mkdtemp(join(tmpdir(), 'dfv-'));
  notHandedOver.add(path);
  const name = basename(path);
  const scratch: Scratch = {
    path,
    name,
    cgroupParent: `/${name}`,
    relayFolder: join(path, 'relay'),
    sessionFolder: join(path, 'session'),
    handOver: () => notHandedOver.delete(path),
    remove: async () => {
      if (notHandedOver.delete(path)) await rm(path, { recursive: true, force: true });
    },
  };
  try {
    const config = buildDaemonConfig({
      scratch: path,
      cgroupParent: scratch.cgroupParent,
      registry,
      store,
      isInMachine: machine !== undefined,
    });
    await writeFile(join(path, 'daemon.json'), JSON.stringify(config));
    await mkdir(scratch.relayFolder);
    await mkdir(scratch.sessionFolder);
  } catch (error) {
    await scratch.remove();
    throw error;
  }
  return scratch;
}
