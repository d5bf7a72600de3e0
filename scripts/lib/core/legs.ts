/**
 * A leg: an engine and an image store, the Docker a page is proven on. Defined once, here,
 * for every program that names one, in the shapes its life takes:
 * - MatrixLeg: what the project proves its docs on (verify-examples.json);
 * - ProvidedLeg: what a machine provides (hermetic's legs.json, with where each component
 *   came from), read by the checker through LegsFile;
 * - RunLeg: what a run asks for (a leg of legs.json, the dockerd on PATH, or the user's own);
 * - StartedLeg: a RunLeg whose daemon answered, with its versions: what conditions, reports
 *   and the record read.
 * Pure: schemas and the types derived from them.
 */
import { z } from 'zod';

/** Image stores a leg can use: the containerd store, or the classic store's overlay2 driver. */
export const imageStores = ['containerd', 'overlay2'] as const;
export type ImageStore = (typeof imageStores)[number];

/** The components of a leg's engine whose versions legs.json lists. */
export const legComponents = ['docker', 'containerd', 'runc', 'buildx', 'compose', 'init'] as const;
export type LegComponent = (typeof legComponents)[number];

/** `<engine>/<store>`, how legs.json names a leg, e.g. `28.5/containerd`. */
export function nameLeg(engine: string, store: ImageStore): string {
  return `${engine}/${store}`;
}

/** A leg of the project's matrix: an engine series (`28.5` stands for every 28.5.x) and a store. */
export const matrixLegSchema = z.strictObject({
  /** How reports and the record name the leg; the legs of legs.json use `<engine>/<store>`. */
  name: z.string().min(1),
  engine: z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version such as 28.5'),
  store: z.enum(imageStores),
});
export type MatrixLeg = z.infer<typeof matrixLegSchema>;

/** What each binary of a leg's `bin` reports, e.g. docker `28.5.2`, runc `1.3.6`. */
export const legVersionsSchema = z.object({
  docker: z.string(),
  containerd: z.string(),
  runc: z.string(),
  buildx: z.string(),
  compose: z.string(),
  init: z.string(),
} satisfies Record<LegComponent, z.ZodString>);
export type LegVersions = z.infer<typeof legVersionsSchema>;

/** Where a component came from: a Debian package, or an upstream source tag built here. */
export const componentOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('debian'),
    suite: z.string(),
    package: z.string(),
    /** The package's Debian version, e.g. `28.5.2+dfsg4-1`. */
    version: z.string(),
  }),
  z.object({
    kind: z.literal('upstream'),
    /** e.g. `github.com/moby/moby`. */
    repository: z.string(),
    tag: z.string(),
    commit: z.string().regex(/^[0-9a-f]{40}$/, 'expected a full commit hash'),
  }),
]);
export type ComponentOrigin = z.infer<typeof componentOriginSchema>;

/** Where each component of a leg came from, as far as known. */
export const legOriginsSchema = z.partialRecord(z.enum(legComponents), componentOriginSchema);

/** A leg a machine provides (hermetic's legs.json): the matrix's facts and its binaries. */
export const providedLegSchema = z
  .object({
    name: z.string().regex(/^\d+\.\d+\/(containerd|overlay2)$/),
    engine: z.string().regex(/^\d+\.\d+$/),
    store: z.enum(imageStores),
    /**
     * Absolute folder with dockerd, containerd, containerd-shim-runc-v2, runc, docker-init,
     * docker-proxy, iptables, that engine's `docker` and `cli-plugins/` (buildx, compose).
     */
    bin: z.string().startsWith('/'),
    versions: legVersionsSchema,
    /** Where each component came from; absent from legs files written before it existed. */
    origins: legOriginsSchema.optional(),
  })
  .refine((leg) => leg.name === nameLeg(leg.engine, leg.store), {
    message: 'name must be <engine>/<store>',
  });
export type ProvidedLeg = z.infer<typeof providedLegSchema>;

/**
 * The reader's machine hermetic made: a root folder (core/reader-toolbox.ts's recipe) and
 * that recipe's hash, so a verifier with another recipe does not take it for its own.
 */
export const machineRootSchema = z.object({
  root: z.string().startsWith('/'),
  recipe: z.string(),
});

/** legs.json: the contract between hermetic, which writes it, and the checker, which reads it. */
export const legsFileSchema = z.object({
  mirror: z.url(),
  /** A `unix://` address: the dockerd hermetic runs for `--docker host`. */
  hostDaemon: z.string().startsWith('unix:///'),
  legs: z.array(providedLegSchema).min(1),
  /** Absent from legs files written before the reader's machine existed. */
  machine: machineRootSchema.optional(),
  /**
   * Programs the checker runs that a machine may lack, as hermetic provides them from its
   * cache: slirp4netns, the sandboxes' egress. Absent: the checker looks on PATH.
   */
  tools: z
    .strictObject({ slirp4netns: z.string().startsWith('/') })
    .partial()
    .optional(),
  /**
   * A folder on a filesystem hermetic mounted for the sandboxes (their data roots), where the
   * temporary folder's is slow to create files on; used while it holds SCRATCH_MARKER.
   */
  scratch: z.string().startsWith('/').optional(),
});

/** The file hermetic writes into the scratch filesystem once it is mounted. */
export const SCRATCH_MARKER = 'made-by-hermetic.txt';
export type LegsFile = z.infer<typeof legsFileSchema>;

/** How a run reaches a leg's Docker: a throwaway daemon per page, or the user's own. */
export const engineKinds = ['sandbox', 'host'] as const;
export type EngineKind = (typeof engineKinds)[number];

/** The versions of a Docker a page runs on, as its client and daemon report them. */
export const dockerVersionsSchema = z.object({
  client: z.string(),
  server: z.string(),
  apiVersion: z.string(),
  /** The daemon's containerd and runc, when it reports them. */
  containerd: z.string().optional(),
  runc: z.string().optional(),
});
export type DockerVersions = z.infer<typeof dockerVersionsSchema>;

/** A Docker the pages are verified on, as a run asks for it; every page runs on each. */
export const runLegSchema = z.object({
  /** How reports name it, e.g. `28.5/containerd`; the engine's kind for a run's only Docker. */
  name: z.string(),
  kind: z.enum(engineKinds),
  /** Folder of the engine's binaries (dockerd, containerd, runc, docker, cli-plugins/). */
  bin: z.string().optional(),
  /**
   * The image store its daemons use (`containerd`, `overlay2`): what legs.json asks for, or
   * what the daemon reports; undefined until it is known.
   */
  store: z.string().optional(),
  /** What legs.json says of its binaries: each component's version and where it came from. */
  provided: z
    .object({
      versions: legVersionsSchema,
      origins: legOriginsSchema.optional(),
    })
    .optional(),
});
export type RunLeg = z.infer<typeof runLegSchema>;

/** A leg whose daemon answered: its name, kind, store and versions. */
export const startedLegSchema = runLegSchema.omit({ bin: true }).extend({
  versions: dockerVersionsSchema,
});
export type StartedLeg = z.infer<typeof startedLegSchema>;
