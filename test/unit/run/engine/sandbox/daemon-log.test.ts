import { describe, expect, it } from 'vitest';
import { summarizeDaemonLog } from '../../../../../scripts/lib/run/engine/sandbox/daemon-log.ts';

describe('summarizeDaemonLog', () => {
  it('keeps the errors and the final words of a failed start', () => {
    const log = [
      'time="t1" level=info msg="loading plugin"',
      'time="t2" level=error msg="iptables failed"',
      'time="t3" level=info msg="stopping healthcheck"',
      'failed to start daemon: insecure registry bad is not valid',
      '',
    ].join('\n');
    expect(summarizeDaemonLog(log)).toBe(
      'time="t2" level=error msg="iptables failed"\nfailed to start daemon: insecure registry bad is not valid',
    );
  });

  it('falls back to the last lines when nothing is marked as an error', () => {
    const log = ['a', 'b', 'c', 'd'].map((word) => `level=info msg=${word}`).join('\n');
    expect(summarizeDaemonLog(log, 2)).toBe('level=info msg=c\nlevel=info msg=d');
  });

  it('is empty for an empty log', () => {
    expect(summarizeDaemonLog('')).toBe('');
  });
});
