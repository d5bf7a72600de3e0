// slirp4netns for the checker's sandboxes (lib/run/engine/sandbox/egress.ts), unpacked from
// bookworm's .debs with its libraries and run through a wrapper that points at them, so a
// machine without it needs nothing installed; legs.json names the wrapper.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, tailOf } from '../../lib/system/run-process.ts';
import type { HermeticPaths } from './config.ts';
import type { DebCache } from './debs.ts';
import { HermeticError } from './errors.ts';
import { ensureTool } from './tools.ts';

/** Pure: the wrapper that runs the cached slirp4netns with the cached libraries. */
export function renderEgressWrapper(toolDir: string): string {
  const libs = join(toolDir, 'usr', 'lib', 'x86_64-linux-gnu');
  return [
    '#!/bin/sh',
    '# slirp4netns from bookworm, unpacked in the hermetic cache (scripts/hermetic/plumbing/egress-tool.ts).',
    `LD_LIBRARY_PATH='${libs}' exec '${join(toolDir, 'usr', 'bin', 'slirp4netns')}' "$@"`,
    '',
  ].join('\n');
}

export type EgressTool = { path: string; version: string };

/** The wrapper's path, once it answers `--version`. */
export async function ensureEgressTool(paths: HermeticPaths, debs: DebCache): Promise<EgressTool> {
  const dir = await ensureTool(paths, debs, 'slirp4netns');
  const path = join(dir, 'slirp4netns');
  await writeFile(path, renderEgressWrapper(dir));
  await chmod(path, 0o755);
  const result = await runProcess(path, ['--version']);
  const version = /slirp4netns version (\S+)/.exec(result.stdout)?.[1];
  if (result.failed || version === undefined) {
    throw new HermeticError('ENGINE_BROKEN', `${path} --version failed`, {
      hint: `run it by hand to see why:\n${tailOf(result.all, 10)}`,
      cause: result,
    });
  }
  return { path, version };
}
