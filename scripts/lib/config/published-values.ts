/**
 * Docker Hub's published values (config/published-images.ts) as the judge looks them up: by
 * hex digits, prefix-aware, each with the image and the part of it it is. And where the run
 * pulled from a mirror serving look-alikes (hermetic's), what each look-alike value stands
 * for: a page shows Docker Hub's value where the run printed the look-alike's. Pure.
 */
import type { PublishedImage, PublishedImages } from './published-images.ts';

export const publishedRoles = ['index', 'manifest', 'config', 'layer', 'attestation'] as const;
export type PublishedRole = (typeof publishedRoles)[number];

/** One published value: its hex digits (fewer than 64: known only to that prefix). */
export interface PublishedValue {
  hex: string;
  /** `busybox:latest` (the first tag of the image's entry). */
  image: string;
  role: PublishedRole;
  /** For a layer: its position, from 1. */
  layer?: number | undefined;
}

/** A published part of an image: the key a look-alike's value is filed under. */
export function partKey(image: string, role: PublishedRole, layer?: number): string {
  return `${image} ${role}${layer === undefined ? '' : ` ${layer}`}`;
}

export interface PublishedContext {
  values: PublishedValue[];
  /**
   * The run's mirror's values (full hex) and the published values they stand for; undefined
   * when the run's images did not come from a known mirror.
   */
  lookalikes: Map<string, PublishedValue[]> | undefined;
  /** The parts a look-alike exists for, by `partKey`. */
  servedParts: Set<string>;
}

const hexOf = (digest: string) => digest.replace(/^sha256:/, '');

/** The image's name with its first tag, as messages name it. */
export function describeImage(image: Pick<PublishedImage, 'name' | 'tags'>): string {
  return `${image.name}:${image.tags[0] ?? 'latest'}`;
}

/** Every published value of an image, each with its part. */
export function listPublishedValues(image: PublishedImage): PublishedValue[] {
  const name = describeImage(image);
  const values: PublishedValue[] = [
    { hex: hexOf(image.index), image: name, role: 'index' },
    { hex: hexOf(image.manifest), image: name, role: 'manifest' },
    { hex: hexOf(image.config), image: name, role: 'config' },
    ...image.layers.map((layer, index) => ({
      hex: hexOf(layer),
      image: name,
      role: 'layer' as const,
      layer: index + 1,
    })),
  ];
  if (image.attestation)
    values.push({ hex: hexOf(image.attestation), image: name, role: 'attestation' });
  return values;
}

/** What a mirror serves for one image: its values by part (full hex digits). */
export interface ServedImage {
  image: string;
  values: { role: PublishedRole; layer?: number | undefined; hex: string }[];
}

/** The published values, with what the run's mirror served for them, if it is known. */
export function createPublishedContext(
  published: PublishedImages | undefined,
  served?: readonly ServedImage[] | undefined,
): PublishedContext | undefined {
  if (!published) return undefined;
  const values = published.images.flatMap(listPublishedValues);
  const byPart = new Map<string, PublishedValue[]>();
  for (const value of values) {
    const key = partKey(value.image, value.role, value.layer);
    byPart.set(key, [...(byPart.get(key) ?? []), value]);
  }
  const servedParts = new Set<string>();
  let lookalikes: Map<string, PublishedValue[]> | undefined;
  if (served) {
    lookalikes = new Map();
    for (const image of served) {
      for (const part of image.values) {
        const key = partKey(image.image, part.role, part.layer);
        const stands = byPart.get(key);
        if (!stands) continue;
        servedParts.add(key);
        lookalikes.set(part.hex, [...(lookalikes.get(part.hex) ?? []), ...stands]);
      }
    }
  }
  return { values, lookalikes, servedParts };
}

/** How a message names a part: `busybox:latest's image configuration`. */
export function describePart(value: PublishedValue): string {
  const part: Record<PublishedRole, string> = {
    index: 'index',
    manifest: 'manifest',
    config: 'configuration',
    layer: `layer ${value.layer ?? ''}`.trim(),
    attestation: 'attestation manifest',
  };
  return `${value.image}'s ${part[value.role]}`;
}
