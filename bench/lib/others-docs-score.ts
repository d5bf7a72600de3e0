/**
 * Scores a verifier run on the fixture set of other people's docs (test/fixtures/others-docs):
 * each fence's expected outcome, written before it as `<!-- expect: KIND [DETAIL] -->`,
 * against what the JSON report says. Pure; used by the Docker test and bench/others-docs.ts.
 */

export const expectedKinds = [
  'pass',
  'drift',
  'failed',
  'environment',
  'unchecked',
  'invalid',
  'skipped',
] as const;
export type OutcomeKind = (typeof expectedKinds)[number] | 'error';

export interface Outcome {
  kind: OutcomeKind;
  /** The environment error's code, or why a fence was not checked. */
  detail: string | undefined;
}

/** What the JSON report says of one snippet, as far as scoring needs it. */
export interface ReportedSnippet {
  file: string;
  line: number;
  status: string;
  category: string | null;
  problem: { code: string } | null;
}

const environmentCodes = new Set([
  'IMAGE_NOT_FOUND',
  'REGISTRY_UNREACHABLE',
  'MISSING_TOOL',
  'MISSING_SERVICE',
  'HOST_STATE_KEPT',
  'NEEDS_TERMINAL',
  'DAEMON_DIED',
  'SANDBOX_FAILED',
]);

const marker = /^<!-- expect: (\w+)(?: ([\w-]+))? -->$/;

/** Expected outcomes by the line of the fence they stand before. */
export function readExpectations(markdown: string): Map<number, Outcome> {
  const lines = markdown.split('\n');
  const expectations = new Map<number, Outcome>();
  lines.forEach((line, index) => {
    const match = marker.exec(line.trim());
    if (!match) return;
    const fence = lines.findIndex((next, at) => at > index && next.startsWith('```'));
    const kind = match[1] as OutcomeKind;
    if (!(expectedKinds as readonly string[]).includes(kind) || fence === -1)
      throw new Error(`line ${index + 1}: unreadable expectation ${line}`);
    expectations.set(fence + 1, { kind, detail: match[2] });
  });
  return expectations;
}

/** The outcome a reported snippet stands for. */
export function classifyReported(snippet: ReportedSnippet): Outcome {
  const { status, problem } = snippet;
  if (status === 'unchecked') return { kind: 'unchecked', detail: snippet.category ?? undefined };
  if (status === 'timeout') return { kind: 'failed', detail: 'timeout' };
  if (status !== 'error') return { kind: status as OutcomeKind, detail: undefined };
  const code = problem?.code ?? '';
  if (environmentCodes.has(code)) return { kind: 'environment', detail: code };
  if (/^INVALID_|^UNCHECKED_FENCE$/.test(code)) return { kind: 'invalid', detail: code };
  return { kind: 'error', detail: code };
}

export interface Mismatch {
  file: string;
  line: number;
  /** `undefined`: the report has a fence the page has no expectation for. */
  expected: Outcome | undefined;
  actual: Outcome | undefined;
}

export interface Score {
  pages: number;
  /** Shell-looking fences the verifier reported on. */
  recognised: number;
  /** Of those, the ones whose commands ran (passed, drifted, failed, or hit the environment). */
  run: number;
  passed: number;
  /** Fences a reader would call correct (expected to pass). */
  correct: number;
  /** Correct fences reported as drift, failure or error. */
  falseAlarms: number;
  environmentErrors: number;
  /** Planted drift and failures, and how many were reported as such. */
  plantedDrift: number;
  trueDrift: number;
  notChecked: number;
  mismatches: Mismatch[];
}

const isSame = (expected: Outcome, actual: Outcome | undefined) =>
  actual !== undefined &&
  (expected.kind === actual.kind ||
    (expected.kind === 'drift' && actual.kind === 'failed') ||
    (expected.kind === 'failed' && actual.kind === 'drift')) &&
  (expected.detail === undefined || expected.detail === actual.detail);

/** Compares every expectation of every page with the report's snippets. */
export function scoreRun(
  pages: readonly { file: string; markdown: string }[],
  reported: readonly ReportedSnippet[],
): Score {
  const outcomes = reported.map((snippet) => ({ snippet, outcome: classifyReported(snippet) }));
  const count = (kinds: readonly OutcomeKind[]) =>
    outcomes.filter(({ outcome }) => kinds.includes(outcome.kind)).length;
  const score: Score = {
    pages: pages.length,
    recognised: reported.length,
    run: count(['pass', 'drift', 'failed', 'environment', 'error']),
    passed: count(['pass']),
    correct: 0,
    falseAlarms: 0,
    environmentErrors: count(['environment']),
    plantedDrift: 0,
    trueDrift: 0,
    notChecked: count(['unchecked']),
    mismatches: [],
  };
  for (const page of pages) {
    const expectations = readExpectations(page.markdown);
    for (const { snippet, outcome } of outcomes) {
      if (snippet.file.endsWith(page.file) && !expectations.has(snippet.line))
        score.mismatches.push({
          file: page.file,
          line: snippet.line,
          expected: undefined,
          actual: outcome,
        });
    }
    for (const [line, expected] of expectations) {
      const actual = outcomes.find(
        ({ snippet }) => snippet.file.endsWith(page.file) && snippet.line === line,
      )?.outcome;
      if (expected.kind === 'pass') {
        score.correct++;
        if (actual?.kind !== 'pass') score.falseAlarms++;
      }
      if (expected.kind === 'drift' || expected.kind === 'failed') {
        score.plantedDrift++;
        if (actual?.kind === 'drift' || actual?.kind === 'failed') score.trueDrift++;
      }
      if (!isSame(expected, actual))
        score.mismatches.push({ file: page.file, line, expected, actual });
    }
  }
  return score;
}
