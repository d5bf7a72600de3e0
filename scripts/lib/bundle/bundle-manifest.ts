import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bumped when the way bundles are built changes, so older bundles are rebuilt. */
export const bundleFormat = 1;

export const manifestName = 'manifest.json';

/** One source file the bundle was built from, as it was then. */
export interface BundleInput {
  path: string;
  mtimeMs: number;
  size: number;
}

/** What a built bundle is, and what it was built from. */
export interface BundleManifest {
  format: number;
  /** File name of the bundle, in the manifest's folder. */
  bundle: string;
  inputs: BundleInput[];
}

function isBundleInput(value: unknown): value is BundleInput {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Record<string, unknown>;
  return (
    typeof input['path'] === 'string' &&
    typeof input['mtimeMs'] === 'number' &&
    typeof input['size'] === 'number'
  );
}

/**
 * Reads the manifest of the bundle in `folder`; undefined when there is none or it is not
 * one this version wrote. (Checked by hand, not with zod: this runs before every start-up,
 * and loading zod costs more than the check.)
 */
export async function readManifest(folder: string): Promise<BundleManifest | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(folder, manifestName), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { format, bundle, inputs } = parsed as Record<string, unknown>;
  if (format !== bundleFormat || typeof bundle !== 'string' || !Array.isArray(inputs)) {
    return undefined;
  }
  if (!inputs.every(isBundleInput)) return undefined;
  return { format, bundle, inputs };
}

/** Whether every input is still the file the bundle was built from (same size and mtime). */
export async function isManifestFresh(manifest: BundleManifest): Promise<boolean> {
  const checks = await Promise.all(
    manifest.inputs.map(async (input) => {
      try {
        const now = await stat(input.path);
        return now.mtimeMs === input.mtimeMs && now.size === input.size;
      } catch {
        return false;
      }
    }),
  );
  return checks.every(Boolean);
}

/** Records each input's size and mtime, for `isManifestFresh` to compare later. */
export async function describeInputs(paths: readonly string[]): Promise<BundleInput[]> {
  return Promise.all(
    paths.map(async (path) => {
      const { mtimeMs, size } = await stat(path);
      return { path, mtimeMs, size };
    }),
  );
}
