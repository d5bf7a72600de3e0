// An engine's bin/ in the cache, assembled once per recipe by its source's builder. The
// folder is named after the recipe's hash (`engines/<id>-<hash>`) and never changed in
// place: worktrees with different recipes keep their own, and a daemon running from one
// keeps its binaries.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type ComponentOrigin,
  componentOriginSchema,
  type LegComponent,
  legComponents,
  legVersionsSchema,
} from '../../lib/core/legs.ts';
import type { HermeticPaths } from '../plumbing/config.ts';
import { ensureTool } from '../plumbing/tools.ts';
import { assembleDebianBin, type BuildContext } from './engine-bin.ts';
import {
  type AssembledEngine,
  ENGINES,
  type EngineId,
  type EngineSourceKind,
  type EngineSources,
} from './engines.ts';
import { readVersions, writeIptablesWrappers } from './finish-bin.ts';
import { assembleUpstreamBin } from './upstream-bin.ts';

type Origins = Partial<Record<LegComponent, ComponentOrigin>>;

/** How one kind of source becomes a bin/: its builder, and the modules its recipe hashes. */
type Builder<Source> = {
  modules: readonly URL[];
  build: (context: BuildContext, dir: string, source: Source) => Promise<Origins>;
};

/** One builder per source kind: a kind added to EngineSources without one does not compile. */
const BUILDERS: { [Kind in EngineSourceKind]: Builder<EngineSources[Kind]> } = {
  debian: {
    modules: [
      new URL('./engine-bin.ts', import.meta.url),
      new URL('./debian-source.ts', import.meta.url),
    ],
    build: assembleDebianBin,
  },
  upstream: {
    modules: [
      new URL('./engine-bin.ts', import.meta.url),
      new URL('./upstream-bin.ts', import.meta.url),
      new URL('./upstream-source.ts', import.meta.url),
      new URL('./source/source-build.ts', import.meta.url),
      new URL('./source/go-command.ts', import.meta.url),
    ],
    build: assembleUpstreamBin,
  },
};

/** Modules every engine's recipe includes, whatever its source. */
const SHARED_MODULES = [new URL(import.meta.url), new URL('./finish-bin.ts', import.meta.url)];

const recordSchema = z.object({
  recipe: z.string(),
  versions: legVersionsSchema,
  origins: z.partialRecord(z.enum(legComponents), componentOriginSchema).optional(),
});

export type EngineOutcome = AssembledEngine & { status: 'present' | 'assembled' };

/** The engine's bin/, assembled once per recipe; later runs only read its record. */
export async function ensureEngine(context: BuildContext, id: EngineId): Promise<EngineOutcome> {
  const { source } = ENGINES[id];
  return ensureFromSource(context, id, source.kind, source);
}

async function ensureFromSource<Kind extends EngineSourceKind>(
  context: BuildContext,
  id: EngineId,
  kind: Kind,
  source: EngineSources[Kind],
): Promise<EngineOutcome> {
  const { paths, debs } = context;
  const builder: Builder<EngineSources[Kind]> = BUILDERS[kind];
  const recipe = await hashRecipe(id, source, builder.modules, paths);
  const dir = join(paths.enginesDir, `${id}-${recipe.slice(0, 12)}`);
  const bin = join(dir, 'bin');
  const recordPath = join(dir, 'engine.json');
  const record = await readRecord(recordPath);
  if (record?.recipe === recipe) {
    return { status: 'present', id, bin, versions: record.versions, origins: record.origins };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(bin, 'cli-plugins'), { recursive: true });
  const origins = await builder.build(context, dir, source);
  await writeIptablesWrappers(bin, await ensureTool(paths, debs, 'iptables'));
  const versions = await readVersions(bin);
  await writeFile(recordPath, `${JSON.stringify({ recipe, versions, origins }, null, 2)}\n`);
  return { status: 'assembled', id, bin, versions, origins };
}

/** The entry, the cache folder and the builder's code: not the table the entry sits in. */
async function hashRecipe(
  id: EngineId,
  source: unknown,
  modules: readonly URL[],
  paths: HermeticPaths,
): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ id, source })).update(paths.cacheDir);
  for (const module of [...SHARED_MODULES, ...modules]) hash.update(await readFile(module));
  return hash.digest('hex');
}

async function readRecord(path: string): Promise<z.infer<typeof recordSchema> | undefined> {
  try {
    return recordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}
