import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, expect, it, onTestFinished } from 'vitest';
import {
  findLeftovers,
  noLeftovers,
  probeScratch,
  releaseProbe,
  requireDocker,
  waitFor,
} from './probe.ts';

beforeAll(requireDocker);

it('tears its sandboxes down when the verifier is killed with SIGKILL', async () => {
  const child = execa(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      join(import.meta.dirname, 'open-page-child.ts'),
    ],
    { reject: false, buffer: false, stdout: 'pipe', stderr: 'inherit' },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    void child.then((result) => reject(new Error(`the child exited first: ${result.exitCode}`)));
  });
  const probes = (JSON.parse(line) as string[]).map(probeScratch);
  onTestFinished(() => probes.forEach(releaseProbe));
  expect(probes).toHaveLength(2);
  for (const probe of probes) expect(findLeftovers(probe).processes.length).toBeGreaterThan(2);

  child.kill('SIGKILL');
  await child;
  const startedAt = Date.now();
  for (const probe of probes) {
    const left = await waitFor(
      () => findLeftovers(probe),
      (found) => !found.scratch && found.processes.length === 0,
      10_000,
    );
    expect(left).toEqual(noLeftovers);
  }
  expect(Date.now() - startedAt).toBeLessThan(10_000);
});
