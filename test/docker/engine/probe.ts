/**
 * What the engine tests look at from outside: the user's daemon, and a sandbox's processes,
 * scratch folder and cgroups as /proc and /sys show them.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { execa } from 'execa';
import { buildEnv } from '../../../scripts/lib/run/engine/docker-cli.ts';
import type { PageEnvironment } from '../../../scripts/lib/run/engine/engine.ts';
import { hostDaemonEnv } from '../../helpers/legs.ts';

/** Fails (never skips) with a message saying what is missing. */
export async function requireDocker(): Promise<void> {
  const result = await execa('docker', ['version', '--format', '{{.Server.Version}}'], {
    env: await hostDaemonEnv(),
    reject: false,
    timeout: 20_000,
  });
  if (result.exitCode !== 0) {
    throw new Error(
      `These tests need the docker CLI and a running Docker daemon (${result.code === 'ENOENT' ? 'docker is not on PATH' : String(result.stderr).trim()}).`,
    );
  }
}

/**
 * Runs a command in a page's Docker world, as a session would; `inputFile`, a file of this
 * machine, is its standard input (the page's own machine cannot see this one's files).
 */
export function runInPage(page: PageEnvironment, argv: readonly string[], inputFile?: string) {
  const [file = 'true', ...args] = page.wrapCommand(argv);
  return execa(file, args, {
    reject: false,
    env: buildEnv(page.env, page.unsetEnv),
    extendEnv: false,
    timeout: 120_000,
    ...(inputFile ? { inputFile } : {}),
  });
}

/** Runs `docker` against the user's daemon: in these tests, hermetic's host dockerd. */
export async function runOnHost(args: readonly string[]) {
  return execa('docker', args, { env: await hostDaemonEnv(), reject: false, timeout: 120_000 });
}

export interface SandboxProbe {
  holderPid: number;
  scratch: string;
  netns: string;
  mntns: string;
  /**
   * Open namespace files: a freed namespace's inode is soon reused (by the next sandbox), so
   * "a process in net:[N]" only means this sandbox while something holds it. See releaseProbe.
   */
  pins: number[];
}

function pinNamespaces(pid: number): Pick<SandboxProbe, 'netns' | 'mntns' | 'pins'> {
  const pins = ['net', 'mnt'].map((kind) => openSync(`/proc/${pid}/ns/${kind}`, 'r'));
  const [netns = '', mntns = ''] = pins.map((fd) => readlinkSync(`/proc/self/fd/${fd}`));
  return { netns, mntns, pins };
}

export function releaseProbe(probe: SandboxProbe): void {
  for (const fd of probe.pins.splice(0)) closeSync(fd);
}

/**
 * Finds a page's sandbox through the holder pid its wrapCommand enters, and its scratch
 * folder through the `sandbox.sh run SCRATCH` that started it (the holder's grandparent).
 */
export function probeSandbox(page: PageEnvironment): SandboxProbe {
  const target = page.wrapCommand(['true']).find((word) => word.startsWith('--target='));
  const holderPid = Number(target?.slice('--target='.length));
  let pid = holderPid;
  let scratch = '';
  for (let depth = 0; depth < 3 && !scratch; depth++) {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv[1]?.endsWith('sandbox.sh') && argv[2] === 'run') scratch = argv[3] ?? '';
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  if (!scratch) throw new Error(`no sandbox.sh above the holder ${holderPid}`);
  return { holderPid, scratch, ...pinNamespaces(holderPid) };
}

/** Finds a sandbox from its scratch folder, through the holder line init.sh writes there. */
export function probeScratch(scratch: string): SandboxProbe {
  const holderPid = Number(readFileSync(`${scratch}/holder`, 'utf8').split(' ')[0]);
  return { holderPid, scratch, ...pinNamespaces(holderPid) };
}

/** Scratch folders of the sandbox.sh processes a process started. */
export function listSandboxesOf(parentPid: number): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const isSandbox = argv[1]?.endsWith('sandbox.sh') && argv[2] === 'run';
        return parent === parentPid && isSandbox ? [argv[3] ?? ''] : [];
      } catch {
        return [];
      }
    });
}

export interface Leftovers {
  processes: number[];
  scratch: boolean;
  cgroups: string[];
}

export function findLeftovers(probe: SandboxProbe): Leftovers {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readlinkSync(`/proc/${pid}/ns/net`) === probe.netns ||
          readlinkSync(`/proc/${pid}/ns/mnt`) === probe.mntns ||
          isEgressOf(pid, probe.holderPid)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  const name = basename(probe.scratch);
  const cgroups = ['', ...readdirSync('/sys/fs/cgroup')]
    .map((controller) => `/sys/fs/cgroup/${controller ? `${controller}/` : ''}${name}`)
    .filter((path) => existsSync(path));
  return { processes, scratch: existsSync(probe.scratch), cgroups };
}

/** The sandbox's slirp4netns (egress.sh): in the host's namespaces, named by its holder's pid. */
function isEgressOf(pid: string, holderPid: number): boolean {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  return argv[0]?.endsWith('slirp4netns') === true && argv.includes(String(holderPid));
}

export const noLeftovers: Leftovers = { processes: [], scratch: false, cgroups: [] };

/** Polls until `check` holds or `timeoutMs` passes; returns the last value. */
export async function waitFor<T>(read: () => T, check: (value: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}
