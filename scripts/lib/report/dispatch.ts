import type { Reporter } from './reporter.ts';

/**
 * One reporter that hands every event to each of `reporters`, in order: the run talks to
 * this one only. Ending events are awaited one reporter after another, so files are written
 * in a stable order; an error stops the rest and is the run's.
 */
export function createDispatcher(reporters: readonly Reporter[]): Required<Reporter> {
  return {
    onRunStart: (info) => {
      for (const reporter of reporters) reporter.onRunStart?.(info);
    },
    onDiagnostics: (diagnostics) => {
      for (const reporter of reporters) reporter.onDiagnostics?.(diagnostics);
    },
    onPageStart: (file, leg) => {
      for (const reporter of reporters) reporter.onPageStart?.(file, leg);
    },
    onPageProgress: (file, leg, progress) => {
      for (const reporter of reporters) reporter.onPageProgress?.(file, leg, progress);
    },
    onPageEnd: (page) => {
      for (const reporter of reporters) reporter.onPageEnd?.(page);
    },
    async onRunEnd(summary) {
      for (const reporter of reporters) await reporter.onRunEnd?.(summary);
    },
    async onClose() {
      for (const reporter of reporters) await reporter.onClose?.();
    },
  };
}
