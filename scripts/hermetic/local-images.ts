import { runCommand } from './exec.ts';
import { IMAGE_NAMES, IMAGES, mirrorReferenceOf } from './images.ts';

/** Every `repository:tag` the local daemon holds. */
export async function listLocalReferences(): Promise<Set<string>> {
  const result = await runCommand('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}']);
  return new Set(
    result.stdout.split('\n').filter((line) => line !== '' && !line.includes('<none>')),
  );
}

/**
 * Pure: the mirror tags hermetic created in this run: ours, present now, absent before.
 * A tag that existed before the run belongs to someone else and stays.
 */
export function selectCreatedReferences(
  before: ReadonlySet<string>,
  now: ReadonlySet<string>,
): string[] {
  return IMAGE_NAMES.map((name) => mirrorReferenceOf(IMAGES[name])).filter(
    (reference) => now.has(reference) && !before.has(reference),
  );
}

/**
 * Untags what this run built or pulled, so that a later `docker run hello-world` pulls
 * through the mirror as from Docker Hub; the images go once no other tag holds them.
 */
export async function removeCreatedReferences(before: ReadonlySet<string>): Promise<string[]> {
  const created = selectCreatedReferences(before, await listLocalReferences());
  if (created.length > 0) await runCommand('docker', ['rmi', ...created]);
  return created;
}
