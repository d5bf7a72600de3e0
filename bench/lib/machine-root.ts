/**
 * The reader's root made from cold, once per way of making it (a cold build is minutes of
 * apt and dpkg, so it is not repeated per round): with hermetic's mmdebstrap from Debian's
 * archive (what `npm run hermetic` spends once per recipe), and through the leg's own daemon
 * from debian:bookworm-slim (what `npx verify-examples --docker sandbox` spends once on a
 * machine without hermetic or mmdebstrap). Both build into scratch folders of hermetic's
 * cache, removed afterwards; the cached roots are not touched.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureReaderRoot } from '../../scripts/hermetic/machine/ensure-reader-root.ts';
import { resolvePaths } from '../../scripts/hermetic/plumbing/config.ts';
import { DebCache } from '../../scripts/hermetic/plumbing/debs.ts';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import {
  buildMachineRoot,
  type MachineRequest,
} from '../../scripts/lib/run/engine/machine/create-machine.ts';
import type { Figure } from './benchmark.ts';
import { timeFigure } from './figures.ts';

/** Set to measure the cold builds: `BENCH_MACHINE_ROOT=cold npm run bench -- --only machine`. */
export const coldRootSwitch = 'BENCH_MACHINE_ROOT';

async function timeBuild(build: (scratch: string) => Promise<unknown>): Promise<number> {
  const paths = resolvePaths();
  await mkdir(paths.cacheDir, { recursive: true });
  const scratch = await mkdtemp(join(paths.cacheDir, 'bench-machine-root-'));
  try {
    const started = performance.now();
    await build(scratch);
    return performance.now() - started;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Makes the root cold both ways and returns one figure each (a single build, no spread). */
export async function measureColdRoots(
  request: MachineRequest,
  log: (message: string) => void,
): Promise<Figure[]> {
  const hermetic = await timeBuild((scratch) => {
    const paths = { ...resolvePaths(), machineDir: scratch };
    return ensureReaderRoot(paths, new DebCache(paths));
  });
  log(`machine root: mmdebstrap (hermetic) cold in ${formatMeasuredDuration(hermetic)}`);
  const image = await timeBuild(async (scratch) => {
    const target = join(scratch, 'root');
    await mkdir(target);
    await buildMachineRoot(target, request);
  });
  log(`machine root: through the leg's daemon cold in ${formatMeasuredDuration(image)}`);
  return [
    timeFigure({
      label: "reader's root made cold with mmdebstrap (hermetic)",
      samples: [hermetic],
    }),
    timeFigure({
      label: "reader's root made cold through the leg's daemon (no hermetic)",
      samples: [image],
    }),
  ];
}
