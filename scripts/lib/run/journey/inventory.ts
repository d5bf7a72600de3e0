/**
 * What a reader's Docker and folders hold between two pages of a journey, and how the
 * daemon's answers read into it (the CLI's JSON lines or the Engine API's). Pure.
 */
import { z } from 'zod';

export interface ContainerItem {
  id: string;
  name: string;
  /** The image it runs, as `docker ps` shows it. */
  image: string;
  isRunning: boolean;
  /** Host ports it publishes. */
  ports: number[];
}

export interface Inventory {
  containers: ContainerItem[];
  /** `repository:tag` of every tagged image. */
  images: string[];
  volumes: string[];
  /** Networks other than Docker's own (bridge, host, none). */
  networks: string[];
  /** Paths relative to the working folder (`app/Dockerfile`), or to home (`~/.bashrc`). */
  files: string[];
}

export type DockerObjects = Omit<Inventory, 'files'>;

const dockerNetworks = ['bridge', 'host', 'none'];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Host ports of `docker ps`'s PORTS column: `0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp`. */
export function readPublishedPorts(column: string): number[] {
  const ports = [...column.matchAll(/:(\d+)(?:-(\d+))?->/g)].flatMap((match) => {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    return Array.from({ length: Math.min(last - first, 1000) + 1 }, (_, index) => first + index);
  });
  return [...new Set(ports)].sort((a, b) => a - b);
}

const containerRow = z.object({
  ID: z.string(),
  Names: z.string(),
  Image: z.string(),
  State: z.string(),
  Ports: z.string(),
});

/** The CLI's listings: `docker ps --all --format '{{json .}}'` and one name per line for the rest. */
export function readCliListings(listed: {
  containers: string;
  images: string;
  volumes: string;
  networks: string;
}): DockerObjects {
  return {
    containers: splitLines(listed.containers).flatMap((line) => {
      const row = containerRow.safeParse(parseJson(line));
      if (!row.success) return [];
      const { ID, Names, Image, State, Ports } = row.data;
      const ports = readPublishedPorts(Ports);
      return [{ id: ID, name: Names, image: Image, isRunning: State === 'running', ports }];
    }),
    images: splitLines(listed.images).filter((image) => !image.includes('<none>')),
    volumes: splitLines(listed.volumes),
    networks: splitLines(listed.networks).filter((name) => !dockerNetworks.includes(name)),
  };
}

const apiContainers = z.array(
  z.object({
    Id: z.string(),
    Names: z.array(z.string()).nullish(),
    Image: z.string(),
    State: z.string(),
    Ports: z.array(z.object({ PublicPort: z.number().optional() })).nullish(),
  }),
);
const apiImages = z.array(z.object({ RepoTags: z.array(z.string()).nullish() }));
const apiVolumes = z.object({ Volumes: z.array(z.object({ Name: z.string() })).nullish() });
const apiNetworks = z.array(z.object({ Name: z.string() }));

/** The Engine API's answers to /containers/json?all=1, /images/json, /volumes, /networks. */
export function readApiListings(answers: {
  containers: unknown;
  images: unknown;
  volumes: unknown;
  networks: unknown;
}): DockerObjects {
  return {
    containers: apiContainers.parse(answers.containers).map((container) => ({
      id: container.Id,
      name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
      image: container.Image,
      isRunning: container.State === 'running',
      ports: [
        ...new Set(
          (container.Ports ?? []).flatMap((port) => (port.PublicPort ? [port.PublicPort] : [])),
        ),
      ].sort((a, b) => a - b),
    })),
    images: apiImages
      .parse(answers.images)
      .flatMap((image) => image.RepoTags ?? [])
      .filter((tag) => !tag.includes('<none>')),
    volumes: (apiVolumes.parse(answers.volumes).Volumes ?? []).map((volume) => volume.Name),
    networks: apiNetworks
      .parse(answers.networks)
      .map((network) => network.Name)
      .filter((name) => !dockerNetworks.includes(name)),
  };
}
