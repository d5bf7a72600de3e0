/**
 * Whether a command may read Docker's state: the `docker` CLI, Compose, or the Engine API
 * through docker.sock all name Docker in the command text. The session lets Docker's
 * container list settle before such a command (see PageEnvironment.settle), and skips that
 * request before `echo`, `cat` or `ls`, which cannot see the list. A script that reads from
 * Docker without its command naming Docker is not waited for: for it the race stays as rare
 * as Docker makes it.
 */
export function mayReadDocker(command: string): boolean {
  return /docker/i.test(command);
}
