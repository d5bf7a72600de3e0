/** The machine a run measured, as RESULTS.md states it. */
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';
import { runProcess } from '../../scripts/lib/system/run-process.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  kernel: string;
  node: string;
  docker: { client: string; server: string };
}

async function readCpuModel(): Promise<string> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
}

async function readDockerVersions(): Promise<Machine['docker']> {
  const result = await runProcess(
    'docker',
    ['version', '--format', '{{.Client.Version}} {{.Server.Version}}'],
    { timeoutMs: 15_000 },
  );
  const [client = 'unknown', server = 'not reachable'] = result.stdout.trim().split(' ');
  return { client, server };
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: await readCpuModel(),
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    kernel: `Linux ${release()}`,
    node: process.version,
    docker: await readDockerVersions(),
  };
}

/** The 1-minute load average: above the number of cores, other work competed with the run. */
function readLoad(): number {
  return loadavg()[0] ?? 0;
}

export interface LoadSummary {
  min: number;
  max: number;
}

/** Samples the 1-minute load average every `everyMs` until stopped. */
export function watchLoad(everyMs = 10_000): { stop(): LoadSummary } {
  const samples = [readLoad()];
  const timer = setInterval(() => samples.push(readLoad()), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(readLoad());
      return { min: Math.min(...samples), max: Math.max(...samples) };
    },
  };
}

export interface Revision {
  commit: string;
  /** Files changed but not committed under scripts/, src/ and bench/: what else was measured. */
  uncommitted: string[];
}

export async function describeRevision(root: string): Promise<Revision> {
  const git = (args: string[]) => runProcess('git', args, { cwd: root });
  const commit = (await git(['rev-parse', '--short', 'HEAD'])).stdout.trim();
  const status = (await git(['status', '--porcelain', '--', 'scripts', 'src', 'bench'])).stdout;
  return {
    commit: commit || 'unknown',
    uncommitted: status
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3)),
  };
}
