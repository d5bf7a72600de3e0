import type { EnvironmentProblem } from '../core/errors.ts';
import type { PublishedPorts } from '../plan/find-published-ports.ts';
import { findRefusedPort } from './find-refused-port.ts';

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
      hint: `Sandboxed pages run in a reader's machine with the tools of its toolbox (README, "The reader's machine"): show how to install ${match[1]} on the page, or mark the block skip="needs ${match[1]}".`,
    }),
  },
  {
    pattern:
      /The connection to the server \S+ was refused|couldn't get current server API group list/,
    describe: () => ({
      code: 'MISSING_SERVICE',
      message:
        'kubectl has no Kubernetes cluster to talk to, and the page assumes one it never starts',
      hint: 'Mark the block skip="needs a Kubernetes cluster".',
    }),
  },
  {
    pattern: /^verify-examples: |Error response from daemon: verify-examples: /,
    describe: (line) => ({
      code: 'HOST_STATE_KEPT',
      message: `Kept from changing your own Docker: ${line.replace(/^.*?verify-examples: /, '').replace(/; on your own daemon.*$/, '')}`,
      hint: 'On your own daemon (--docker host) a page may not change or remove what it did not create: run it in a sandbox (--docker sandbox, as root), or rename or remove your own object first.',
    }),
  },
  {
    // Docker 29's CLI says it the second way (cli/command/container: CheckTty).
    pattern:
      /input device is not a TTY|cannot attach stdin to a TTY-enabled container because stdin is not a terminal/,
    describe: () => ({
      code: 'NEEDS_TERMINAL',
      message: 'The command needs a terminal (the input device is not a TTY)',
      hint: 'Show it as a `$ ` transcript (a `docker run -it` there gets a terminal), or add `tty` to the fence.',
    }),
  },
];

/**
 * Finds an environment problem in a failed command's output, if there is one. A connection
 * to a port on the reader's machine that nothing listens on is one when the page never
 * publishes that port: it assumes a service (a database, say) that it never starts.
 */
export function classifyFailure(
  output: string,
  documented: readonly string[],
  publishedPorts: PublishedPorts = new Set(),
): EnvironmentProblem | undefined {
  const lines = output.split('\n').map((line) => line.trim());
  for (const known of knownProblems) {
    if (documented.some((line) => known.pattern.test(line.trim()))) continue;
    for (const line of lines) {
      const match = known.pattern.exec(line);
      if (match && !ownRegistry.test(line)) return known.describe(line, match);
    }
  }
  // The daemon's own dial (a pull from a registry on localhost) stays the page's, as above.
  const refused = lines
    .filter((line) => !line.includes('Error response from daemon'))
    .map(findRefusedPort)
    .find((port) => port !== undefined);
  if (refused === undefined || publishedPorts === 'any' || publishedPorts.has(refused))
    return undefined;
  if (documented.some((line) => findRefusedPort(line.trim()) === refused)) return undefined;
  return {
    code: 'MISSING_SERVICE',
    message: `Nothing listens on port ${refused} of the reader's machine: the page assumes a service there that it never starts`,
    hint: `Start it on the page (a container published with -p ${refused}:...), or mark the block skip="needs a service on port ${refused}".`,
  };
}
