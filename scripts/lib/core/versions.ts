/** The versions of a Docker a page runs on. */
export interface DockerVersions {
  client: string;
  server: string;
  apiVersion: string;
  /** The daemon's containerd and runc, when it reports them. */
  containerd?: string | undefined;
  runc?: string | undefined;
}
