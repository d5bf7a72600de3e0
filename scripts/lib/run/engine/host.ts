/**
 * The host engine: pages run against the user's own daemon, one at a time. Each page starts
 * with a snapshot of the daemon; disposing of the page removes what is not in it and puts
 * back tags the page moved. The snapshot is per page, not per run, so containers or images
 * the user creates between pages are never taken for a page's.
 */
import type { DockerVersions, RunLeg } from '../../core/legs.ts';
import { canUseApi } from './docker-api.ts';
import {
  type DockerCallOptions,
  isDockerAnswering,
  pullImage,
  pullIntoPage,
  runDocker,
} from './docker-cli.ts';
import {
  type DockerEngine,
  mapDataRoot,
  type PageEnvironment,
  type PageRequest,
  type PathMapping,
} from './engine.ts';
import { applyCleanup } from './host/apply-cleanup.ts';
import { isEmptyPlan, planCleanup } from './host/plan-cleanup.ts';
import { takeSnapshot } from './host/take-snapshot.ts';
import type { DockerEndpoint } from './preflight.ts';
import { settleContainers } from './settle-containers.ts';

export interface HostEngineOptions {
  leg: RunLeg;
  endpoint: DockerEndpoint;
  versions: DockerVersions;
  debug: (message: string) => void;
}

export function createHostEngine(options: HostEngineOptions): DockerEngine {
  const { endpoint, debug } = options;
  const docker: DockerCallOptions = { env: endpoint.env, unsetEnv: endpoint.unsetEnv };
  const open = new Set<PageEnvironment>();
  let readerPaths: Promise<PathMapping[]> | undefined;
  const readReaderPaths = async () => {
    const info = await runDocker(['info', '--format', '{{.DockerRootDir}}'], docker);
    return mapDataRoot(info.failed ? undefined : info.stdout.trim());
  };

  const openPage = async (request: PageRequest): Promise<PageEnvironment> => {
    readerPaths ??= readReaderPaths();
    const before = await takeSnapshot(docker);
    let disposal: Promise<void> | undefined;
    const cleanUp = async () => {
      try {
        const plan = planCleanup(before, await takeSnapshot(docker));
        for (const note of plan.notes) debug(`page ${request.id}: ${note}`);
        if (isEmptyPlan(plan)) return;
        for (const problem of await applyCleanup(plan, docker)) {
          debug(`page ${request.id}: ${problem}`);
        }
      } catch (error) {
        debug(`page ${request.id}: cleanup failed: ${String(error)}`);
      }
    };
    const environment: PageEnvironment = {
      wrapCommand: (argv) => [...argv],
      env: endpoint.env,
      unsetEnv: endpoint.unsetEnv,
      readerPaths: await readerPaths,
      cliPlugins: undefined,
      isDaemonAlive: () => isDockerAnswering(docker),
      settle: () =>
        canUseApi(endpoint.host, endpoint.env)
          ? settleContainers(endpoint.host)
          : Promise.resolve(),
      dispose: () => {
        disposal ??= cleanUp().finally(() => open.delete(environment));
        return disposal;
      },
    };
    open.add(environment);
    return pullIntoPage(environment, () => pullMissingImages(request, docker));
  };

  return {
    leg: options.leg,
    kind: 'host',
    versions: options.versions,
    maxParallelPages: 1,
    openPage,
    async close() {
      await Promise.all([...open].map((page) => page.dispose()));
    },
  };
}

/**
 * Pulls only what is missing: pulling an image the user has could move their tag to a newer
 * image, which the page's cleanup would then have to undo.
 */
async function pullMissingImages(request: PageRequest, docker: DockerCallOptions): Promise<void> {
  for (const image of request.images) {
    const present = await runDocker(['image', 'inspect', '--format', '{{.Id}}', image], docker);
    if (!present.failed) continue;
    await pullImage(image, request.id, docker);
  }
}
