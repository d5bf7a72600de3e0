// Assembles an upstream engine's bin/: each component built from source (or found in the
// cache by its recipe hash) and hard-linked in, so that bin/ holds its binaries itself (a
// sandbox may mount the engine's folder alone); the Debian parts unpacked under pkgs/ and
// linked, as for a Debian engine.
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ComponentOrigin, LegComponent } from '../../lib/core/legs.ts';
import { type BuildContext, linkPackageFiles, unpackPackages } from './engine-bin.ts';
import { ensureComponent } from './source/source-build.ts';
import { listUpstreamOrigins, type UpstreamSource } from './upstream-source.ts';

/** Fills `dir` (bin/, pkgs/); builds what the cache lacks; says where each part came from. */
export async function assembleUpstreamBin(
  context: BuildContext,
  dir: string,
  source: UpstreamSource,
): Promise<Partial<Record<LegComponent, ComponentOrigin>>> {
  for (const component of source.components) {
    const build = await ensureComponent(context, component);
    for (const [name, path] of Object.entries(build.binaries)) {
      const target = join(dir, 'bin', name);
      await mkdir(dirname(target), { recursive: true });
      // A copy where the cache spans file systems.
      await link(path, target).catch(() => copyFile(path, target));
    }
  }
  const refs = source.links.map((link) => link.from);
  const versions = await unpackPackages(dir, context.debs, refs);
  await linkPackageFiles(dir, source.links);
  return listUpstreamOrigins(source, versions);
}
