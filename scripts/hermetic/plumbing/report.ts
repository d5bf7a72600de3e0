import type { HostDaemonOutcome } from '../daemons/host-daemon.ts';
import type { StopOutcome } from '../daemons/pidfile.ts';
import type { EngineOutcome } from '../engines/ensure-engine.ts';
import type { ImageOutcome } from '../mirror/build-images.ts';
import type { RegistryOutcome } from '../mirror/registry.ts';
import { MIRROR_URL } from './config.ts';
import type { ScratchOutcome } from './scratch-filesystem.ts';

// Pure: one short progress line per outcome; the orchestrator prints them.

export function describeEngine(outcome: EngineOutcome): string {
  const { docker, containerd, runc } = outcome.versions;
  const what = `Engine ${docker}, containerd ${containerd}, runc ${runc}`;
  return outcome.status === 'present'
    ? `engine ${outcome.id}: present (${what})`
    : `engine ${outcome.id}: unpacked into ${outcome.bin} (${what})`;
}

export function describeHostDaemon(outcome: HostDaemonOutcome): string {
  const verb = { running: 'already running', started: 'started', restarted: 'restarted' }[
    outcome.status
  ];
  return `host dockerd: ${verb} (pid ${outcome.pid}, Engine ${outcome.version}) with mirror ${MIRROR_URL}`;
}

export function describeRegistry(outcome: RegistryOutcome): string {
  return `registry: ${outcome.status === 'started' ? 'started' : 'already running'} on ${MIRROR_URL} (pid ${outcome.pid})`;
}

export function describeScratch(outcome: ScratchOutcome): string {
  const line: Record<ScratchOutcome['status'], string> = {
    mounted: 'already mounted',
    made: 'made and mounted',
    'not-needed': 'none needed, sandboxes use the temporary folder',
    unavailable: 'none (sandboxes use the temporary folder, slower here)',
  };
  const where = 'dir' in outcome ? ` at ${outcome.dir}` : '';
  return `sandboxes' filesystem: ${line[outcome.status]}${where}: ${outcome.reason}`;
}

export function describeImage(outcome: ImageOutcome): string {
  const digest = outcome.digest.slice(0, 19);
  return outcome.status === 'cached'
    ? `${outcome.reference}: cached, skipped (${digest})`
    : `${outcome.reference}: built and pushed in ${outcome.seconds.toFixed(1)}s (${digest})`;
}

export function describeStop(name: string, outcome: StopOutcome): string {
  const line: Record<StopOutcome['status'], string> = {
    stopped: `${name}: stopped (pid ${'pid' in outcome ? outcome.pid : ''})`,
    'not-running': `${name}: not running under hermetic, nothing to stop`,
    'still-running': `${name}: still running after SIGTERM (pid ${'pid' in outcome ? outcome.pid : ''})`,
  };
  return line[outcome.status];
}
