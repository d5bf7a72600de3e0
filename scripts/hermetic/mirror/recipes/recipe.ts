// What every look-alike image provides to the builder (build-images.ts).
import type { HermeticPaths } from '../../plumbing/config.ts';
import type { DebCache } from '../../plumbing/debs.ts';
import type { ImageInput } from '../oci/image.ts';

export type BuildContext = {
  paths: HermeticPaths;
  debs: DebCache;
  /** `--sources DIR`, for images with a binary built from upstream source (registry:3). */
  sourcesDir: string | undefined;
  /** Hears of long steps, such as a build from source. */
  onProgress: (line: string) => void;
  /** The compilers' chroot, bootstrapped on first use (build-root.ts). */
  buildRoot: () => Promise<string>;
  /** A scratch folder of this image, empty at the start of its build. */
  workDir: string;
};

export type ImageRecipe = {
  /** Stamp name, e.g. `busybox-glibc`. */
  id: string;
  /** Repository on the mirror, as on Docker Hub: `library/busybox`. */
  repository: string;
  /** Every tag that serves this image, e.g. `latest` and `glibc`. */
  tags: readonly string[];
  /** The modules and data folders whose change means a rebuild. */
  sources: readonly string[];
  /** Other inputs of the stamp that need no network, e.g. a .deb's file name. */
  readInputs?: (context: BuildContext) => Promise<Record<string, string>>;
  build: (context: BuildContext) => Promise<Omit<ImageInput, 'subjectName'>>;
  /**
   * `fast` for images of hundreds of MB (oci/compress-layers.ts); otherwise level 9, one
   * gzip member per layer.
   */
  compression?: 'fast';
};

/** Pure: the PATH every official image here sets (BuildKit's default for `FROM scratch`). */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Pure: an RFC 3339 time (seconds) of a Unix time. */
export function toRfc3339(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}
