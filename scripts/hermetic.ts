// `npm run hermetic [-- --sources DIR]` / `npm run hermetic:down`: Docker engines side by
// side in the cache (Engine 29.7 built from upstream source, 28.5 and 26.1 from Debian's
// packages; nothing installed system-wide), an offline Docker Hub mirror on
// 127.0.0.1:5555 serving look-alikes written as OCI layouts, a dockerd for `--docker host`
// tests, and legs.json telling the verifier what this machine provides.
import { mkdir } from 'node:fs/promises';
import { writeClientEnv } from './hermetic/daemons/client-env.ts';
import {
  ensureHostDaemon,
  hostDaemonAddressOf,
  ownedHostDaemon,
  refuseForeignDaemon,
} from './hermetic/daemons/host-daemon.ts';
import { stopOwnedProcess } from './hermetic/daemons/pidfile.ts';
import { CLIENT_LEG, ENGINE_IDS, HOST_ENGINE, listLegs } from './hermetic/engines/engines.ts';
import { ensureEngine } from './hermetic/engines/ensure-engine.ts';
import { ensureReaderRoot } from './hermetic/machine/ensure-reader-root.ts';
import { buildImages } from './hermetic/mirror/build-images.ts';
import { ensureRegistry, ownedRegistry, registryBinaryOf } from './hermetic/mirror/registry.ts';
import { parseHermeticArgs, type UpOptions } from './hermetic/plumbing/args.ts';
import { type HermeticPaths, MIRROR_URL, resolvePaths } from './hermetic/plumbing/config.ts';
import { DebCache } from './hermetic/plumbing/debs.ts';
import { ensureEgressTool } from './hermetic/plumbing/egress-tool.ts';
import { formatHermeticError, HermeticError, isHermeticError } from './hermetic/plumbing/errors.ts';
import { acquireLock } from './hermetic/plumbing/lock.ts';
import { requireSupportedMachine } from './hermetic/plumbing/preflight.ts';
import {
  describeEngine,
  describeHostDaemon,
  describeImage,
  describeRegistry,
  describeScratch,
  describeStop,
} from './hermetic/plumbing/report.ts';
import {
  ensureScratchFilesystem,
  releaseScratchFilesystem,
} from './hermetic/plumbing/scratch-filesystem.ts';
import { ensureTool } from './hermetic/plumbing/tools.ts';
import { writeLegsFile } from './lib/system/legs-file.ts';

const print = (line: string) => console.log(`  ${line}`);

async function up(paths: HermeticPaths, options: UpOptions): Promise<void> {
  requireSupportedMachine('up');
  await mkdir(paths.cacheDir, { recursive: true });
  // Before anything starts: a failed `up` leaves nothing behind.
  await refuseForeignDaemon(paths);
  const debs = new DebCache(paths);
  const context = { paths, debs, sourcesDir: options.sourcesDir, onProgress: print };
  const engines = [];
  for (const id of ENGINE_IDS) {
    const engine = await ensureEngine(context, id);
    print(describeEngine(engine));
    engines.push(engine);
  }
  const registryTool = await ensureTool(paths, debs, 'registry');
  print(describeRegistry(await ensureRegistry(paths, registryBinaryOf(registryTool))));
  const hostEngine = engines.find((engine) => engine.id === HOST_ENGINE);
  if (!hostEngine) throw new Error(`engine ${HOST_ENGINE} was not ensured`);
  print(describeHostDaemon(await ensureHostDaemon(paths, hostEngine)));
  const legs = listLegs(engines);
  const hostDaemon = hostDaemonAddressOf(paths);
  const machine = await ensureReaderRoot(paths, debs);
  print(`reader's machine: ${machine.status} (${machine.root})`);
  const egress = await ensureEgressTool(paths, debs);
  print(`slirp4netns ${egress.version} for the sandboxes' egress (${egress.path})`);
  const scratch = await ensureScratchFilesystem(paths);
  print(describeScratch(scratch));
  await writeLegsFile(paths.legsFile, {
    mirror: MIRROR_URL,
    hostDaemon,
    legs,
    machine: { root: machine.root, recipe: machine.recipe },
    tools: { slirp4netns: egress.path },
    ...('dir' in scratch ? { scratch: scratch.dir } : {}),
  });
  const clientLeg = legs.find((leg) => leg.name === CLIENT_LEG);
  if (clientLeg) await writeClientEnv(paths, clientLeg, hostDaemon);
  print(`legs: ${legs.map((leg) => leg.name).join(', ')} (${paths.legsFile})`);
  const onStart = (reference: string) => print(`${reference}: building`);
  await buildImages(paths, debs, { ...options, onProgress: print, onStart }).then((outcomes) => {
    for (const outcome of outcomes) print(describeImage(outcome));
  });
}

async function down(paths: HermeticPaths): Promise<void> {
  requireSupportedMachine('down');
  // dockerd first: it may still pull from the registry while it stops its containers.
  const daemon = await stopOwnedProcess(ownedHostDaemon(paths), 60_000);
  print(describeStop('dockerd', daemon));
  const registry = await stopOwnedProcess(ownedRegistry(paths), 15_000);
  print(describeStop('registry', registry));
  print(`sandboxes' filesystem: ${await releaseScratchFilesystem(paths)}`);
  const stuck = [daemon, registry].filter((outcome) => outcome.status === 'still-running');
  if (stuck.length > 0) {
    throw new HermeticError('STOP_FAILED', 'a process hermetic started did not stop', {
      hint: `wait and run \`npm run hermetic:down\` again, or end it with \`kill -9 ${stuck.map((o) => ('pid' in o ? o.pid : '')).join(' ')}\`.`,
    });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const { command, options } = parseHermeticArgs(argv);
  const paths = resolvePaths();
  console.log(`hermetic ${command}: ${paths.cacheDir}`);
  await mkdir(paths.cacheDir, { recursive: true });
  // A cold run builds Engine 29.7 from source: tens of minutes on two cores.
  const lock = await acquireLock(paths.lockFile, 90 * 60_000, (pid) =>
    print(`waiting for another hermetic run (pid ${pid}) to finish`),
  );
  try {
    await (command === 'up' ? up(paths, options) : down(paths));
  } finally {
    await lock.release();
  }
  console.log(`hermetic ${command}: done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!isHermeticError(error)) throw error;
  console.error(formatHermeticError(error));
  process.exitCode = 2;
}
