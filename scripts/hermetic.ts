// `npm run hermetic` / `npm run hermetic:down`: Docker Engine 26 with buildx, and an offline
// Docker Hub mirror built from source (hello-world, busybox, debian:bookworm-slim,
// registry:2) on 127.0.0.1:5555.
import { mkdir } from 'node:fs/promises';
import { z } from 'zod';
import { ensurePackages } from './hermetic/apt.ts';
import { listBuildCacheIds, removeCreatedBuildCache } from './hermetic/build-cache.ts';
import { buildImages } from './hermetic/build-images.ts';
import { ensureBusyboxBinary } from './hermetic/busybox-binary.ts';
import { type HermeticPaths, resolvePaths } from './hermetic/config.ts';
import { ensureDaemon, ownedDaemon, refuseForeignDaemon } from './hermetic/daemon.ts';
import { ensureEngine } from './hermetic/engine.ts';
import { formatHermeticError, HermeticError, isHermeticError } from './hermetic/errors.ts';
import { listLocalReferences, removeCreatedReferences } from './hermetic/local-images.ts';
import { stopOwnedProcess } from './hermetic/pidfile.ts';
import { requireRoot } from './hermetic/preflight.ts';
import { ensureRegistry, ownedRegistry } from './hermetic/registry.ts';
import {
  describeBusybox,
  describeDaemon,
  describeEngine,
  describeImage,
  describeInstall,
  describeRegistry,
  describeStop,
} from './hermetic/report.ts';

const commandSchema = z.enum(['up', 'down']);

const print = (line: string) => console.log(`  ${line}`);

async function up(paths: HermeticPaths): Promise<void> {
  requireRoot('up');
  await mkdir(paths.cacheDir, { recursive: true });
  print(describeInstall(await ensurePackages()));
  print(describeEngine(await ensureEngine(paths)));
  // The refusals (a foreign daemon without our mirror or too old, a foreign process on
  // our port) come before anything is started, so a failed `up` leaves nothing behind.
  await refuseForeignDaemon(paths);
  // Before the daemon: an upgraded dockerd is down only for its restart, not the compile.
  print(describeBusybox(await ensureBusyboxBinary(paths)));
  print(describeRegistry(await ensureRegistry(paths)));
  print(describeDaemon(await ensureDaemon(paths)));
  const before = await listLocalReferences();
  const cacheBefore = await listBuildCacheIds();
  try {
    await buildImages(paths, (event) =>
      print(
        event.kind === 'building'
          ? `${event.spec.name}:${event.spec.tag}: building`
          : describeImage(event.outcome),
      ),
    );
  } finally {
    const removed = await removeCreatedReferences(before);
    if (removed.length > 0) print(`local tags removed: ${removed.join(', ')}`);
    const pruned = await removeCreatedBuildCache(cacheBefore);
    if (pruned > 0) print(`build cache records removed: ${pruned}`);
  }
}

async function down(paths: HermeticPaths): Promise<void> {
  requireRoot('down');
  // dockerd first: it may still pull from the registry while it stops its containers.
  const daemon = await stopOwnedProcess(ownedDaemon(paths), 60_000);
  print(describeStop('dockerd', daemon));
  const registry = await stopOwnedProcess(ownedRegistry(paths), 15_000);
  print(describeStop('registry', registry));
  const stuck = [daemon, registry].filter((outcome) => outcome.status === 'still-running');
  if (stuck.length > 0) {
    throw new HermeticError('STOP_FAILED', 'a process hermetic started did not stop', {
      hint: `wait and run \`npm run hermetic:down\` again, or end it with \`kill -9 ${stuck.map((o) => ('pid' in o ? o.pid : '')).join(' ')}\`.`,
    });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const parsed = commandSchema.safeParse(argv[0]);
  if (!parsed.success) {
    throw new HermeticError('USAGE', `unknown command ${JSON.stringify(argv[0] ?? '')}`, {
      hint: 'use `scripts/hermetic.ts up` (npm run hermetic) or `scripts/hermetic.ts down` (npm run hermetic:down).',
    });
  }
  const paths = resolvePaths();
  console.log(`hermetic ${parsed.data}: ${paths.cacheDir}`);
  await (parsed.data === 'up' ? up(paths) : down(paths));
  console.log(
    `hermetic ${parsed.data}: done in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!isHermeticError(error)) throw error;
  console.error(formatHermeticError(error));
  process.exitCode = 2;
}
