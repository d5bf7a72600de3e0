// BuildKit keeps what it built as build cache, beside the images. Hermetic caches its
// images by stamps instead, so it leaves the daemon's cache as it found it: a reader's
// `docker system df` or `docker build` output shows only what the reader did.
import { runCommand } from './exec.ts';

export type BuildCacheRecord = { id: string; createdAt: string };

/**
 * Pure: the records in `docker system df -v --format '{{json .BuildCache}}'`, newest
 * first: a layer is created after the layer it builds on, and only a record that no
 * other one builds on can be pruned.
 */
export function parseBuildCache(json: string): BuildCacheRecord[] {
  const records = JSON.parse(json.trim() || 'null') as { ID: string; CreatedAt: string }[] | null;
  return (records ?? [])
    .map((record) => ({ id: record.ID, createdAt: record.CreatedAt }))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

async function listBuildCache(): Promise<BuildCacheRecord[]> {
  const format = '{{json .BuildCache}}';
  const result = await runCommand('docker', ['system', 'df', '-v', '--format', format]);
  return result.failed ? [] : parseBuildCache(result.stdout);
}

/** The IDs of every build cache record the daemon holds. */
export async function listBuildCacheIds(): Promise<Set<string>> {
  return new Set((await listBuildCache()).map((record) => record.id));
}

/**
 * Removes the records that appeared since `before`, newest first and one `docker builder
 * prune` each (dockerd takes a single value per filter), in passes until none goes:
 * records a running build uses stay. Returns how many went.
 */
export async function removeCreatedBuildCache(before: ReadonlySet<string>): Promise<number> {
  const isCreated = (record: BuildCacheRecord) => !before.has(record.id);
  let created = (await listBuildCache()).filter(isCreated);
  const total = created.length;
  while (created.length > 0) {
    for (const { id } of created) {
      await runCommand('docker', ['builder', 'prune', '--force', '--filter', `id=${id}`]);
    }
    const left = (await listBuildCache()).filter(isCreated);
    if (left.length === created.length) break;
    created = left;
  }
  return total - created.length;
}
