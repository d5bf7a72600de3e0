/**
 * Reads the JSON the docker CLI prints (`docker version`, `docker info`, `docker context
 * inspect`). Pure: callers run the commands (docker-cli.ts). Schemas only name the fields we
 * use and let the rest through, since every Docker release adds some.
 */
import { z } from 'zod';

const versionSchema = z.object({
  Client: z.object({ Version: z.string() }).nullish(),
  Server: z
    .object({
      Version: z.string(),
      ApiVersion: z.string(),
      Components: z.array(z.object({ Name: z.string(), Version: z.string() })).nullish(),
    })
    .nullish(),
});

export interface ServerVersion {
  version: string;
  apiVersion: string;
  /** What the daemon reports of the containerd and runc it runs on, when it does. */
  containerd?: string;
  runc?: string;
}

export interface ParsedVersion {
  client: string | undefined;
  /** Missing when the daemon did not answer; `docker version` then still prints the client. */
  server: ServerVersion | undefined;
}

/** Reads `docker version --format '{{json .}}'`; undefined when it is not that JSON. */
export function parseVersionJson(stdout: string): ParsedVersion | undefined {
  return readVersion(parseJson(stdout));
}

/** The daemon's own answer to `GET /version`, which `docker version` prints as `Server`. */
export function parseServerVersion(answer: unknown): ServerVersion | undefined {
  return readVersion({ Server: answer })?.server;
}

function readVersion(data: unknown): ParsedVersion | undefined {
  const parsed = versionSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { Client, Server } = parsed.data;
  if (!Server) return { client: Client?.Version, server: undefined };
  const component = (name: string) =>
    Server.Components?.find((candidate) => candidate.Name === name)?.Version;
  const containerd = component('containerd');
  const runc = component('runc');
  return {
    client: Client?.Version,
    server: {
      version: Server.Version,
      apiVersion: Server.ApiVersion,
      ...(containerd ? { containerd } : {}),
      ...(runc ? { runc } : {}),
    },
  };
}

const infoSchema = z.object({
  Driver: z.string(),
  DriverStatus: z.array(z.array(z.string())).nullish(),
  DockerRootDir: z.string().nullish(),
});

/** What a daemon's `/info` says of where its images and state live. */
export interface DaemonLayout {
  /** `containerd`, or the graph driver's name (`overlay2`); undefined when unknown. */
  store: string | undefined;
  /** Its data root (`/var/lib/docker`); undefined when unknown. */
  dataRoot: string | undefined;
}

/** A daemon that did not say: neither is known. */
export const unknownLayout: DaemonLayout = { store: undefined, dataRoot: undefined };

/**
 * The layout from the daemon's answer to `GET /info`, which `docker info --format '{{json .}}'`
 * prints: the store is `containerd` when its images live in containerd (the snapshotter shows
 * in DriverStatus), else the graph driver's name (`overlay2`).
 */
export function layoutOfInfo(info: unknown): DaemonLayout {
  const parsed = infoSchema.safeParse(info);
  if (!parsed.success) return unknownLayout;
  const { Driver, DriverStatus, DockerRootDir } = parsed.data;
  const isContainerd = (DriverStatus ?? []).some(
    ([key, value]) => key === 'driver-type' && value?.startsWith('io.containerd.snapshotter'),
  );
  return { store: isContainerd ? 'containerd' : Driver, dataRoot: DockerRootDir || undefined };
}

/** The layout from `docker info --format '{{json .}}'`. */
export function parseDaemonLayout(stdout: string): DaemonLayout {
  return layoutOfInfo(parseJson(stdout));
}

const registryConfigSchema = z.object({
  IndexConfigs: z.record(z.string(), z.object({ Name: z.string(), Secure: z.boolean() })).nullish(),
  InsecureRegistryCIDRs: z.array(z.string()).nullish(),
  Mirrors: z.array(z.string()).nullish(),
});

export interface RegistrySettings {
  mirrors: string[];
  insecureRegistries: string[];
}

/**
 * Reads `docker info --format '{{json .RegistryConfig}}'` back into the daemon.json keys
 * that produced it: `registry-mirrors`, and `insecure-registries` as CIDRs plus the
 * registries the daemon marks insecure by name.
 */
export function parseRegistryConfig(stdout: string): RegistrySettings | undefined {
  const parsed = registryConfigSchema.safeParse(parseJson(stdout));
  if (!parsed.success) return undefined;
  const { IndexConfigs, InsecureRegistryCIDRs, Mirrors } = parsed.data;
  const insecureByName = Object.values(IndexConfigs ?? {})
    .filter((index) => !index.Secure)
    .map((index) => index.Name);
  return {
    mirrors: Mirrors ?? [],
    insecureRegistries: [...(InsecureRegistryCIDRs ?? []), ...insecureByName],
  };
}

const contextSchema = z
  .array(
    z.object({
      Name: z.string(),
      Endpoints: z.object({
        docker: z.object({ Host: z.string(), SkipTLSVerify: z.boolean().optional() }),
      }),
      TLSMaterial: z.record(z.string(), z.array(z.string())).nullish(),
      Storage: z.object({ TLSPath: z.string().optional() }).nullish(),
    }),
  )
  .length(1);

export interface ParsedContext {
  name: string;
  host: string;
  skipTlsVerify: boolean;
  /** Folder holding ca.pem, cert.pem and key.pem when the context has TLS material. */
  tlsPath: string | undefined;
}

/** Reads `docker context inspect` (one context). */
export function parseContextInspect(stdout: string): ParsedContext | undefined {
  const parsed = contextSchema.safeParse(parseJson(stdout));
  if (!parsed.success) return undefined;
  const [context] = parsed.data;
  if (!context) return undefined;
  const hasTls = (context.TLSMaterial?.['docker']?.length ?? 0) > 0;
  const storedAt = context.Storage?.TLSPath;
  return {
    name: context.Name,
    host: context.Endpoints.docker.Host,
    skipTlsVerify: context.Endpoints.docker.SkipTLSVerify ?? false,
    tlsPath: hasTls && storedAt ? `${storedAt}/docker` : undefined,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
