/**
 * What a reader's Docker and folders hold between two pages of a journey: containers (with
 * their names, whether they run, the host ports they publish), tagged images, volumes, the
 * networks a page made, and the files in the reader's working folder and home. Asked the
 * way the page's shell asks (the same command wrapper and variables), so it sees what the
 * reader sees.
 */
import { z } from 'zod';
import { type ProcessResult, runProcess, tailOf } from '../../system/run-process.ts';
import { buildEnv, runDocker } from '../engine/docker-cli.ts';
import type { PageEnvironment } from '../engine/engine.ts';

export interface ContainerItem {
  id: string;
  name: string;
  /** The image it runs, as `docker ps` shows it. */
  image: string;
  isRunning: boolean;
  /** Host ports it publishes. */
  ports: number[];
}

export interface Inventory {
  containers: ContainerItem[];
  /** `repository:tag` of every tagged image. */
  images: string[];
  volumes: string[];
  /** Networks other than Docker's own (bridge, host, none). */
  networks: string[];
  /** Paths relative to the working folder (`app/Dockerfile`), or to home (`~/.bashrc`). */
  files: string[];
}

/** Where the reader's files are, as the page's shell sees them. */
export interface ReaderFolders {
  workDir: string;
  homeDir: string;
}

const containerRow = z.object({
  ID: z.string(),
  Names: z.string(),
  Image: z.string(),
  State: z.string(),
  Ports: z.string(),
});

/** Host ports of `docker ps`'s PORTS column: `0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp`. Pure. */
export function readPublishedPorts(column: string): number[] {
  const ports = [...column.matchAll(/:(\d+)(?:-(\d+))?->/g)].flatMap((match) => {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    return Array.from({ length: Math.min(last - first, 1000) + 1 }, (_, index) => first + index);
  });
  return [...new Set(ports)].sort((a, b) => a - b);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `docker ps --all --format '{{json .}}'`, one container per line. Pure. */
export function parseContainerRows(stdout: string): ContainerItem[] {
  return splitLines(stdout).flatMap((line) => {
    const row = containerRow.safeParse(parseJson(line));
    if (!row.success) return [];
    const { ID, Names, Image, State, Ports } = row.data;
    const ports = readPublishedPorts(Ports);
    return [{ id: ID, name: Names, image: Image, isRunning: State === 'running', ports }];
  });
}

const dockerNetworks = ['bridge', 'host', 'none'];
const listings = {
  containers: ['ps', '--all', '--no-trunc', '--format', '{{json .}}'],
  images: ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'],
  volumes: ['volume', 'ls', '--quiet'],
  networks: ['network', 'ls', '--format', '{{.Name}}'],
} as const;

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function readOrThrow(what: string, call: ProcessResult): string {
  if (call.failed) throw new Error(`could not list the reader's ${what}: ${tailOf(call.all, 2)}`);
  return call.stdout;
}

/** The files of the reader's folders, a few levels deep (not node_modules, .git, ~/.docker). */
async function listFiles(page: PageEnvironment, folders: ReaderFolders): Promise<string[]> {
  const roots = [...new Set([folders.workDir, folders.homeDir])];
  const [file = 'find', ...args] = page.wrapCommand([
    'find',
    ...roots,
    '-mindepth',
    '1',
    '-maxdepth',
    '3',
    '(',
    '-name',
    'node_modules',
    '-o',
    '-name',
    '.git',
    '-o',
    '-name',
    '.docker',
    ')',
    '-prune',
    '-o',
    '-print',
  ]);
  const call = await runProcess(file, args, {
    env: buildEnv(page.env, page.unsetEnv),
    extendEnv: false,
    timeoutMs: 30_000,
  });
  return splitLines(readOrThrow('files', call)).map((path) =>
    path.startsWith(`${folders.workDir}/`)
      ? path.slice(folders.workDir.length + 1)
      : `~/${path.slice(folders.homeDir.length + 1)}`,
  );
}

/** What the reader's Docker and folders hold now; throws when the daemon does not answer. */
export async function takeInventory(
  page: PageEnvironment,
  folders: ReaderFolders,
): Promise<Inventory> {
  const options = { wrap: page.wrapCommand, env: page.env, unsetEnv: page.unsetEnv };
  const list = async (what: keyof typeof listings) =>
    readOrThrow(what, await runDocker(listings[what], { ...options, timeoutMs: 60_000 }));
  const [containers, images, volumes, networks, files] = await Promise.all([
    list('containers'),
    list('images'),
    list('volumes'),
    list('networks'),
    listFiles(page, folders),
  ]);
  return {
    containers: parseContainerRows(containers),
    images: splitLines(images).filter((image) => !image.includes('<none>')),
    volumes: splitLines(volumes),
    networks: splitLines(networks).filter((name) => !dockerNetworks.includes(name)),
    files: files.sort(),
  };
}
