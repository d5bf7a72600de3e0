/**
 * Commands a reader runs on a terminal and types into: `docker run -it`, `docker exec -it`,
 * `docker attach`, `docker compose exec`. Pure; read from the command text as written.
 */

/** Splits a command into words, quotes removed; good enough to read flags. */
function splitWords(command: string): string[] {
  return (command.replace(/\\\n/g, ' ').match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) =>
    word.replace(/^(["'])(.*)\1$/, '$2'),
  );
}

/** Whether flags ask for both stdin (`-i`) and a terminal (`-t`), and not for `-d`. */
function hasInteractiveTerminal(flags: readonly string[]): boolean {
  let stdin = false;
  let tty = false;
  for (const flag of flags) {
    if (flag === '--detach' || /^-[a-zA-Z]*d[a-zA-Z]*$/.test(flag)) return false;
    if (flag === '--interactive' || /^-[a-zA-Z]*i[a-zA-Z]*$/.test(flag)) stdin = true;
    if (flag === '--tty' || /^-[a-zA-Z]*t[a-zA-Z]*$/.test(flag)) tty = true;
  }
  return stdin && tty;
}

/** The words of a command from `docker` on, `sudo` and variable assignments skipped. */
function dockerWords(command: string): string[] | undefined {
  const words = splitWords(command.split(/\n|&&|;|\|/)[0] ?? '');
  const at = words.findIndex((word) => word === 'docker' || word.endsWith('/docker'));
  if (at === -1) return undefined;
  if (words.slice(0, at).some((word) => !/^(sudo|[A-Z_][A-Z0-9_]*=.*)$/.test(word)))
    return undefined;
  return words.slice(at + 1);
}

/**
 * Whether a command attaches the reader's terminal to a program: `docker run -it`/`-ti`/
 * `-i -t`, `docker exec -it`, `docker container run|exec -it`, `docker attach`, `docker
 * start -ai`. A detached `-d` run is not. With `isSessionShown`, also `docker compose
 * exec`/`run`, which give a terminal by default: those count only when the page shows a
 * session typed into them, since their output is the same without one.
 */
export function isInteractiveCommand(command: string, isSessionShown = false): boolean {
  const words = dockerWords(command);
  if (!words) return false;
  const [first, second, ...rest] = words;
  const [verb, flags] =
    first === 'container' ? [second, rest] : [first, second === undefined ? [] : [second, ...rest]];
  if (verb === 'attach') return true;
  if (verb === 'run' || verb === 'exec') return hasInteractiveTerminal(imageFlags(flags));
  if (verb === 'start')
    return flags.some((word) => /^-[a-z]*a[a-z]*$/.test(word) && word.includes('i'));
  if (verb === 'compose' && isSessionShown) {
    const sub = flags.find((word) => !word.startsWith('-'));
    return (sub === 'exec' || sub === 'run') && !flags.includes('-T') && !flags.includes('-d');
  }
  return false;
}

/** The words up to the image or container: what follows belongs to the program. */
function imageFlags(words: readonly string[]): string[] {
  const flags: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (!word.startsWith('-')) break;
    flags.push(word);
    // `--name web`, `-e A=1`, `-v a:b`: a value follows unless it is joined with `=`.
    if (takesValue(word)) index++;
  }
  return flags;
}

const valueFlags =
  /^(-[a-zA-Z]*[ehlmpuvwc]|--(?!interactive$|tty$|rm$|init$|privileged$|detach$|read-only$)[a-z-]+)$/;

function takesValue(flag: string): boolean {
  if (flag.includes('=')) return false;
  return valueFlags.test(flag);
}
