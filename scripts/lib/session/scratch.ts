import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  await Promise.all([mkdir(workDir), mkdir(join(homeDir, '.docker'), { recursive: true })]);
  return {
    root,
    workDir,
    homeDir,
    stateFile: join(root, 'state.sh'),
    commandFile: (index) => join(root, `command-${index}.sh`),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
