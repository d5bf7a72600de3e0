/** What the session asks of one command, whatever terminal it runs on. */
export interface CommandRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdin: string | undefined;
  /** Type each line of stdin only once the program shows a prompt (an interactive session). */
  isTypedAtPrompt?: boolean | undefined;
  timeoutMs: number;
}

/**
 * Kills a command's whole process group: the shell and everything it started (a `docker
 * run` client, a pipeline), not just the shell. Commands are spawned detached, so the group
 * is theirs alone.
 */
export function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const runningGroups = new Set<number>();

/**
 * Remembers a running command's process group until it ends, so an interrupted run (Ctrl-C)
 * can kill every command still running, whichever page it belongs to.
 */
export function trackProcessGroup(pid: number | undefined): () => void {
  if (pid === undefined) return () => {};
  runningGroups.add(pid);
  return () => runningGroups.delete(pid);
}

export function killRunningCommands(): void {
  for (const pid of runningGroups) killProcessGroup(pid);
}
