import type { ReportTarget } from './reporter.ts';

/** A status line redrawn in place on a terminal, kept below whatever else is written. */
export interface ProgressLine {
  show(status: string): void;
  /** Writes text above the status line. */
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

/** On anything but a terminal, statuses are dropped and text passes straight through. */
export function createProgressLine(target: ReportTarget): ProgressLine {
  if (!target.isTty) return { show() {}, write: (text) => target.write(text), clear() {} };
  let status: string | undefined;
  // A pseudo-terminal nobody sized (\`script\` without a terminal) reports 0 columns.
  const draw = () => status && target.write(fitToWidth(status, target.columns || 80));
  return {
    show(next) {
      status = next;
      target.write(eraseLine);
      draw();
    },
    write(text) {
      if (status) target.write(eraseLine);
      target.write(text);
      draw();
    },
    clear() {
      if (status) target.write(eraseLine);
      status = undefined;
    },
  };
}
