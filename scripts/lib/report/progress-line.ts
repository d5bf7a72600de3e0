import type { ReportTarget } from './reporter.ts';

/**
 * Status lines redrawn in place on a terminal, one per key (a running page), kept below
 * whatever else is written.
 */
export interface ProgressLine {
  /** Shows or replaces the status of `key`. */
  show(status: string, key?: string): void;
  /** Takes the status of `key` away. */
  remove(key: string): void;
  /** Writes text above the status lines. */
  write(text: string): void;
  clear(): void;
}

// Carriage return, then "erase the whole line" (CSI 2 K).
const eraseLine = '\r\u001b[2K';

/**
 * Fits a status into a terminal line by eliding its middle, so both the count at the start and
 * the file name at the end stay readable. The last column stays empty: writing into it makes
 * some terminals wrap, and a wrapped line can no longer be erased in place.
 */
export function fitToWidth(text: string, columns: number): string {
  const chars = [...text];
  const budget = columns - 1;
  if (chars.length <= budget) return text;
  const kept = Math.max(0, budget - 1);
  const head = Math.ceil(kept / 2);
  const tail = kept - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

const cursorUp = '\u001b[1A';

/** On anything but a terminal, statuses are dropped and text passes straight through. */
export function createProgressLine(target: ReportTarget): ProgressLine {
  if (!target.isTty) {
    return { show() {}, remove() {}, write: (text) => target.write(text), clear() {} };
  }
  const statuses = new Map<string, string>();
  let drawn = 0;
  const erase = () => {
    if (drawn === 0) return;
    target.write(eraseLine + `${cursorUp}${eraseLine}`.repeat(drawn - 1));
    drawn = 0;
  };
  const draw = () => {
    // A pseudo-terminal nobody sized (\`script\` without a terminal) reports 0 columns.
    const columns = target.columns || 80;
    const lines = [...statuses.values()].map((status) => fitToWidth(status, columns));
    if (lines.length > 0) target.write(lines.join('\n'));
    drawn = lines.length;
  };
  return {
    show(status, key = '') {
      statuses.set(key, status);
      erase();
      draw();
    },
    remove(key) {
      if (!statuses.delete(key)) return;
      erase();
      draw();
    },
    write(text) {
      erase();
      target.write(text);
      draw();
    },
    clear() {
      erase();
      statuses.clear();
    },
  };
}
