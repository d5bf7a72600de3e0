/** The versions of a Docker a page runs on. */
export interface DockerVersions {
  client: string;
  server: string;
  apiVersion: string;
  /** The daemon's containerd and runc, when it reports them. */
  containerd?: string | undefined;
  runc?: string | undefined;
}

/** Compares dotted versions numerically; `28.2.2` and `20.10.24+dfsg1` both work. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (version.match(/\d+/g) ?? []).map(Number);
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
