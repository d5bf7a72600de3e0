/**
 * What a page's shell finds in the reader's machine (machine.sh makes it): a host name, a
 * home folder it starts in, a reader's PATH, and the session folder through which the
 * verifier hands it the commands to run. Pure.
 */
import { VerifyError } from '../../../core/errors.ts';
import type { EngineInstall } from './plan-engine-install.ts';

export const readerMachine = {
  hostname: 'reader',
  /** The reader is root, in root's home: where a terminal opens. */
  user: 'root',
  homeDir: '/root',
  workDir: '/root',
  /** Debian's PATH for root, with the engine installed in /usr/bin as a package would. */
  path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  /** The session's files (commands, their input), read-only inside the machine. */
  sessionFolder: '/run/verify-examples',
  /** Where the page's shell writes its state (see session/shell-state.ts). */
  stateFolder: '/run/verify-examples-state',
} as const;

/** A machine to start: the cached root it is an overlay of, and the leg's engine in it. */
export interface MachineSpec {
  root: string;
  engine: EngineInstall;
}

/** The session folder of one machine, as the verifier writes it and as the shell reads it. */
export interface SessionFolder {
  host: string;
  reader: string;
  state: string;
}

/** The variables machine.sh reads (through sandbox.sh). */
export function describeMachineEnv(spec: MachineSpec): Record<string, string> {
  const paths = [
    spec.root,
    ...spec.engine.folders.flatMap((folder) => [folder.host, folder.path]),
    ...spec.engine.links.flatMap((link) => [link.path, link.target]),
  ];
  // The lists are words separated by spaces, and links are PATH=TARGET.
  const unfit = paths.find((path) => /[\s=]/.test(path));
  if (unfit) {
    throw new VerifyError(
      'SANDBOX_FAILED',
      `The reader's machine cannot use the path "${unfit}".`,
      {
        hint: 'Move it (or XDG_CACHE_HOME) to a path without spaces or "=".',
      },
    );
  }
  return {
    DFV_MACHINE_ROOT: spec.root,
    DFV_ENGINE_FOLDERS: spec.engine.folders
      .map((folder) => `${folder.path}=${folder.host}`)
      .join(' '),
    DFV_ENGINE_LINKS: spec.engine.links.map((link) => `${link.path}=${link.target}`).join(' '),
    DFV_HOSTNAME: readerMachine.hostname,
    DFV_SESSION_PATH: readerMachine.sessionFolder,
    DFV_STATE_PATH: readerMachine.stateFolder,
  };
}

/**
 * Puts a command line inside the machine: every namespace of its PID 1, and PID 1's root and
 * working folder (`/`; the session's state moves the shell to the page's folder). Never
 * `--root=/`: nsenter opens a named root before it enters the namespaces, so that would be
 * this machine's `/`.
 */
export function wrapInMachine(holderPid: number, argv: readonly string[]): string[] {
  return [
    'nsenter',
    `--target=${holderPid}`,
    '--mount',
    '--net',
    '--pid',
    '--uts',
    '--ipc',
    '--root',
    '--wd',
    '--',
    ...argv,
  ];
}
