/**
 * Picks from a dockerd log what explains a failed start: its errors and its last words
 * (`failed to start daemon: ...` is printed without a level), not pages of plugin loading.
 */
const errorLine = /level=(error|fatal)|^failed to start daemon/;

export function summarizeDaemonLog(log: string, maxLines = 6): string {
  const lines = log.trim().split('\n').filter(Boolean);
  const errors = lines.filter((line) => errorLine.test(line));
  const picked = errors.length > 0 ? errors : lines;
  return picked.slice(-maxLines).join('\n');
}
