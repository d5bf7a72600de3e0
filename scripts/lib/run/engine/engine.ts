/**
 * The Docker world a page runs in. Two kinds exist:
 * - `sandbox`: every page gets a throwaway dockerd of its own, in private mount and network
 *   namespaces, so it starts from a fresh install (first pulls really pull), cannot see or
 *   touch the user's containers, images, volumes or networks, and cannot collide with a page
 *   running beside it (names, ports). Needs root and the dockerd binaries.
 * - `host`: the user's own daemon (DOCKER_HOST or the current context). What existed when
 *   the run started is never touched; what a page creates or pulls is removed when the page
 *   ends. Pages run one at a time.
 */

import type { DockerVersions, EngineKind, RunLeg } from '../../core/legs.ts';

export interface PageRequest {
  /** Stable, filesystem-safe identifier of the page (used in names and logs). */
  id: string;
  /** Images to have present before the page starts (frontmatter `verify.images`), pulled quietly. */
  images: readonly string[];
  /** The toolbox tools the reader has installed; default: all of them. */
  tools?: readonly string[] | undefined;
}

export interface PageEnvironment {
  /**
   * Turns a command line into one that runs inside the page's Docker world, e.g. behind
   * `nsenter` for a sandbox. Host mode returns it unchanged.
   */
  wrapCommand(argv: readonly string[]): string[];
  /** Variables a session must set so `docker` reaches the page's daemon. */
  env: Readonly<Record<string, string>>;
  /** Variables a session must remove (DOCKER_HOST, DOCKER_CONTEXT... when the sandbox decides). */
  unsetEnv: readonly string[];
  /**
   * Paths the daemon prints that a reader's daemon prints otherwise (a data root that is
   * not /var/lib/docker), each with what a reader sees instead: the session shows output
   * as the reader's daemon would, and `--update` never writes the machine's paths.
   */
  readerPaths: readonly PathMapping[];
  /** The CLI plugins (buildx, compose) a session's `docker` finds; undefined: the user's. */
  cliPlugins: string | undefined;
  /**
   * The daemon's Engine API address (`unix://...`) when the verifier may list what exists
   * through it, a process cheaper than the CLI; undefined: list with the CLI.
   */
  apiHost?: string | undefined;
  /**
   * The reader's machine the page's commands run in (its own root, processes and host name),
   * with where its shell starts and the session folder the verifier hands commands through;
   * undefined where commands run on this machine (`--docker host`).
   */
  machine?: PageMachine | undefined;
  /**
   * Why a command may not run in this world (as the line the reader's terminal shows), or
   * undefined. Host mode refuses commands that would reach the user's daemon past its guard.
   */
  refuseCommand?(command: string): string | undefined;
  /** Whether the daemon still answers: tells a broken environment apart from a failed command. */
  isDaemonAlive(): Promise<boolean>;
  /**
   * Waits until the daemon lists containers as they are: one that just exited can be listed
   * as running for a moment after `docker run` returned. A reader types slower than that; the
   * session, calling this before a command that may read Docker's state, must not be faster
   * than Docker's bookkeeping.
   */
  settle(): Promise<void>;
  /**
   * Removes everything the page created: containers (running or not), images it pulled or
   * built, volumes, networks, processes. Never throws; safe to call twice.
   */
  dispose(): Promise<void>;
}

export interface PageMachine {
  /**
   * The session's files: written at `host`, read by the shell at `reader` (read-only there);
   * the shell's state goes into the folder `state`, inside.
   */
  session: { host: string; reader: string; state: string };
  homeDir: string;
  workDir: string;
  user: string;
  path: string;
  /**
   * Leaves on PATH the commands of these tools of the reader's toolbox (core/reader-toolbox.ts)
   * and no other of its tools; `all` puts every one back. The page's shell, coreutils and
   * Docker always stay.
   */
  setTools(visible: readonly string[] | 'all'): Promise<void>;
}

export interface PathMapping {
  actual: string;
  shown: string;
}

/** Docker's default data root, the one readers' daemons print. */
export const readerDataRoot = '/var/lib/docker';

/** The mapping from a daemon's data root to the reader's, none when they are the same. */
export function mapDataRoot(dataRoot: string | undefined): PathMapping[] {
  return dataRoot && dataRoot !== readerDataRoot
    ? [{ actual: dataRoot, shown: readerDataRoot }]
    : [];
}

export interface DockerEngine {
  leg: RunLeg;
  kind: EngineKind;
  versions: DockerVersions;
  /** How many pages may run at once on this engine. */
  maxParallelPages: number;
  openPage(request: PageRequest): Promise<PageEnvironment>;
  /**
   * The run will open `count` pages on this engine (a retry may open more): an engine that
   * prepares pages ahead (a sandbox engine's spare) prepares none beyond them. Without it, an
   * engine prepares as if pages kept coming.
   */
  expectPages(count: number): void;
  /** Disposes every open page and anything the engine started. Never throws; idempotent. */
  close(): Promise<void>;
}
