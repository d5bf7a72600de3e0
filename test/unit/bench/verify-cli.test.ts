import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNotes } from '../../../bench/lib/notes.ts';
import { verifyVariant } from '../../../bench/lib/verify-cli.ts';
import { projectRoot } from '../../helpers/run-cli.ts';

async function writePage(): Promise<string> {
  const page = join(await mkdtemp(join(tmpdir(), 'dfv-bench-unit-')), 'page.md');
  await writeFile(page, ['```console', '$ docker ps -q', '```', ''].join('\n'));
  return page;
}

describe('verifyVariant', { timeout: 60_000 }, () => {
  it('is an error when the verifier cannot reach Docker: its time would measure nothing', async () => {
    const notes = createNotes();
    const variant = verifyVariant('host', projectRoot, [await writePage(), '--docker', 'host'], {
      timeoutMs: 60_000,
      notes,
      env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    });
    await expect(variant.run({ round: 1, isWarmup: false })).rejects.toThrow(
      /^host: exit 2: .*Cannot reach the Docker daemon/,
    );
  });
});
