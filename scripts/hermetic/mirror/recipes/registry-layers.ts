// The layers registry:2 and registry:3 have in common, as distribution-library-image makes
// them: CA certificates, /bin/registry, the config file, the entrypoint script.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackDeb } from '../../plumbing/debs.ts';
import { type TarEntry, writeTar } from '../oci/tar.ts';
import type { BuildContext } from './recipe.ts';

/** Both images' data: the entrypoint, registry:2's config.yml and registry:3's config-3.yml. */
export const REGISTRY_SOURCE_DIR = fileURLToPath(new URL('../images/registry', import.meta.url));

/** Pure: one PEM bundle of every certificate, as update-ca-certificates writes it. */
export function bundleCertificates(pems: readonly string[]): string {
  return pems.map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join('');
}

export const fileEntry = (
  path: string,
  content: Buffer,
  mode: number,
  mtime: number,
): TarEntry => ({
  type: 'file',
  path,
  content,
  mode,
  uid: 0,
  gid: 0,
  mtime,
});

export const dirEntry = (path: string, mtime: number): TarEntry => ({
  type: 'dir',
  path,
  mode: 0o755,
  uid: 0,
  gid: 0,
  mtime,
});

/** `apk add ca-certificates`: /etc/ssl/certs/ca-certificates.crt from forky's certificates. */
export async function writeCertificatesLayer(
  context: BuildContext,
  mtime: number,
): Promise<Buffer> {
  const debs = await context.debs.fetch('forky', ['ca-certificates']);
  const unpacked = join(context.workDir, 'debs', 'ca-certificates');
  await unpackDeb(debs['ca-certificates'] as string, unpacked);
  const mozilla = join(unpacked, 'usr', 'share', 'ca-certificates', 'mozilla');
  const pems = [];
  for (const name of (await readdir(mozilla)).sort())
    pems.push(await readFile(join(mozilla, name), 'utf8'));
  const bundle = Buffer.from(bundleCertificates(pems));
  return writeTar([
    dirEntry('etc', mtime),
    dirEntry('etc/ssl', mtime),
    dirEntry('etc/ssl/certs', mtime),
    fileEntry('etc/ssl/certs/ca-certificates.crt', bundle, 0o644, mtime),
  ]);
}

/** /bin/registry. */
export async function writeBinaryLayer(binary: string, mtime: number): Promise<Buffer> {
  return writeTar([
    dirEntry('bin', mtime),
    fileEntry('bin/registry', await readFile(binary), 0o755, mtime),
  ]);
}

/** The config file at `path` (`etc/docker/registry/config.yml`), its folders included. */
export async function writeConfigLayer(
  path: string,
  source: string,
  mtime: number,
): Promise<Buffer> {
  const parts = path.split('/').slice(0, -1);
  const dirs = parts.map((_, i) => dirEntry(parts.slice(0, i + 1).join('/'), mtime));
  const content = await readFile(join(REGISTRY_SOURCE_DIR, source));
  return writeTar([...dirs, fileEntry(path, content, 0o644, mtime)]);
}

/** /entrypoint.sh, the same script in both versions. */
export async function writeEntrypointLayer(mtime: number): Promise<Buffer> {
  const script = await readFile(join(REGISTRY_SOURCE_DIR, 'entrypoint.sh'));
  return writeTar([fileEntry('entrypoint.sh', script, 0o755, mtime)]);
}
