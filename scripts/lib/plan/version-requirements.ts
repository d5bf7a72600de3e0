import type { SnippetOptions } from '../core/options.ts';
import type { DockerVersions } from '../run/engine/engine.ts';

/** Compares dotted versions numerically; `28.2.2` and `20.10.24+dfsg1` both work. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (version.match(/\d+/g) ?? []).map(Number);
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Why a snippet cannot run on this Docker, or `undefined` when it can. */
export function findUnmetRequirement(
  options: SnippetOptions,
  versions: DockerVersions,
): string | undefined {
  if (options.minClient && compareVersions(versions.client, options.minClient) < 0) {
    return `needs Docker client ${options.minClient} or newer; this one is ${versions.client}`;
  }
  if (options.minServer && compareVersions(versions.server, options.minServer) < 0) {
    return `needs Docker Engine ${options.minServer} or newer; this one is ${versions.server}`;
  }
  return undefined;
}
