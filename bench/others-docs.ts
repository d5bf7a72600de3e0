/**
 * How the verifier does on other people's docs: runs it on the fixture set
 * (test/fixtures/others-docs, each fence's expected outcome written before it) and prints
 * snippets recognised, run, passed, false alarms, environment errors and true drift, then
 * every fence whose outcome is not the expected one. Exit 1 when there is one.
 *
 *   node --experimental-strip-types bench/others-docs.ts [--without-settings] [verifier flags]
 *
 * `--without-settings` leaves out the fixture set's verify-examples.json: what a team gets
 * before it says how its docs are written (expect false alarms there, which the figures show).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { verifyCommand } from '../scripts/lib/cli/verify-command.ts';
import { type ReportedSnippet, type Score, scoreRun } from './lib/others-docs-score.ts';

const root = resolve(import.meta.dirname, '..');
export const othersDocs = join(root, 'test/fixtures/others-docs');

export interface OthersDocsRun {
  exitCode: number;
  output: string;
  score: Score;
}

/** Runs the verifier on a copy of the fixture set with `args` and scores its JSON report. */
export async function runOthersDocs(
  args: readonly string[],
  { env = {}, withSettings = true }: { env?: Record<string, string>; withSettings?: boolean } = {},
) {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-others-'));
  try {
    await cp(othersDocs, folder, { recursive: true });
    if (!withSettings) await rm(join(folder, 'verify-examples.json'));
    const files = (await readdir(folder)).filter(
      (name) => name.endsWith('.md') && name !== 'README.md',
    );
    const command = verifyCommand(root, [...files, '--reporter', 'json=report.json', ...args]);
    const run = await execa(process.execPath, command.args, {
      cwd: folder,
      env: { ...command.env, ...env },
      reject: false,
      all: true,
    });
    const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')) as {
      pages: { snippets: ReportedSnippet[] }[];
    };
    const pages = await Promise.all(
      files.map(async (file) => ({ file, markdown: await readFile(join(folder, file), 'utf8') })),
    );
    const score = scoreRun(
      pages,
      report.pages.flatMap((page) => page.snippets),
    );
    return { exitCode: run.exitCode ?? -1, output: run.all ?? '', score } satisfies OthersDocsRun;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function formatScore(score: Score): string[] {
  const percent = (part: number, whole: number) =>
    whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
  const lines = [
    `pages                      ${score.pages}`,
    `snippets recognised        ${score.recognised}`,
    `  run                      ${score.run}`,
    `  passed                   ${score.passed}`,
    `  not checked (reported)   ${score.notChecked}`,
    `correct by a reader        ${score.correct}`,
    `  false alarms             ${score.falseAlarms} (${percent(score.falseAlarms, score.correct)})`,
    `environment errors         ${score.environmentErrors}`,
    `planted drift              ${score.plantedDrift}`,
    `  reported                 ${score.trueDrift}`,
  ];
  for (const { file, line, expected, actual } of score.mismatches) {
    const show = (outcome: typeof actual) =>
      outcome ? `${outcome.kind}${outcome.detail ? ` ${outcome.detail}` : ''}` : 'nothing';
    lines.push(`mismatch ${file}:${line}: expected ${show(expected)}, got ${show(actual)}`);
  }
  return lines;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const withSettings = !args.includes('--without-settings');
  const run = await runOthersDocs(
    args.filter((arg) => arg !== '--without-settings'),
    { withSettings },
  );
  process.stdout.write(
    `${formatScore(run.score).join('\n')}\nverifier exit code ${run.exitCode}\n`,
  );
  process.exitCode = run.score.mismatches.length > 0 ? 1 : 0;
}
