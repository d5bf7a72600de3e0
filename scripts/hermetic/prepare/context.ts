import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { HermeticPaths } from '../config.ts';
import { HermeticError } from '../errors.ts';
import type { CommandResult } from '../exec.ts';
import { tailOutput } from '../exec.ts';

/** Where an image's sources are, and the empty build context to fill for `docker build`. */
export type PrepareInput = {
  name: string;
  sourceDir: string;
  contextDir: string;
  debianArch: string;
  /** The cache folder, where builds such as busybox's binary are kept. */
  paths: HermeticPaths;
};

/** Copies files named relative to the source folder into the build context. */
export async function copySources(input: PrepareInput, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await cp(join(input.sourceDir, name), join(input.contextDir, name), { recursive: true });
  }
}

/** Turns a failed build step into the error that names it and shows its output. */
export function requireSuccess(input: PrepareInput, step: string, result: CommandResult): void {
  if (!result.failed) return;
  throw new HermeticError('BUILD_FAILED', `${input.name}: ${step} failed:\n${tailOutput(result)}`, {
    hint: `run \`${result.command}\` by hand to see the whole output.`,
    cause: result,
  });
}
