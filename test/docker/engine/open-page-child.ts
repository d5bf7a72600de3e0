/**
 * A verifier stand-in for the orphan test: opens a sandbox page, prints the scratch folders
 * of its sandboxes (the page's and the spare) once both run, then waits to be killed.
 */

import { existsSync } from 'node:fs';
import { startEngine } from '../../../scripts/lib/run/engine/create-engine.ts';
import { readTestLegs, testLeg } from '../../helpers/legs.ts';
import { listSandboxesOf } from './probe.ts';

const { mirror, tools } = await readTestLegs();
const engine = await startEngine(await testLeg(), {
  mirrors: [mirror],
  egress: tools?.slirp4netns,
  debug: () => {},
});
await engine.openPage({ id: 'orphan', images: [] });
const started = () =>
  listSandboxesOf(process.pid).filter((scratch) => existsSync(`${scratch}/holder`));
while (started().length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
process.stdout.write(`${JSON.stringify(started())}\n`);
setInterval(() => {}, 60_000);
