import type { Diagnostic } from '../core/errors.ts';
import type { StartedLeg } from '../core/legs.ts';
import type { PageResult, StatusCounts } from '../judge/results.ts';
import type { UnverifiedBlock } from '../judge/unverified-blocks.ts';
import type { RecordWrite } from '../record/write-records.ts';
import type { SnippetProgress } from '../run/run-page.ts';
import type { FileUpdate } from '../update/plan-file-update.ts';

export const reporterNames = ['human', 'json', 'junit', 'github'] as const;
export type ReporterName = (typeof reporterNames)[number];

export type PageProgress = ({ status: 'running' } & SnippetProgress) | { status: 'finished' };

export interface RunInfo {
  /** The Dockers every page runs on; with one, reports read as they did before legs. */
  legs: StartedLeg[];
  /** Legs of legs.json that cannot run on this machine, and why (outside CI only). */
  missingLegs: { name: string; reason: string }[];
  files: string[];
  jobs: number;
  isUpdate: boolean;
  isRecord: boolean;
  startedAt: Date;
}

export interface RunSummary {
  info: RunInfo;
  pages: PageResult[];
  counts: StatusCounts;
  /** Blocks whose condition holds on no leg of the run: not verified, never passed. */
  unverified: UnverifiedBlock[];
  durationMs: number;
  updates: FileUpdate[];
  /** What `--record` wrote. */
  records: RecordWrite[];
}

/** Where a reporter writes: the terminal, or a file named on the command line. */
export interface ReportTarget {
  write(text: string): void;
  /** True for an interactive terminal: colours and live progress are welcome. */
  isTty: boolean;
  /** Width of the terminal, when known: a live status line longer than it would wrap. */
  columns?: number | undefined;
}

/**
 * A reporter turns results into one format. Pages reach `onPageEnd` in page order, even
 * when they ran in parallel, so every report reads the same whatever `--jobs` was.
 */
export interface Reporter {
  onRunStart?(info: RunInfo): void;
  /** Problems in the documents themselves; the run stops after them. */
  onDiagnostics?(diagnostics: readonly Diagnostic[]): void;
  onPageStart?(file: string, leg: string): void;
  /**
   * Where a running page is (for live progress): at a snippet, or finished running (its
   * `onPageEnd` may wait for pages before it).
   */
  onPageProgress?(file: string, leg: string, progress: PageProgress): void;
  onPageEnd?(page: PageResult): void;
  onRunEnd?(summary: RunSummary): void | Promise<void>;
  /**
   * Called once when the verifier is done, whatever happened: after `onRunEnd`, after
   * diagnostics stopped the run before it started, or on an interruption. A reporter that
   * writes one whole document (JSON, JUnit) writes it here, from what it has seen.
   */
  onClose?(): void | Promise<void>;
}

export type ReporterFactory = (target: ReportTarget) => Reporter;
