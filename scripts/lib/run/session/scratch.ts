import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteShellWord } from '../../core/shell-word.ts';

/** The private folders of one page's session, removed when the page ends. */
export interface Scratch {
  root: string;
  /** Where the session starts: files a page creates land here. */
  workDir: string;
  /** HOME of the session, so `~` and ~/.docker never reach the user's own. */
  homeDir: string;
  stateFile: string;
  /** One file per command, kept for debugging a failure until the page ends. */
  commandFile(index: number): string;
  remove(): Promise<void>;
}

export async function createScratch(pageId: string): Promise<Scratch> {
  const root = await mkdtemp(join(tmpdir(), `dfv-${pageId.slice(0, 40)}-`));
  const workDir = join(root, 'work');
  const homeDir = join(root, 'home');
  const stateFile = join(root, 'state.sh');
  await Promise.all([mkdir(workDir), mkdir(join(homeDir, '.docker'), { recursive: true })]);
  // The first command starts in workDir even when it is spawned elsewhere: nsenter into a
  // sandbox's mount namespace, for one, moves to `/`.
  await writeFile(stateFile, `cd -- ${quoteShellWord(workDir)}\n`);
  // The session has a Docker config of its own (no contexts, no credentials of the user's),
  // but the user's CLI plugins (buildx, compose) are part of their Docker and stay usable.
  const userPlugins = join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'cli-plugins');
  if (existsSync(userPlugins)) await symlink(userPlugins, join(homeDir, '.docker', 'cli-plugins'));
  return {
    root,
    workDir,
    homeDir,
    stateFile,
    commandFile: (index) => join(root, `command-${index}.sh`),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
