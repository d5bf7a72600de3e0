/**
 * The versions `docker version`, `docker --version` and the Engine API's `/version` print are
 * named values by default, without frontmatter: each version the page shows there stands for
 * what a leg prints in its place, bound per page and leg (judge/bind-values.ts). On the legs
 * of the engine the block shows (the same major.minor), they are compared as written instead,
 * so the page shows what one leg really prints (plan/plan-page.ts decides per leg). Pure.
 */
import type { NamedValue } from '../core/named-values.ts';

/** A block's versions: its values, and the engine version it shows, if any. */
export interface VersionValues {
  values: NamedValue[];
  /** The Engine's (else the client's) version the output shows: which legs print it. */
  engine: string | undefined;
  /** Values that differ from machine to machine on any leg (a kernel): never literal. */
  machineValues: NamedValue[];
}

const versionPattern = '\\d+\\.\\d+\\.\\d+\\S*';
const apiPattern = '\\d+\\.\\d+';

/** Text fields of `docker version`, by their label. */
const textFields: Record<string, { suffix: string; pattern: string }> = {
  Version: { suffix: 'VERSION', pattern: `v?${versionPattern}` },
  'API version': { suffix: 'API_VERSION', pattern: apiPattern },
  'Go version': { suffix: 'GO_VERSION', pattern: 'go\\d+\\S*' },
  'Git commit': { suffix: 'GIT_COMMIT', pattern: '\\S+' },
  GitCommit: { suffix: 'GIT_COMMIT', pattern: '\\S+' },
};

/** Keys of `/version`'s JSON. */
const jsonFields: Record<string, { name: string; pattern: string }> = {
  Version: { name: 'VERSION', pattern: `v?${versionPattern}` },
  ApiVersion: { name: 'API_VERSION', pattern: apiPattern },
  MinAPIVersion: { name: 'MIN_API_VERSION', pattern: apiPattern },
  GoVersion: { name: 'GO_VERSION', pattern: 'go\\d+\\S*' },
  GitCommit: { name: 'GIT_COMMIT', pattern: '[^"\\s]+' },
};

const isElided = (text: string) => text.includes('[..]') || text === '...' || text.startsWith('<');

const dockerVersion = /^\s*(?:sudo\s+)?docker\s+version(?:\s|$)/;
const dockerDashVersion = /^\s*(?:sudo\s+)?docker\s+(?:--version|-v)\s*$/;
const apiVersion = /\bcurl\b.*\/(?:v\d+\.\d+\/)?version\b/;

/** Adds a value unless its text is elided or another value shows the same text. */
function addValue(found: NamedValue[], name: string, shown: string, pattern: string) {
  if (isElided(shown) || found.some((value) => value.shown === shown)) return;
  let unique = name;
  for (let index = 2; found.some((value) => value.name === unique); index++)
    unique = `${name}_${index}`;
  found.push({ name: unique, shown, pattern });
}

function readText(output: readonly string[]): VersionValues {
  const values: NamedValue[] = [];
  let section = 'CLIENT';
  let engine: string | undefined;
  let client: string | undefined;
  for (const line of output) {
    const heading = /^\s*(Client|Server|Engine|containerd|runc|docker-init):/.exec(line)?.[1];
    if (heading) section = heading.toUpperCase().replace('-', '_');
    const field =
      /^\s*(Version|API version|Go version|Git commit|GitCommit):\s+(\S+)(?:\s+\((minimum version|downgraded from) (\S+)\))?/.exec(
        line,
      );
    if (!field) continue;
    const [, label = '', shown = '', extra, extraShown] = field;
    const spec = textFields[label];
    if (!spec) continue;
    addValue(values, `${section}_${spec.suffix}`, shown, spec.pattern);
    if (label === 'Version' && section === 'ENGINE') engine = shown;
    if (label === 'Version' && section === 'CLIENT') client = shown;
    if (extra && extraShown) {
      const suffix = extra === 'minimum version' ? 'MIN_API_VERSION' : 'CLIENT_API_VERSION';
      addValue(values, `${section}_${suffix}`, extraShown, apiPattern);
    }
  }
  return { values, engine: engine ?? client, machineValues: [] };
}

function readJson(output: readonly string[]): VersionValues {
  const values: NamedValue[] = [];
  const machineValues: NamedValue[] = [];
  let engine: string | undefined;
  for (const match of output.join('\n').matchAll(/"(\w+)":\s*"([^"]*)"/g)) {
    const [, key = '', shown = ''] = match;
    if (key === 'KernelVersion') {
      addValue(machineValues, 'KERNEL_VERSION', shown, '[^"\\s]+');
      continue;
    }
    const spec = jsonFields[key];
    if (!spec) continue;
    if (key === 'Version') engine ??= shown;
    addValue(values, spec.name, shown, spec.pattern);
  }
  return { values, engine, machineValues };
}

/** `Docker version 28.5.2, build 9cc6dea`. */
function readDashVersion(output: readonly string[]): VersionValues {
  const values: NamedValue[] = [];
  const match = /^Docker version (\S+?),? build (\S+)/.exec(output[0] ?? '');
  if (!match?.[1] || !match[2]) return { values, engine: undefined, machineValues: [] };
  addValue(values, 'CLIENT_VERSION', match[1], versionPattern);
  addValue(values, 'CLIENT_GIT_COMMIT', match[2], '\\S+');
  return { values, engine: match[1], machineValues: [] };
}

/** The version values of one command's documented output; none for other commands. */
export function findVersionValues(
  command: string,
  output: readonly string[],
): VersionValues | undefined {
  const firstLine = command.split('\n')[0] ?? '';
  const isJson = output.some((line) => line.trimStart().startsWith('{'));
  let found: VersionValues | undefined;
  if (dockerDashVersion.test(firstLine)) found = readDashVersion(output);
  else if (dockerVersion.test(firstLine)) found = isJson ? readJson(output) : readText(output);
  else if (apiVersion.test(firstLine) && isJson) found = readJson(output);
  if (!found || found.values.length + found.machineValues.length === 0) return undefined;
  return found;
}

/** `28.5.2+dfsg4` → `28.5`: the engine a matrix leg names. */
export function seriesOf(version: string): string {
  return /^v?(\d+\.\d+)/.exec(version)?.[1] ?? version;
}
