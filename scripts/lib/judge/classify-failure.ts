import type { EnvironmentProblem } from './results.ts';

interface KnownProblem {
  pattern: RegExp;
  problem: EnvironmentProblem;
}

const mirrorHint =
  'Docker Hub is not reachable from here. Run `npm run hermetic` for an offline mirror, or configure `registry-mirrors` in the daemon.';

/**
 * Messages that mean the machine, not the documentation, is at fault. They only count when
 * the page does not document the same message itself (a page may show a failed pull on
 * purpose). A daemon that stopped answering is found by asking it, not by its messages: a
 * page may well show `Cannot connect to the Docker daemon` for a socket of its own.
 */
const knownProblems: readonly KnownProblem[] = [
  {
    pattern:
      /Error response from daemon: (?:Get|Head) "https?:\/\/[^"]+": (?:dial tcp|net\/http|proxyconnect|context deadline|EOF)/,
    problem: {
      code: 'REGISTRY_UNREACHABLE',
      message: 'The registry could not be reached',
      hint: mirrorHint,
    },
  },
  {
    pattern: /pull access denied|manifest unknown|repository does not exist|not found: manifest/,
    problem: {
      code: 'IMAGE_NOT_FOUND',
      message: 'An image the page uses was not found in the registry',
      hint: `Check the image name. ${mirrorHint}`,
    },
  },
];

/** Finds an environment problem in a failed command's output, if there is one. */
export function classifyFailure(
  output: string,
  documented: readonly string[],
): EnvironmentProblem | undefined {
  const documentedText = documented.join('\n');
  const known = knownProblems.find(
    ({ pattern }) => pattern.test(output) && !pattern.test(documentedText),
  );
  if (!known) return undefined;
  const line = output
    .split('\n')
    .find((text) => known.pattern.test(text))
    ?.trim();
  return {
    ...known.problem,
    message: line ? `${known.problem.message}: ${line}` : known.problem.message,
  };
}
