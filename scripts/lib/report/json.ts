import type { Diagnostic } from '../core/errors.ts';
import { legComponents, type StartedLeg } from '../core/legs.ts';
import { describeCause } from '../judge/causes.ts';
import {
  countStatuses,
  isNotRun,
  isPageFlaky,
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
    valueMismatches: step.valueMismatches.map((mismatch) => ({
      name: mismatch.name,
      bound: { text: mismatch.bound.text, line: mismatch.bound.line },
      found: { text: mismatch.found.text, line: mismatch.found.line },
    })),
    shownValueProblems: step.shownValueProblems.map(({ kind, line, shown, actual }) => ({
      kind,
      line,
      shown,
      actual,
    })),
    // Another page as the reason, in reading order (`--journey`, the reader's toolbox).
    causes: (step.causes ?? []).map((cause) => ({ ...cause, message: describeCause(cause) })),
    durationMs: ms(step.durationMs),
  };
}

function describeSnippet(result: SnippetResult, leg: string) {
  const { snippet } = result;
  const problem =
    result.status === 'error'
      ? {
          code: result.problem.code,
          message: result.problem.message,
          hint: result.problem.hint ?? null,
          line: result.position?.line ?? null,
          column: result.position?.column ?? null,
        }
      : null;
  return {
    file: snippet.file,
    line: snippet.line,
    leg,
    language: snippet.language,
    status: result.status,
    durationMs: ms(durationOfResult(result)),
    reason: isNotRun(result) ? result.reason : null,
    category: result.status === 'unchecked' ? result.category : null,
    problem,
    steps: isNotRun(result) ? [] : result.steps.map(describeStep),
  };
}

function describePage(page: PageResult) {
  return {
    file: page.file,
    leg: page.leg,
    durationMs: ms(page.durationMs),
    firstCommandAt: page.firstCommandAt === undefined ? null : ms(page.firstCommandAt),
    values: page.values.map((value) => ({
      name: value.name,
      shown: value.shown,
      actual: value.actual ?? null,
      line: value.line ?? null,
    })),
    snippets: page.results.map((result) => describeSnippet(result, page.leg)),
    // `--retries`: how often the page ran, and what went wrong on each attempt before the last.
    attempts: (page.earlierAttempts?.length ?? 0) + 1,
    flaky: isPageFlaky(page),
    earlierAttempts: (page.earlierAttempts ?? []).map((attempt) => ({
      durationMs: ms(attempt.durationMs),
      snippets: attempt.results
        .filter((result) => result.status !== 'pass' && !isNotRun(result))
        .map((result) => describeSnippet(result, attempt.leg)),
    })),
  };
}

function describeLeg(leg: StartedLeg) {
  return {
    name: leg.name,
    kind: leg.kind,
    store: leg.store ?? null,
    client: leg.versions.client,
    server: leg.versions.server,
    apiVersion: leg.versions.apiVersion,
    containerd: leg.versions.containerd ?? null,
    runc: leg.versions.runc ?? null,
    components: describeComponents(leg),
  };
}

/**
 * Each component of the leg's engine (docker, containerd, runc, buildx, compose, init): its
 * version and where it came from (a Debian package, or an upstream tag and commit), as
 * legs.json lists them; null for a Docker no legs.json describes.
 */
function describeComponents(leg: StartedLeg) {
  const { provided } = leg;
  if (!provided) return null;
  return Object.fromEntries(
    legComponents.map((component) => [
      component,
      { version: provided.versions[component], origin: provided.origins?.[component] ?? null },
    ]),
  );
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
  // `engine` and `docker` describe a run's only leg, as before legs; `legs` describes all.
  const firstLeg = info?.legs.length === 1 ? info.legs[0] : undefined;
  const finishedAt = summary
    ? new Date(summary.info.startedAt.getTime() + summary.durationMs)
    : undefined;
  return {
    schemaVersion: jsonReportSchemaVersion,
    tool: 'verify-examples',
    startedAt: info?.startedAt.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
    durationMs: summary ? ms(summary.durationMs) : null,
    engine: firstLeg?.kind ?? null,
    docker: firstLeg
      ? {
          client: firstLeg.versions.client,
          server: firstLeg.versions.server,
          apiVersion: firstLeg.versions.apiVersion,
        }
      : null,
    legs: info?.legs.map(describeLeg) ?? [],
    missingLegs: info?.missingLegs.map((leg) => ({ name: leg.name, reason: leg.reason })) ?? [],
    isUpdate: info?.isUpdate ?? false,
    isRecord: info?.isRecord ?? false,
    counts: summary?.counts ?? countStatuses(pages),
    notVerified:
      summary?.unverified.map((block) => ({
        file: block.file,
        line: block.line,
        reason: block.reason,
      })) ?? [],
    diagnostics: diagnostics.map(describeDiagnostic),
    pages: pages.map(describePage),
    updates:
      summary?.updates.map((update) => ({
        file: update.file,
        rewritten: update.rewritten,
        refused: update.refused.map((refusal) => ({ line: refusal.line, reason: refusal.reason })),
        skipped: update.skipped,
      })) ?? [],
    records:
      summary?.records.map((write) => ({
        page: write.page,
        status: write.status,
        file: write.status === 'outside' ? null : write.file,
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
