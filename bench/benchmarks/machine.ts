/**
 * What the reader's machine costs a page, measured side by side with a plain sandbox (the
 * page's shell on this machine, in the daemon's namespaces, as before the machine existed):
 * - page set-up: from opening the page (its sandbox ready beforehand, as the spare is) to the
 *   end of its first command (`true`): scratch folders, the shell, nsenter. Budget 150 ms.
 * - sandbox start: from starting a sandbox to its daemon answering; runs in the background
 *   while the previous page runs, so it delays no page that waits for none.
 * The root itself is made once per recipe and only mounted here.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { RunLeg } from '../../scripts/lib/core/legs.ts';
import type { DockerEngine } from '../../scripts/lib/run/engine/engine.ts';
import { prepareMachine } from '../../scripts/lib/run/engine/machine/create-machine.ts';
import type { MachineSpec } from '../../scripts/lib/run/engine/machine/reader-machine.ts';
import { startSandbox } from '../../scripts/lib/run/engine/sandbox/start-sandbox.ts';
import { createSandboxEngine } from '../../scripts/lib/run/engine/sandbox.ts';
import { createScratch } from '../../scripts/lib/run/session/scratch.ts';
import { createSession } from '../../scripts/lib/run/session/session.ts';
import { readLegsFile, resolveLegsFilePath } from '../../scripts/lib/system/legs-file.ts';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { compareFigures, timeFigure } from '../lib/figures.ts';
import { runRounds, type Variant } from '../lib/rounds.ts';

/** Enough for the spare sandbox the last page left to be ready again. */
const spareMs = 8_000;

async function describeLeg() {
  const file = await readLegsFile(resolveLegsFilePath());
  const provided = file?.legs[0];
  if (!file || !provided)
    throw new Error('the machine benchmark needs legs.json: npm run hermetic');
  const leg: RunLeg = {
    name: provided.name,
    kind: 'sandbox',
    bin: provided.bin,
    store: provided.store,
  };
  const registry = { mirrors: [file.mirror], insecureRegistries: [] };
  return { leg, registry, machineRoot: file.machine?.root, egress: file.tools?.slirp4netns };
}

/** Opens a page on the engine's ready spare and runs `true` in its shell. */
async function openPageOnce(engine: DockerEngine): Promise<number> {
  const started = performance.now();
  const environment = await engine.openPage({ id: 'bench-machine', images: [] });
  const scratch = await createScratch('bench-machine', environment);
  const session = createSession(scratch, environment, {});
  const result = await session.run('true', { tty: false, stdin: undefined, timeoutMs: 30_000 });
  const ms = performance.now() - started;
  session.close();
  await environment.dispose();
  await scratch.remove();
  if (result.exitCode !== 0) throw new Error(`true failed in the page: ${result.all}`);
  await sleep(spareMs);
  return ms;
}

export const machine: Benchmark = {
  name: 'machine',
  title: "The reader's machine: a page's set-up and a sandbox's start, beside a plain sandbox",
  async run({ rounds, log }): Promise<BenchmarkReport> {
    const { leg, registry, machineRoot, egress } = await describeLeg();
    const debug = () => {};
    const spec: MachineSpec = await prepareMachine({
      leg,
      registry,
      declaredRoot: machineRoot,
      debug,
    });
    const client = 'bench';
    const engines = {
      plain: await createSandboxEngine({ leg, client, registry, egress, debug }),
      machine: await createSandboxEngine({ leg, client, registry, machine: spec, egress, debug }),
    };
    try {
      await sleep(spareMs);
      const start = (withMachine: boolean): Variant => ({
        name: withMachine ? 'machine' : 'plain',
        async run() {
          const started = performance.now();
          const sandbox = await startSandbox({
            registry,
            bin: leg.bin,
            store: leg.store,
            egress,
            debug,
            machine: withMachine ? spec : undefined,
          });
          const ms = performance.now() - started;
          await sandbox.dispose();
          return ms;
        },
      });
      const onRun = (what: string) => (event: { round: number; variant: string; ms: number }) =>
        log(`${what} round ${event.round}: ${event.variant} ${formatMeasuredDuration(event.ms)}`);
      const opened = await runRounds(
        [
          { name: 'machine', run: () => openPageOnce(engines.machine) },
          { name: 'plain', run: () => openPageOnce(engines.plain) },
        ],
        { rounds, onRun: onRun('page set-up') },
      );
      const started = await runRounds([start(true), start(false)], {
        rounds,
        onRun: onRun('sandbox start'),
      });
      const samples = (map: Map<string, number[]>, name: string) => map.get(name) ?? [];
      return {
        figures: [
          ...compareFigures(
            "page set-up, machine / plain (open → first command's end)",
            { label: "page set-up in a reader's machine", samples: samples(opened, 'machine') },
            { label: 'page set-up in a plain sandbox', samples: samples(opened, 'plain') },
          ),
          {
            ...timeFigure({
              label: "page set-up in a reader's machine, against its budget",
              samples: samples(opened, 'machine'),
            }),
            goal: { comparison: 'at-most', value: 150 },
          },
          ...compareFigures(
            'sandbox start, machine / plain (in the background)',
            { label: 'sandbox start with a machine', samples: samples(started, 'machine') },
            { label: 'plain sandbox start', samples: samples(started, 'plain') },
          ),
        ],
        tables: [],
        notes: [],
      };
    } finally {
      await Promise.all([engines.plain.close(), engines.machine.close()]);
    }
  },
};
