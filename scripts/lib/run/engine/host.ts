/**
 * The host engine: pages run against the user's own daemon, one at a time. Each page starts
 * with a snapshot of the daemon, and its docker talks to the daemon through a guard
 * (host/api-proxy/) that keeps its listings, prunes and removals to what is not in the
 * snapshot; disposing of the page removes what is not in it and puts back tags the page moved. The snapshot is per page, not per run, so containers or images
 * the user creates between pages are never taken for a page's.
 */
import type { DockerVersions, RunLeg } from '../../core/legs.ts';
import { canUseApi, getJson } from './docker-api.ts';
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
} from './engine.ts';
import { parseDaemonAddress } from './host/api-proxy/daemon-address.ts';
import { type ApiProxy, startApiProxy } from './host/api-proxy/start-api-proxy.ts';
import { applyCleanup } from './host/apply-cleanup.ts';
import { type CleanupPlan, isEmptyPlan, planCleanup } from './host/plan-cleanup.ts';
import { takeSnapshot } from './host/take-snapshot.ts';
import type { DockerEndpoint } from './preflight.ts';
import { settleContainers } from './settle-containers.ts';

export interface HostEngineOptions {
  leg: RunLeg;
  endpoint: DockerEndpoint;
  versions: DockerVersions;
  /** The daemon's data root, from the /info the engine's start read; undefined when unknown. */
  dataRoot: string | undefined;
  debug: (message: string) => void;
}

/** What would send the page's docker past the guard, or make it speak TLS to it. */
const guardedVariables = ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'];

export function createHostEngine(options: HostEngineOptions): DockerEngine {
  const { endpoint, debug } = options;
  const address = parseDaemonAddress(endpoint.host, endpoint.env);
  const docker: DockerCallOptions = { env: endpoint.env, unsetEnv: endpoint.unsetEnv };
  const open = new Set<PageEnvironment>();
  const isApiUsable = canUseApi(endpoint.host, endpoint.env);
  const readerPaths = mapDataRoot(options.dataRoot);

  const openPage = async (request: PageRequest): Promise<PageEnvironment> => {
    const before = await takeSnapshot(docker);
    const guard = await startApiProxy(address, before, request.images, debug);
    let disposal: Promise<void> | undefined;
    const cleanUp = async () => {
      try {
        const plan = keepToCreated(planCleanup(before, await takeSnapshot(docker)), guard.created);
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
      refuseCommand: refuseUnguarded,
      // The page's docker talks to the guard, which speaks plain HTTP on a unix socket.
      env: { DOCKER_HOST: guard.host },
      unsetEnv: [...new Set([...endpoint.unsetEnv, ...guardedVariables])],
      readerPaths,
      cliPlugins: undefined,
      isDaemonAlive: () => isDockerAnswering(docker),
      apiHost: canUseApi(endpoint.host, endpoint.env) ? endpoint.host : undefined,
      settle: () =>
        canUseApi(endpoint.host, endpoint.env)
          ? settleContainers(endpoint.host)
          : Promise.resolve(),
      dispose: () => {
        // The guard first: nothing the page still runs may create more meanwhile.
        disposal ??= guard
          .close()
          .then(cleanUp)
          .finally(() => open.delete(environment));
        return disposal;
      },
    };
    open.add(environment);
    const host = isApiUsable ? endpoint.host : undefined;
    return pullIntoPage(environment, () => pullMissingImages(request, docker, host));
  };

  return {
    leg: options.leg,
    kind: 'host',
    versions: options.versions,
    maxParallelPages: 1,
    openPage,
    // The user's daemon: nothing is prepared ahead.
    expectPages() {},
    async close() {
      await Promise.all([...open].map((page) => page.dispose()));
    },
  };
}

/** A command that names a daemon's socket to talk to it: curl --unix-socket, -H, a context. */
const unguarded =
  /(?:--unix-socket|-H|--host|DOCKER_HOST=|host=)[\s=]*["']?(?:unix:\/\/)?\S*docker\.sock/;

/**
 * In host mode the page's shell runs on the user's machine, and only the docker its
 * DOCKER_HOST names goes through the guard: a command that talks to a daemon's socket
 * itself is not run.
 */
function refuseUnguarded(command: string): string | undefined {
  if (!unguarded.test(command)) return undefined;
  return 'verify-examples: the command talks to a Docker socket itself, past the guard that keeps a page from changing your own Docker; run the page in a sandbox (--docker sandbox)';
}

/**
 * The containers, volumes and networks a cleanup removes are the page's own: another program
 * may have made some on the same daemon while the page ran. (Images have no creating request
 * of their own: a pull or a build makes them; those new since the snapshot go.)
 */
function keepToCreated(plan: CleanupPlan, created: ApiProxy['created']): CleanupPlan {
  return {
    ...plan,
    containers: plan.containers.filter((id) => created.containers.has(id)),
    volumes: plan.volumes.filter((name) => created.volumes.has(name)),
    networks: plan.networks.filter((id) => created.networks.has(id)),
  };
}

/**
 * Pulls only what is missing: pulling an image the user has could move their tag to a newer
 * image, which the page's cleanup would then have to undo.
 */
async function pullMissingImages(
  request: PageRequest,
  docker: DockerCallOptions,
  apiHost: string | undefined,
): Promise<void> {
  for (const image of request.images) {
    if (!(await isImagePresent(image, docker, apiHost))) await pullImage(image, request.id, docker);
  }
}

/** Whether the daemon has `image`: through the Engine API when it can (no process), else the CLI. */
async function isImagePresent(
  image: string,
  docker: DockerCallOptions,
  apiHost: string | undefined,
): Promise<boolean> {
  if (apiHost !== undefined) {
    // As `docker image inspect` asks: the daemon resolves the reference (busybox → docker.io/library/busybox:latest).
    return getJson(apiHost, `/images/${image}/json`).then(
      () => true,
      () => false,
    );
  }
  const present = await runDocker(['image', 'inspect', '--format', '{{.Id}}', image], docker);
  return !present.failed;
}
