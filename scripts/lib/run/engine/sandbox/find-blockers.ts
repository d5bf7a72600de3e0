/**
 * What keeps sandboxes from running on this machine, checked without starting anything, so
 * `auto` can fall back to the host engine and `sandbox` can say what to install.
 */
import { isOnPath } from '../../../system/find-program.ts';
import { egressInstallHint, egressProgram, findEgressProgram } from './egress.ts';

/** Programs a sandbox runs: namespaces (util-linux), loopback (iproute2). */
const namespacePrograms = ['unshare', 'nsenter', 'ip'] as const;
/** The engine's programs, which a leg of legs.json brings in its own `bin` folder. */
const enginePrograms = ['dockerd', 'containerd', 'runc'] as const;

export interface BlockerOptions {
  /** The engine comes from a leg's `bin` folder (checked there), not from PATH. */
  isBinOfLeg?: boolean;
  /** The egress program legs.json names; without one, it is looked for on PATH. */
  egress?: string | undefined;
}

/** Reasons a sandbox cannot start here, one sentence each; empty when it can. */
export function findSandboxBlockers(options: BlockerOptions = {}): string[] {
  const blockers: string[] = [];
  if (process.platform !== 'linux') blockers.push('sandboxes need Linux namespaces');
  if (process.getuid?.() !== 0) blockers.push('sandboxes need root (namespaces and dockerd)');
  const programs = options.isBinOfLeg
    ? namespacePrograms
    : [...namespacePrograms, ...enginePrograms];
  const missing = programs.filter((program) => !isOnPath(program));
  if (missing.length > 0) blockers.push(`not found on PATH: ${missing.join(', ')}`);
  if (findEgressProgram(options.egress) === undefined) {
    const where = options.egress ?? 'PATH';
    blockers.push(
      `no ${egressProgram} (${where}) to give containers a network, as a reader's Docker has: ${egressInstallHint}`,
    );
  }
  return blockers;
}
