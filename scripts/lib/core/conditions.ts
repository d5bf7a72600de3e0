/**
 * Where a block holds: the legs (an engine and an image store) its output is true on. A fence
 * says it with `engine=">=28"` and `store="containerd"` (and the older `min-server`,
 * `min-client`, which are ranges too); a block without a condition holds everywhere. Pure.
 */
import type { ImageStore, MatrixLeg, StartedLeg } from './legs.ts';
import { isSeriesInRange, isVersionInRange, type VersionRange } from './version-range.ts';

export interface Condition {
  /** Ranges the daemon's version must be in, all of them. */
  engine: VersionRange[];
  /** Ranges the `docker` client's version must be in, all of them. */
  client: VersionRange[];
  store: ImageStore | undefined;
}

export const anywhere: Condition = { engine: [], client: [], store: undefined };

/** A leg as a condition sees it: its versions as the daemon reports them, and its store. */
export type LegFacts = Pick<StartedLeg, 'name' | 'store'> & {
  versions: Pick<StartedLeg['versions'], 'client' | 'server'>;
};

export function isUnconditional(condition: Condition): boolean {
  return (
    condition.engine.length === 0 && condition.client.length === 0 && condition.store === undefined
  );
}

/** How readers name a store. */
export function describeStore(store: string | undefined): string {
  if (store === 'containerd') return 'the containerd image store';
  if (store === 'overlay2') return 'the classic image store (overlay2)';
  return store ? `the ${store} storage driver` : 'an unknown image store';
}

/** `Docker Engine >=28 and the containerd image store`. */
export function describeCondition(condition: Condition): string {
  const ranges = (what: string, list: readonly VersionRange[]) =>
    list.length > 0 ? [`${what} ${list.map((range) => range.text).join(', ')}`] : [];
  const parts = [
    ...ranges('Docker Engine', condition.engine),
    ...ranges('Docker client', condition.client),
    ...(condition.store ? [describeStore(condition.store)] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : 'every leg';
}

/** Why a block does not hold on a leg, or `undefined` when it does. */
export function findUnmetCondition(condition: Condition, leg: LegFacts): string | undefined {
  const { client, server } = leg.versions;
  const isMet =
    condition.engine.every((range) => isVersionInRange(server, range)) &&
    condition.client.every((range) => isVersionInRange(client, range)) &&
    (condition.store === undefined || condition.store === leg.store);
  if (isMet) return undefined;
  const clientPart = condition.client.length > 0 ? `, client ${client},` : '';
  return `for ${describeCondition(condition)}; ${leg.name} is Docker Engine ${server}${clientPart} with ${describeStore(leg.store)}`;
}

/**
 * Whether a block can hold on a leg of the matrix: some version of the leg's engine series
 * is in every range (a matrix leg's client is its engine's), and the store is the leg's.
 */
export function canHoldOnMatrixLeg(condition: Condition, leg: MatrixLeg): boolean {
  return (
    [...condition.engine, ...condition.client].every((range) =>
      isSeriesInRange(leg.engine, range),
    ) &&
    (condition.store === undefined || condition.store === leg.store)
  );
}
