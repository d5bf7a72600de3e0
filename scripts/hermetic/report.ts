import type { InstallOutcome } from './apt.ts';
import type { ImageOutcome } from './build-images.ts';
import type { BusyboxOutcome } from './busybox-binary.ts';
import { MIRROR_URL } from './config.ts';
import type { DaemonOutcome } from './daemon.ts';
import type { EngineOutcome } from './engine.ts';
import type { StopOutcome } from './pidfile.ts';
import type { RegistryOutcome } from './registry.ts';

// Pure: one short progress line per outcome; the orchestrator prints them.

export function describeInstall(outcome: InstallOutcome): string {
  return outcome.status === 'present'
    ? 'apt: all required packages present'
    : `apt: installed ${outcome.packages.join(', ')}`;
}

export function describeEngine(outcome: EngineOutcome): string {
  return outcome.status === 'present'
    ? `engine: Docker Engine ${outcome.version} and buildx present`
    : `engine: installed ${outcome.packages.join(', ')} (Docker Engine ${outcome.version})`;
}

export function describeDaemon(outcome: DaemonOutcome): string {
  const engine = `Engine ${outcome.version}`;
  if (outcome.status === 'started')
    return `dockerd: started (pid ${outcome.pid}, ${engine}) with mirror ${MIRROR_URL}`;
  if (outcome.status === 'restarted')
    return `dockerd: restarted from Engine ${outcome.previousVersion} (pid ${outcome.pid}, ${engine}) with mirror ${MIRROR_URL}`;
  const owner =
    outcome.ownedPid === undefined ? 'not started by hermetic' : `pid ${outcome.ownedPid}`;
  return `dockerd: already running with mirror ${MIRROR_URL} (${owner}, ${engine})`;
}

export function describeBusybox(outcome: BusyboxOutcome): string {
  const what = `busybox ${outcome.build.sourceVersion} from Debian's source`;
  return outcome.status === 'cached'
    ? `busybox binary: cached, skipped (${what})`
    : `busybox binary: compiled in ${outcome.seconds.toFixed(1)}s (${what})`;
}

export function describeRegistry(outcome: RegistryOutcome): string {
  return `registry: ${outcome.status === 'started' ? 'started' : 'already running'} on ${MIRROR_URL} (pid ${outcome.pid})`;
}

export function describeImage(outcome: ImageOutcome): string {
  const what = `${outcome.digest} ${formatBytes(outcome.compressedBytes)}`;
  return outcome.status === 'cached'
    ? `${outcome.reference}: cached, skipped (${what})`
    : `${outcome.reference}: built and pushed in ${outcome.seconds.toFixed(1)}s (${what})`;
}

export function describeStop(name: string, outcome: StopOutcome): string {
  const line: Record<StopOutcome['status'], string> = {
    stopped: `${name}: stopped (pid ${'pid' in outcome ? outcome.pid : ''})`,
    'not-running': `${name}: not running under hermetic, nothing to stop`,
    'still-running': `${name}: still running after SIGTERM (pid ${'pid' in outcome ? outcome.pid : ''})`,
  };
  return line[outcome.status];
}

/** Pure: sizes as `docker images` prints them (decimal units). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
