import { formatPosition, type SourcePosition } from '../core/errors.ts';
import type { StartedLeg } from '../core/legs.ts';
import type { PageResult } from '../judge/results.ts';
import type { RunInfo } from './reporter.ts';

/**
 * Reports name the leg of a page or a problem only when the run has several: with one,
 * they read as they did before there were legs.
 */
export function hasSeveralLegs(info: Pick<RunInfo, 'legs'> | undefined): boolean {
  return (info?.legs.length ?? 0) > 1;
}

/** `file:line`, and `[leg]` after it when legs are named. */
export function formatWhere(position: SourcePosition, leg: string, isNamed: boolean): string {
  return isNamed ? `${formatPosition(position)} [${leg}]` : formatPosition(position);
}

/** `Docker client 28.5.2, server 28.5.2 (API 1.51) · sandbox engine`. */
export function describeLeg(leg: StartedLeg): string {
  const { client, server, apiVersion } = leg.versions;
  return `Docker client ${client}, server ${server} (API ${apiVersion}) · ${leg.kind} engine`;
}

/** The pages of each leg, in the order of the run's legs; legs without pages are left out. */
export function groupByLeg(
  pages: readonly PageResult[],
  legs: readonly Pick<StartedLeg, 'name'>[],
): { leg: string; pages: PageResult[] }[] {
  return legs
    .map(({ name }) => ({ leg: name, pages: pages.filter((page) => page.leg === name) }))
    .filter((group) => group.pages.length > 0);
}
