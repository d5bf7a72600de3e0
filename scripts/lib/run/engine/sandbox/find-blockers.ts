/**
 * What keeps sandboxes from running on this machine, checked without starting anything, so
 * `auto` can fall back to the host engine and `sandbox` can say what to install.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

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

export function isOnPath(program: string): boolean {
  const folders = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  // dockerd and ip live in sbin, which a non-login root shell may leave off PATH.
  for (const folder of [...folders, '/usr/sbin', '/sbin']) {
    try {
      accessSync(join(folder, program), constants.X_OK);
      return true;
    } catch {
      // Not in this folder.
    }
  }
  return false;
}
