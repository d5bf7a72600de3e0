import { type Diagnostic, formatPosition } from '../core/errors.ts';
import {
  countFailed,
  countStatuses,
  isNotRun,
  type PageResult,
  type SnippetResult,
} from '../judge/results.ts';
import type { UnverifiedBlock } from '../judge/unverified-blocks.ts';
import { createDocumentReporter, durationOfResult, type RunRecord } from './document-reporter.ts';
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.ts';
import { findFindings } from './findings.ts';
import { formatWhere, hasSeveralLegs } from './legs.ts';
import type { Reporter, ReportTarget } from './reporter.ts';

type Attributes = Record<string, string | number | undefined>;

function element(name: string, attributes: Attributes, body?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
  return body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Each finding as plain text: where, what, then the command and the diff. */
function describeFindings(
  result: SnippetResult,
  leg: string,
  isLegNamed: boolean,
): { message: string; text: string } {
  const findings = findFindings(result, leg);
  const text = findings
    .map((finding) =>
      [
        `${formatWhere(finding, leg, isLegNamed)}: ${finding.summary}`,
        ...finding.details.map((line) => line.text),
      ].join('\n'),
    )
    .join('\n\n');
  return { message: findings.map((finding) => finding.summary).join('; '), text };
}

function renderOutcome(
  result: SnippetResult,
  leg: string,
  isLegNamed: boolean,
): string | undefined {
  if (result.status === 'pass') return undefined;
  if (result.status === 'unchecked')
    return element('skipped', { message: `not checked: ${result.reason}` });
  if (isNotRun(result)) return element('skipped', { message: result.reason });
  const { message, text } = describeFindings(result, leg, isLegNamed);
  const name = result.status === 'error' ? 'error' : 'failure';
  const type = result.status === 'error' ? result.problem.code : result.status;
  return element(name, { message, type }, escapeXmlText(text));
}

function renderTestcase(page: PageResult, result: SnippetResult, isLegNamed: boolean): string {
  const attributes = {
    name: formatWhere(result.snippet, page.leg, isLegNamed),
    classname: isLegNamed ? `${page.file} [${page.leg}]` : page.file,
    file: page.file,
    line: result.snippet.line,
    time: seconds(durationOfResult(result)),
  };
  const outcomes = [
    renderOutcome(result, page.leg, isLegNamed),
    ...renderEarlierAttempts(page, result, isLegNamed),
  ].filter((outcome) => outcome !== undefined);
  return outcomes.length === 0
    ? element('testcase', attributes)
    : element(
        'testcase',
        attributes,
        `${outcomes.map((text) => `\n      ${text}`).join('')}\n    `,
      );
}

/**
 * `--retries`: how the snippet failed on the page's earlier attempts, as Maven Surefire
 * writes reruns (which Jenkins and most CI test views read): `flakyFailure`/`flakyError`
 * when it passed in the end, `rerunFailure`/`rerunError` when it failed again.
 */
function renderEarlierAttempts(
  page: PageResult,
  result: SnippetResult,
  isLegNamed: boolean,
): string[] {
  const prefix = result.status === 'pass' ? 'flaky' : 'rerun';
  return (page.earlierAttempts ?? []).flatMap((attempt) => {
    const earlier = attempt.results.find(
      (candidate) => candidate.snippet.line === result.snippet.line,
    );
    if (!earlier || earlier.status === 'pass' || isNotRun(earlier)) return [];
    const { message, text } = describeFindings(earlier, page.leg, isLegNamed);
    const isError = earlier.status === 'error';
    return [
      element(
        `${prefix}${isError ? 'Error' : 'Failure'}`,
        { message, type: isError ? earlier.problem.code : earlier.status },
        escapeXmlText(text),
      ),
    ];
  });
}

function suite(attributes: Attributes, testcases: readonly string[]): string {
  return element(
    'testsuite',
    attributes,
    `\n${testcases.map((testcase) => `    ${testcase}\n`).join('')}  `,
  );
}

/** A leg's suite leaves out the snippets for other legs: they are not tests on it. */
function renderPage(page: PageResult, timestamp: string | undefined, isLegNamed: boolean): string {
  const counts = countStatuses([page]);
  const results = page.results.filter((result) => result.status !== 'excluded');
  return suite(
    {
      name: isLegNamed ? `${page.file} [${page.leg}]` : page.file,
      tests: results.length,
      failures: countFailed(counts),
      errors: counts.error,
      skipped: counts.skipped + counts.unchecked,
      time: seconds(page.durationMs),
      timestamp,
    },
    results.map((result) => renderTestcase(page, result, isLegNamed)),
  );
}

/** Blocks no leg of the run verified: skipped tests, so that CI shows them. */
function renderUnverified(blocks: readonly UnverifiedBlock[]): string {
  const testcases = blocks.map((block) =>
    element(
      'testcase',
      { name: formatPosition(block), classname: block.file, time: seconds(0) },
      `\n      ${element('skipped', { message: `not verified: ${block.reason}` })}\n    `,
    ),
  );
  return suite(
    {
      name: 'not verified',
      tests: blocks.length,
      failures: 0,
      errors: 0,
      skipped: blocks.length,
      time: seconds(0),
    },
    testcases,
  );
}

/** Problems in the documents stop the run before anything ran: one error each, so CI shows them. */
function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const testcases = diagnostics.map((diagnostic) => {
    const text = diagnostic.hint
      ? `${diagnostic.message}\nhint: ${diagnostic.hint}`
      : diagnostic.message;
    const error = element(
      'error',
      { message: diagnostic.message, type: diagnostic.code },
      escapeXmlText(text),
    );
    return element(
      'testcase',
      {
        name: formatPosition(diagnostic.position),
        classname: diagnostic.position.file,
        time: seconds(0),
      },
      `\n      ${error}\n    `,
    );
  });
  const total = diagnostics.length;
  return suite(
    { name: 'diagnostics', tests: total, failures: 0, errors: total, skipped: 0, time: seconds(0) },
    testcases,
  );
}

/** The run as JUnit XML: a testsuite per page, a testcase per snippet named `file:line`. */
export function renderJunit({ info, diagnostics, pages, summary }: RunRecord): string {
  // JUnit's schema wants a local ISO date-time without a zone; ours is UTC.
  const timestamp = info?.startedAt.toISOString().slice(0, 19);
  const counts = countStatuses(pages);
  const unverified = summary?.unverified ?? [];
  const suites = [
    ...(diagnostics.length > 0 ? [renderDiagnostics(diagnostics)] : []),
    ...pages.map((page) => renderPage(page, timestamp, hasSeveralLegs(info))),
    ...(unverified.length > 0 ? [renderUnverified(unverified)] : []),
  ];
  const durationMs = summary?.durationMs ?? pages.reduce((sum, page) => sum + page.durationMs, 0);
  const root = element(
    'testsuites',
    {
      name: 'verify-examples',
      tests:
        counts.pass +
        countFailed(counts) +
        counts.skipped +
        counts.unchecked +
        counts.error +
        diagnostics.length +
        unverified.length,
      failures: countFailed(counts),
      errors: counts.error + diagnostics.length,
      skipped: counts.skipped + counts.unchecked + unverified.length,
      time: seconds(durationMs),
      timestamp,
    },
    `\n${suites.map((text) => `  ${text}\n`).join('')}`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

export function createJunitReporter(target: ReportTarget): Reporter {
  return createDocumentReporter(target, renderJunit);
}
