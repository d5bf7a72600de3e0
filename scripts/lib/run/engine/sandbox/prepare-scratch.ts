/**
 * Creates a sandbox's scratch folder with its daemon.json. Until sandbox.sh runs and owns
 * it, the folder is the verifier's to remove: on a failed preparation, or when the verifier
 * exits in between (a crash while the spare sandbox was being prepared).
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VerifyError } from '../../../core/errors.ts';
import type { RegistrySettings } from '../docker-output.ts';
import type { MachineSpec } from '../machine/reader-machine.ts';
import { buildDaemonConfig } from './daemon-config.ts';
import { buildSandboxResolvConf } from './egress.ts';

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
  { parent = tmpdir() }: { parent?: string | undefined } = {},
): Promise<Scratch> {
  if (/^\/(var\/)?run(\/|$)/.test(parent)) {
    throw new VerifyError('SANDBOX_FAILED', `The sandboxes' folder ${parent} is under /run.`, {
      hint: 'Sandboxes get a private /run, where it would be hidden: set TMPDIR to another folder.',
    });
  }
  if (!isExitHookSet) {
    isExitHookSet = true;
    process.once('exit', () => {
      for (const path of notHandedOver) rmSync(path, { recursive: true, force: true });
    });
  }
  const path = await mkdtemp(join(parent, 'dfv-'));
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
    const resolvConf = await readSandboxResolvConf();
    if (resolvConf !== undefined) await writeFile(join(path, 'resolv.conf'), resolvConf);
    await mkdir(scratch.relayFolder);
    await mkdir(scratch.sessionFolder);
  } catch (error) {
    await scratch.remove();
    throw error;
  }
  return scratch;
}

/**
 * The resolv.conf init.sh installs in the sandbox, if the host's does not serve as it is:
 * one naming only loopback resolvers (egress.ts), or one kept in /run, which the sandbox
 * replaces with a /run of its own. Undefined where the host has none at all.
 */
async function readSandboxResolvConf(): Promise<string | undefined> {
  const where = await realpath('/etc/resolv.conf').catch(() => undefined);
  if (where === undefined) return undefined;
  const text = await readFile(where, 'utf8');
  return buildSandboxResolvConf(text) ?? (/^\/(var\/)?run\//.test(where) ? text : undefined);
}
