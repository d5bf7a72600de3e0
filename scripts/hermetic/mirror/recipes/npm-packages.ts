// Packages from the npm registry, fetched with npm itself (`npm pack`, which checks each
// tarball against the registry's integrity) into the cache once: a warm build needs no network.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess, tailOf } from '../../../lib/system/run-process.ts';
import type { HermeticPaths } from '../../plumbing/config.ts';
import { HermeticError } from '../../plumbing/errors.ts';

/** A package at an exact version; `integrity` pins its tarball where the facts give it. */
export type NpmPackage = { name: string; version: string; integrity?: string };

/** Pure: the file `npm pack` writes for a package (`@scope/name` → `scope-name-1.0.0.tgz`). */
export function packFileOf(pkg: NpmPackage): string {
  return `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
}

/** Pure: the `sha512-<base64>` integrity string of a tarball. */
export function integrityOf(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** The cached tarball of each package, fetching those not cached yet. */
export async function fetchNpmPackages(
  paths: HermeticPaths,
  packages: readonly NpmPackage[],
): Promise<string[]> {
  const dir = join(paths.artifactsDir, 'npm');
  await mkdir(dir, { recursive: true });
  const missing = packages.filter((pkg) => !existsSync(join(dir, packFileOf(pkg))));
  if (missing.length > 0) {
    const specs = missing.map((pkg) => `${pkg.name}@${pkg.version}`);
    const result = await runProcess(
      'npm',
      ['pack', '--silent', '--pack-destination', dir, ...specs],
      {
        timeoutMs: 10 * 60_000,
      },
    );
    if (result.failed) {
      throw new HermeticError(
        'BUILD_FAILED',
        `npm pack ${specs.join(' ')} failed:\n${tailOf(result.all)}`,
        {
          hint: 'check that the npm registry answers (`npm view npm version`), then run `npm run hermetic` again.',
          cause: result,
        },
      );
    }
  }
  const files = packages.map((pkg) => join(dir, packFileOf(pkg)));
  for (const [i, pkg] of packages.entries()) {
    const file = files[i] as string;
    if (pkg.integrity === undefined) continue;
    const actual = integrityOf(await readFile(file));
    if (actual !== pkg.integrity) {
      throw new HermeticError(
        'BUILD_FAILED',
        `${file} is not ${pkg.name}@${pkg.version}: its integrity is ${actual}, expected ${pkg.integrity}`,
        {
          hint: `delete ${file} and run \`npm run hermetic\` again.`,
        },
      );
    }
  }
  return files;
}
