import { formatDuration } from '../core/format.ts';
import { countFailed, countFlaky, countStatuses } from '../judge/results.ts';
import { escapeXmlText } from './escape-xml.ts';
import { findPageFindings } from './findings.ts';
import { formatCounts } from './format-summary.ts';
import { describeLeg, formatWhere, hasSeveralLegs } from './legs.ts';
import type { RunSummary } from './reporter.ts';

/** GitHub renders HTML inside table cells, and `|` would end the cell. */
const cell = (text: string) => escapeXmlText(text).replace(/\|/g, '\\|');

/** A fence longer than any run of backticks inside, so the content cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

function formatTable(summary: RunSummary): string[] {
  const isLegNamed = hasSeveralLegs(summary.info);
  const rows = summary.pages.map((page) => {
    const counts = countStatuses([page]);
    const failed = countFailed(counts);
    const mark = failed + counts.error > 0 ? '❌' : '✅';
    const numbers = [counts.pass, failed, counts.skipped, counts.error].join(' | ');
    const name = isLegNamed ? `${page.file} [${page.leg}]` : page.file;
    return `| ${mark} ${cell(name)} | ${numbers} | ${formatDuration(page.durationMs)} |`;
  });
  return [
    '| Page | Passed | Failed | Skipped | Errors | Time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

function formatDetails(summary: RunSummary): string[] {
  return summary.pages.flatMap(findPageFindings).flatMap((finding) => {
    const text = finding.details.map((line) => line.text).join('\n');
    const where = formatWhere(finding, finding.leg, hasSeveralLegs(summary.info));
    const title = `<code>${escapeXmlText(where)}</code> ${escapeXmlText(finding.summary)}`;
    const body = text ? ['', `${fence(text)}diff`, text, fence(text)] : [];
    return ['', `<details><summary>${title}</summary>`, ...body, '', '</details>'];
  });
}

/** The run as Markdown for the job's summary page: a table of pages, then each problem folded. */
export function formatStepSummary(summary: RunSummary): string {
  const { legs } = summary.info;
  const [only] = legs;
  const docker =
    only && !hasSeveralLegs(summary.info)
      ? describeLeg(only)
      : `${legs.length} legs: ${legs.map((leg) => leg.name).join(', ')}`;
  // Another step may have appended to the same file: a blank line keeps the heading a heading.
  return [
    '',
    `### Verified examples: ${formatCounts(summary.counts, summary.unverified.length, countFlaky(summary.pages))}`,
    '',
    `${docker} · ${formatDuration(summary.durationMs)}`,
    '',
    ...formatTable(summary),
    ...formatDetails(summary),
    '',
  ].join('\n');
}
