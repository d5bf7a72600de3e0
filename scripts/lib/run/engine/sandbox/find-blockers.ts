/**
 * What keeps sandboxes from running on this machine, checked without starting anything, so
 * `auto` can fall back to the host engine and `sandbox` can say what to install.
 */
import { isOnPath } from '../../../system/find-program.ts';

/** Programs a sandbox runs: namespaces (util-linux), loopback (iproute2), the daemon. */
export const sandboxPrograms = [
  'unshare',
  'nsenter',
  'ip',
  'dockerd',
  'containerd',
  'runc',
] as const;

/** Reasons a sandbox cannot start here, one sentence each; empty when it can. */
export function findSandboxBlockers(): string[] {
  const blockers: string[] = [];
  if (process.platform !== 'linux') blockers.push('sandboxes need Linux namespaces');
  if (process.getuid?.() !== 0) blockers.push('sandboxes need root (namespaces and dockerd)');
  const missing = sandboxPrograms.filter((program) => !isOnPath(program));
  if (missing.length > 0) blockers.push(`not found on PATH: ${missing.join(', ')}`);
  return blockers;
}
