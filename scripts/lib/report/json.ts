import type { Diagnostic } from '../core/errors.ts';
import {
  countStatuses,
  type PageResult,
  type SnippetResult,
  type StepOutcome,
} from '../judge/results.ts';
import { createDocumentReporter, durationOfResult, type RunRecord } from './document-reporter.ts';
import type { Reporter, ReportTarget } from './reporter.ts';

/** Bumped whenever a field changes meaning or goes away; new fields do not bump it. */
export const jsonReportSchemaVersion = 1;

// Every object below is built key by key in a fixed order, and absent values are `null`
// rather than missing, so two reports diff line by line and consumers see one shape.

const ms = (value: number) => Math.round(value);

function describeStep(step: StepOutcome) {
  return {
    command: step.command,
    line: step.line,
    expectedExitCode: step.expectedExitCode,
    exitCode: step.exitCode ?? null,
    matches: step.comparison?.matches ?? null,
    documented: step.documented,
    documentedLines: step.documentedLines
      ? { start: step.documentedLines.start, end: step.documentedLines.end }
      : null,
    actual: step.comparison?.actual.map((line) => line.text) ?? null,
    durationMs: ms(step.durationMs),
  };
}

function describeSnippet(result: SnippetResult) {
  const { snippet } = result;
  const problem =
    result.status === 'error'
      ? {
          code: result.problem.code,
          message: result.problem.message,
          hint: result.problem.hint ?? null,
        }
      : null;
  return {
    file: snippet.file,
    line: snippet.line,
    language: snippet.language,
    status: result.status,
    durationMs: ms(durationOfResult(result)),
    reason: result.status === 'skipped' ? result.reason : null,
    problem,
    steps: result.status === 'skipped' ? [] : result.steps.map(describeStep),
  };
}

function describePage(page: PageResult) {
  return {
    file: page.file,
    durationMs: ms(page.durationMs),
    snippets: page.results.map(describeSnippet),
  };
}

function describeDiagnostic(diagnostic: Diagnostic) {
  const { position } = diagnostic;
  return {
    code: diagnostic.code,
    file: position.file,
    line: position.line,
    column: position.column ?? null,
    message: diagnostic.message,
    hint: diagnostic.hint ?? null,
  };
}

/** The whole run as one JSON document. */
export function buildJsonReport({ info, diagnostics, pages, summary }: RunRecord) {
  const finishedAt = summary
    ? new Date(summary.info.startedAt.getTime() + summary.durationMs)
    : undefined;
  return {
    schemaVersion: jsonReportSchemaVersion,
    tool: 'verify-examples',
    startedAt: info?.startedAt.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
    durationMs: summary ? ms(summary.durationMs) : null,
    engine: info?.engine ?? null,
    docker: info
      ? {
          client: info.versions.client,
          server: info.versions.server,
          apiVersion: info.versions.apiVersion,
        }
      : null,
    isUpdate: info?.isUpdate ?? false,
    counts: summary?.counts ?? countStatuses(pages),
    diagnostics: diagnostics.map(describeDiagnostic),
    pages: pages.map(describePage),
    updates:
      summary?.updates.map((update) => ({
        file: update.file,
        rewritten: update.rewritten,
        refused: update.refused.map((refusal) => ({ line: refusal.line, reason: refusal.reason })),
      })) ?? [],
  };
}

export type JsonReport = ReturnType<typeof buildJsonReport>;

export function createJsonReporter(target: ReportTarget): Reporter {
  return createDocumentReporter(
    target,
    (record) => `${JSON.stringify(buildJsonReport(record), null, 2)}\n`,
  );
}
