/**
 * What to remove from the user's daemon after a page: the difference between two snapshots
 * of it, planned so that nothing from the first one is lost. Pure.
 */

export interface ImageEntry {
  /** Full image ID (`sha256:...`). */
  id: string;
  /** `repository:tag` references; empty for an untagged image. */
  tags: string[];
}

export interface DockerSnapshot {
  containers: string[];
  images: ImageEntry[];
  volumes: string[];
  networks: string[];
}

export interface CleanupPlan {
  containers: string[];
  networks: string[];
  volumes: string[];
  /** Tags of the first snapshot that the page moved or removed, put back on their image. */
  retags: { tag: string; id: string }[];
  /** New tags on images that existed and keep other tags: `docker rmi TAG` only untags. */
  untags: string[];
  /** Images the page pulled or built. */
  images: string[];
  /** What cannot be undone without harm, for the log. */
  notes: string[];
}

export function planCleanup(before: DockerSnapshot, after: DockerSnapshot): CleanupPlan {
  const isNew = (known: readonly string[]) => (id: string) => !known.includes(id);
  const tagsBefore = mapTags(before.images);
  const tagsAfter = mapTags(after.images);
  const idsBefore = new Set(before.images.map((image) => image.id));
  const idsAfter = new Set(after.images.map((image) => image.id));
  const plan: CleanupPlan = {
    containers: after.containers.filter(isNew(before.containers)),
    networks: after.networks.filter(isNew(before.networks)),
    volumes: after.volumes.filter(isNew(before.volumes)),
    retags: [],
    untags: [],
    images: [...idsAfter].filter((id) => !idsBefore.has(id)),
    notes: [],
  };
  for (const [tag, id] of tagsBefore) {
    if (tagsAfter.get(tag) === id) continue;
    if (idsAfter.has(id)) plan.retags.push({ tag, id });
    else plan.notes.push(`${tag} (${id}) was removed by the page and cannot be restored`);
  }
  for (const [tag, id] of tagsAfter) {
    if (tagsBefore.has(tag) || !idsBefore.has(id)) continue;
    const hadTags = before.images.some((image) => image.id === id && image.tags.length > 0);
    // Removing the last tag of an image deletes the image, which existed before the page.
    if (hadTags) plan.untags.push(tag);
    else plan.notes.push(`${tag} kept: it is the only tag of ${id}, which existed before`);
  }
  return plan;
}

export function isEmptyPlan(plan: CleanupPlan): boolean {
  const { notes: _notes, ...work } = plan;
  return Object.values(work).every((list) => list.length === 0);
}

function mapTags(images: readonly ImageEntry[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const image of images) {
    for (const tag of image.tags) tags.set(tag, image.id);
  }
  return tags;
}

/**
 * Reads `docker image ls -a --no-trunc --format '{{.ID}}\t{{.Repository}}:{{.Tag}}'`: one
 * line per tag, `<none>` where an image has no repository or tag.
 */
export function parseImageList(stdout: string): ImageEntry[] {
  const byId = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const [id, reference] = line.trim().split('\t');
    if (!id) continue;
    const tags = byId.get(id) ?? [];
    if (reference && !reference.includes('<none>')) tags.push(reference);
    byId.set(id, tags);
  }
  return [...byId].map(([id, tags]) => ({ id, tags }));
}
