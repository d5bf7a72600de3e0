import { describe, expect, it } from 'vitest';
import { formatScore, runOthersDocs } from '../../bench/others-docs.ts';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { copyFixturesFrom, runCli } from '../helpers/run-cli.ts';

/**
 * Other people's docs (test/fixtures/others-docs): every fence has the outcome written
 * before it, every environment failure is an error with a reason, true drift is reported,
 * and false alarms stay rare.
 */
/**
 * The fixture set's 31 pages, one leg: 92 s alone on a slow 2-core machine, over 300 s (the
 * Docker tests' default timeout) there in the suite, beside two other files.
 */
const fixtureSetTimeoutMs = 15 * 60_000;

describe("the checker on other people's docs", () => {
  it('gives every fence of the fixture set its expected outcome', {
    timeout: fixtureSetTimeoutMs,
  }, async () => {
    await requireDocker();
    const { exitCode, score, output } = await runOthersDocs(['--leg', testLegName]);
    const figures = formatScore(score).join('\n');
    expect(score.mismatches, `${figures}\n${output}`).toEqual([]);
    expect(score.pages).toBeGreaterThanOrEqual(20);
    expect(score.falseAlarms * 10).toBeLessThanOrEqual(score.correct);
    expect(score.trueDrift).toBe(score.plantedDrift);
    expect(score.environmentErrors).toBeGreaterThan(0);
    // Environment errors are not the docs' failures: the run says so with exit code 2.
    expect(exitCode).toBe(2);
  });

  it('exits 2 with one reason per environment failure, on stderr too with only a JSON report', async () => {
    const root = await copyFixturesFrom('others-docs', 'host-tools.md', 'verify-examples.json');
    const result = await runCli(root, [
      'host-tools.md',
      '--leg',
      testLegName,
      '--reporter',
      'json=report.json',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain('error: `brew` is not installed here, and the page assumes it');
    expect(result.output).toContain('error: `sudo` is not installed here, and the page assumes it');
    expect(result.output).toContain(
      'error: The command needs a terminal (the input device is not a TTY)',
    );
  });

  it('exits 1 for true drift, every other fence of the page still run', async () => {
    const root = await copyFixturesFrom('others-docs', 'true-drift.md', 'verify-examples.json');
    const result = await runCli(root, ['true-drift.md', '--leg', testLegName]);
    expect(result.output).toContain('1 passed, 3 failed, 0 skipped');
    expect(result.exitCode).toBe(1);
  });
});
