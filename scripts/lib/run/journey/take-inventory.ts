/**
 * What a reader's Docker and folders hold between two pages of a journey (inventory.ts):
 * Docker's objects through the Engine API where the verifier may speak it, else the way the
 * page's shell asks (the same command wrapper and variables), and the files of the reader's
 * working folder and home, listed inside the page's world, so it sees what the reader sees.
 */
import { runProcess, tailOf } from '../../system/run-process.ts';
import { getJson } from '../engine/docker-api.ts';
import { buildEnv, runDocker } from '../engine/docker-cli.ts';
import type { PageEnvironment } from '../engine/engine.ts';
import {
  type DockerObjects,
  type Inventory,
  readApiListings,
  readCliListings,
} from './inventory.ts';

/** Where the reader's files are, as the page's shell sees them. */
export interface ReaderFolders {
  workDir: string;
  homeDir: string;
}

const cliListings = {
  containers: ['ps', '--all', '--no-trunc', '--format', '{{json .}}'],
  images: ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'],
  volumes: ['volume', 'ls', '--quiet'],
  networks: ['network', 'ls', '--format', '{{.Name}}'],
} as const;

async function listWithCli(page: PageEnvironment): Promise<DockerObjects> {
  const options = { wrap: page.wrapCommand, env: page.env, unsetEnv: page.unsetEnv };
  const list = async (what: keyof typeof cliListings) => {
    const call = await runDocker(cliListings[what], { ...options, timeoutMs: 60_000 });
    if (call.failed) throw new Error(`could not list the reader's ${what}: ${tailOf(call.all, 2)}`);
    return call.stdout;
  };
  const [containers, images, volumes, networks] = await Promise.all([
    list('containers'),
    list('images'),
    list('volumes'),
    list('networks'),
  ]);
  return readCliListings({ containers, images, volumes, networks });
}

async function listWithApi(host: string): Promise<DockerObjects> {
  const [containers, images, volumes, networks] = await Promise.all([
    getJson(host, '/containers/json?all=1'),
    getJson(host, '/images/json'),
    getJson(host, '/volumes'),
    getJson(host, '/networks'),
  ]);
  return readApiListings({ containers, images, volumes, networks });
}

/** The files of the reader's folders, a few levels deep (not node_modules, .git, ~/.docker). */
async function listFiles(page: PageEnvironment, folders: ReaderFolders): Promise<string[]> {
  const roots = [...new Set([folders.workDir, folders.homeDir])];
  const pruned = [
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
  ];
  const [file = 'find', ...args] = page.wrapCommand([
    'find',
    ...roots,
    '-mindepth',
    '1',
    '-maxdepth',
    '3',
    ...pruned,
    '-prune',
    '-o',
    '-print',
  ]);
  const env = buildEnv(page.env, page.unsetEnv);
  const call = await runProcess(file, args, { env, extendEnv: false, timeoutMs: 30_000 });
  if (call.failed) throw new Error(`could not list the reader's files: ${tailOf(call.all, 2)}`);
  return call.stdout
    .split('\n')
    .filter(Boolean)
    .map((path) =>
      path.startsWith(`${folders.workDir}/`)
        ? path.slice(folders.workDir.length + 1)
        : `~/${path.slice(folders.homeDir.length + 1)}`,
    )
    .sort();
}

/** What the reader's Docker and folders hold now; throws when the daemon does not answer. */
export async function takeInventory(
  page: PageEnvironment,
  folders: ReaderFolders,
): Promise<Inventory> {
  const [objects, files] = await Promise.all([
    page.apiHost ? listWithApi(page.apiHost) : listWithCli(page),
    listFiles(page, folders),
  ]);
  return { ...objects, files };
}
