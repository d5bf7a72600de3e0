import type { EnvironmentProblem } from '../core/errors.ts';

/**
 * The docker CLI plugins pages use as if they were docker's own commands. Without the
 * plugin, `docker compose up` says `docker: 'compose' is not a docker command.`, and
 * `docker compose --progress quiet up` fails earlier, on the flag, with docker's own usage
 * (`Usage:  docker [OPTIONS] COMMAND`): either way the reader's docker lacks the plugin,
 * which is the machine's fault, not the page's. So is a `docker build` that the legacy
 * builder ran because docker has no buildx: it says so (`Install the buildx component`).
 */
const plugins = ['compose', 'buildx', 'scout', 'init', 'debug', 'model'];

const notACommand = /docker: '([\w-]+)' is not a docker command/;
const rootUsage = /^Usage:\s+docker \[OPTIONS\] COMMAND/;
const unknownFlag = /^unknown (?:shorthand )?flag:/;
const legacyBuilder = /^Install the buildx component to build images with BuildKit/;

/** The plugin `command` calls as `docker NAME ...`, if it calls one. */
function findCalledPlugin(command: string): string | undefined {
  const match = /(?:^|[;&|(]\s*|\bsudo\s+)docker\s+([\w-]+)/.exec(command);
  const name = match?.[1];
  return name && plugins.includes(name) ? name : undefined;
}

/** The plugin the output says docker lacks, if it says so. */
function nameMissingPlugin(command: string, lines: readonly string[]): string | undefined {
  if (lines.some((line) => legacyBuilder.test(line))) return 'buildx';
  const named = lines.map((line) => notACommand.exec(line)?.[1]).find((name) => name);
  if (named) return plugins.includes(named) ? named : undefined;
  const called = findCalledPlugin(command);
  const isRootUsage =
    lines.some((line) => unknownFlag.test(line)) && lines.some((line) => rootUsage.test(line));
  return called && isRootUsage ? called : undefined;
}

/**
 * A failed `docker PLUGIN ...` whose output shows that docker has no such plugin, unless
 * the page documents that very failure. Pure.
 */
export function findMissingPlugin(
  command: string,
  output: string,
  documented: readonly string[],
): EnvironmentProblem | undefined {
  const isDocumented = (line: string) =>
    notACommand.test(line) || unknownFlag.test(line.trim()) || legacyBuilder.test(line.trim());
  if (documented.some(isDocumented)) return undefined;
  const missing = nameMissingPlugin(
    command,
    output.split('\n').map((line) => line.trim()),
  );
  if (!missing) return undefined;
  return {
    code: 'MISSING_TOOL',
    message: `\`docker ${missing}\` is not installed here (docker has no ${missing} plugin), and the page assumes it`,
    hint: `Install docker's ${missing} plugin where the page runs (the sandbox legs have compose and buildx), or mark the block skip="needs docker ${missing}".`,
  };
}
