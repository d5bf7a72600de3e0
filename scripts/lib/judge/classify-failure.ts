import type { EnvironmentProblem } from '../core/errors.ts';

interface KnownProblem {
  /** Matches one line of the output. */
  pattern: RegExp;
  /** The problem, given the line that matched (and the pattern's groups). */
  describe(line: string, match: RegExpExecArray): EnvironmentProblem;
}

const mirrorHint =
  'This machine cannot pull it: run `npm run hermetic` for an offline mirror that has it, configure `registry-mirrors` in the daemon, or mark the block skip="needs <image>".';

/** A registry on the page's own machine (`localhost:5000`): the page runs it, so it is the page's. */
const ownRegistry = /(?:"https?:\/\/|\b)(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?\//;

/**
 * Messages that mean the machine, not the documentation, is at fault, each said in one line.
 * They only count when the page does not document the same message itself (a page may show
 * a failed pull on purpose), and never for a registry the page runs on its own machine: that
 * one refusing a connection is the page's failure. A daemon that stopped answering is found
 * by asking it, not by its messages.
 */
const knownProblems: readonly KnownProblem[] = [
  {
    pattern: /toomanyrequests|You have reached your (?:unauthenticated )?pull rate limit/,
    describe: (line) => ({
      code: 'REGISTRY_UNREACHABLE',
      message: `The registry refused the pull (rate limit): ${line}`,
      hint: mirrorHint,
    }),
  },
  {
    pattern:
      /pull access denied|manifest unknown|repository does not exist|not found: manifest|manifest for \S+ not found|Bad Gateway|failed to resolve reference "[^"]+": .*not found/,
    describe: (line) => ({
      code: 'IMAGE_NOT_FOUND',
      message: `An image the page uses cannot be pulled here: ${line}`,
      hint: mirrorHint,
    }),
  },
  {
    pattern:
      /Error response from daemon: (?:Get|Head) "https?:\/\/[^"]+": (?:dial tcp|net\/http|proxyconnect|context deadline|EOF|lookup)/,
    describe: (line) => ({
      code: 'REGISTRY_UNREACHABLE',
      message: `The registry cannot be reached from here: ${line}`,
      hint: mirrorHint,
    }),
  },
  {
    // A package manager in a build or a container (npm, apt, curl) that finds no way to its
    // registry: the line that names the registry, so that one the page runs on its own
    // machine (a local npm registry) stays the page's failure.
    pattern:
      /npm (?:ERR!|error) (?:network )?request to \S+ failed, reason: .*\bE(?:AI_AGAIN|NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)\b|Temporary failure resolving '[^']+'|Could not resolve host: \S+/,
    describe: (line) => ({
      code: 'REGISTRY_UNREACHABLE',
      message: `A package registry cannot be reached from here: ${line}`,
      hint: 'The page installs packages from the internet: run where the registry answers (in a sandbox, slirp4netns gives containers their way out), or mark the block skip="needs the network".',
    }),
  },
  {
    pattern: /^(?:bash: )?(?:line \d+: )?([\w.+-]+): command not found$/,
    describe: (_line, match) => ({
      code: 'MISSING_TOOL',
      message: `\`${match[1]}\` is not installed here, and the page assumes it`,
      hint: `Install ${match[1]} where the verifier runs, or mark the block skip="needs ${match[1]}".`,
    }),
  },
  {
    pattern: /the input device is not a TTY|input device is not a TTY/,
    describe: () => ({
      code: 'NEEDS_TERMINAL',
      message: 'The command needs a terminal (the input device is not a TTY)',
      hint: 'Show it as a `$ ` transcript (a `docker run -it` there gets a terminal), or add `tty` to the fence.',
    }),
  },
];

/** Finds an environment problem in a failed command's output, if there is one. */
export function classifyFailure(
  output: string,
  documented: readonly string[],
): EnvironmentProblem | undefined {
  const lines = output.split('\n').map((line) => line.trim());
  for (const known of knownProblems) {
    if (documented.some((line) => known.pattern.test(line.trim()))) continue;
    for (const line of lines) {
      const match = known.pattern.exec(line);
      if (match && !ownRegistry.test(line)) return known.describe(line, match);
    }
  }
  return undefined;
}
