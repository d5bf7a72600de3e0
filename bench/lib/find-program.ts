import { execFileSync } from 'node:child_process';

/** The first of `names` found on PATH (e.g. Debian installs cram as `cram3`). */
export function findProgram(names: readonly string[]): string | undefined {
  for (const name of names) {
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'pipe' });
      return name;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}
