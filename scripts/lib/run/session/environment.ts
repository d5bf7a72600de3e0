import type { PageEnvironment } from '../engine/engine.ts';
import type { Scratch } from './scratch.ts';

export const terminalSize = { columns: 80, rows: 24 } as const;

/**
 * The variables every command sees: the same on every machine, so output does not depend
 * on the user's locale, time zone, pager or colours. Nothing else is inherited but PATH,
 * and in a reader's machine not even that: its PATH is the machine's own.
 */
export function createSessionEnv(
  scratch: Scratch,
  page: PageEnvironment,
  pageEnv: Readonly<Record<string, string>>,
  isTty: boolean,
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: scratch.homeDir,
    ...(scratch.dockerConfig ? { DOCKER_CONFIG: scratch.dockerConfig } : {}),
    USER: page.machine?.user ?? process.env.USER ?? 'root',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    COLUMNS: String(terminalSize.columns),
    LINES: String(terminalSize.rows),
    NO_COLOR: '1',
    PAGER: 'cat',
    TERM: isTty ? 'xterm-256color' : 'dumb',
    ...page.env,
    ...pageEnv,
  };
  for (const name of page.unsetEnv) delete env[name];
  return env;
}
