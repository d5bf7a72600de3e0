// BuildKit keeps what it built as build cache, beside the images. Hermetic caches its
// images by stamps instead, so it leaves the daemon's cache as it found it: a reader's
// `docker system df` or `docker build` output shows only what the reader did.
import { runCommand } from './exec.ts';

/** Pure: the record IDs in `docker system df -v --format '{{json .BuildCache}}'`. */
export function parseBuildCacheIds(json: string): Set<string> {
  const records = JSON.parse(json.trim() || 'null') as { ID: string }[] | null;
  return new Set((records ?? []).map((record) => record.ID));
}

/** Every build cache record the daemon holds. */
export async function listBuildCacheIds(): Promise<Set<string>> {
  const result = await runCommand('docker', [
    'system',
    'df',
    '-v',
    '--format',
    '{{json .BuildCache}}',
  ]);
  return result.failed ? new Set() : parseBuildCacheIds(result.stdout);
}

/**
 * Removes the records that appeared since `before`, one `docker builder prune` each:
 * dockerd takes a single value per filter. Records in use by a running build stay.
 */
export async function removeCreatedBuildCache(before: ReadonlySet<string>): Promise<number> {
  const created = [...(await listBuildCacheIds())].filter((id) => !before.has(id));
  for (const id of created) {
    await runCommand('docker', ['builder', 'prune', '--force', '--filter', `id=${id}`]);
  }
  return created.length;
}
