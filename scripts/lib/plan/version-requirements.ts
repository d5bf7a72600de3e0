import type { SnippetOptions } from '../core/options.ts';
import { compareVersions, type DockerVersions } from '../core/versions.ts';

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
