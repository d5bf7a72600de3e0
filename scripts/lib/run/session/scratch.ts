import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageEnvironment } from '../engine/engine.ts';

/**
 * The private folders of one page's session, removed when the page ends. Paths are as the
 * page's shell sees them: in a reader's machine, its own, which `write` maps to this machine.
 */
export interface Scratch {
  /** The folder of the session's files (commands, their input, the shell's state). */
  root: string;
  /** Where the session starts: files a page creates land here. */
  workDir: string;
  /** HOME of the session, so `~` and ~/.docker never reach the user's own. */
  homeDir: string;
  /** Where the shell writes its state to hand it to a command on a terminal, and back. */
  stateFile: string;
  /** DOCKER_CONFIG of the session; undefined: Docker's default, ~/.docker. */
  dockerConfig: string | undefined;
  /** A folder of this machine that commands are spawned in (they then move where they run). */
  spawnDir: string;
  /** One file per command, kept for debugging a failure until the page ends. */
  commandFile(index: number): string;
  /** Writes a new file of the session; never overwrites one, nor follows a link. */
  write(path: string, content: string): Promise<void>;
  remove(): Promise<void>;
}

type ScratchPage = Pick<PageEnvironment, 'cliPlugins' | 'machine'>;

/**
 * Creates a page's folders: on this machine, or in the page's reader's machine. `cliPlugins`
 * is where a session on this machine finds its plugins (buildx, compose): a leg's own, or
 * by default the user's; a reader's machine has them installed.
 */
export async function createScratch(
  pageId: string,
  page: ScratchPage = {
    cliPlugins: undefined,
  },
): Promise<Scratch> {
  if (page.machine) return createMachineScratch(pageId, page.machine);
  const root = await mkdtemp(join(tmpdir(), `dfv-${pageId.slice(0, 40)}-`));
  const workDir = join(root, 'work');
  const homeDir = join(root, 'home');
  await Promise.all([mkdir(workDir), mkdir(join(homeDir, '.docker'), { recursive: true })]);
  // The session has a Docker config of its own (no contexts, no credentials of the user's),
  // but the CLI plugins (buildx, compose) of the Docker it runs on stay usable.
  const plugins =
    page.cliPlugins ?? join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'cli-plugins');
  if (existsSync(plugins)) await symlink(plugins, join(homeDir, '.docker', 'cli-plugins'));
  return {
    root,
    workDir,
    homeDir,
    stateFile: join(root, 'state.sh'),
    dockerConfig: join(homeDir, '.docker'),
    spawnDir: workDir,
    commandFile: (index) => join(root, `command-${index}.sh`),
    write: (path, content) => writeFile(path, content, { flag: 'wx' }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * In a reader's machine the session's files are written here into the sandbox's session
 * folder, which the machine shows read-only; only the shell's state lives in its own /run.
 * Before every write, the folder must still be the one made here: nothing the page does in
 * its machine may turn a write of the verifier into one elsewhere on this machine.
 */
async function createMachineScratch(
  pageId: string,
  machine: NonNullable<PageEnvironment['machine']>,
): Promise<Scratch> {
  const name = `${pageId.slice(0, 40)}-${randomBytes(4).toString('hex')}`;
  const host = join(machine.session.host, name);
  await mkdir(host);
  const realHost = await realpath(host);
  const reader = join(machine.session.reader, name);
  const toHost = (path: string) => {
    if (!path.startsWith(`${reader}/`)) throw new Error(`not a session file: ${path}`);
    return join(realHost, path.slice(reader.length + 1));
  };
  return {
    root: reader,
    workDir: machine.workDir,
    homeDir: machine.homeDir,
    stateFile: join(machine.session.state, `${name}.sh`),
    dockerConfig: undefined,
    spawnDir: realHost,
    commandFile: (index) => join(reader, `command-${index}.sh`),
    async write(path, content) {
      if ((await realpath(host)) !== realHost) throw new Error(`${host} was replaced`);
      await writeFile(toHost(path), content, { flag: 'wx' });
    },
    remove: () => rm(host, { recursive: true, force: true }),
  };
}
