import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { copyFixtures, projectRoot, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

/**
 * Shown values end to end, on a real daemon pulling from the look-alike mirror: the page's
 * IDs, digests and sizes are held to the run's and to Docker Hub's published ones.
 */
describe('values a page shows', () => {
  it('catch (c) an invented layer ID, (d) a size off by more than the tolerance, (e) two shown IDs that are one value', async () => {
    const root = await copyFixtures('shown-values.md');
    await copyFile(join(projectRoot, 'docker-hub-images.json'), join(root, 'hub.json'));
    await writeFile(join(root, 'verify-examples.json'), '{ "published": "hub.json" }\n');
    const report = join(root, 'report.json');
    const run = await runCli(root, [
      'shown-values.md',
      '--leg',
      testLegName,
      '--reporter',
      'human',
      '--reporter',
      `json=${report}`,
    ]);
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    const snippets = json.pages[0]?.snippets ?? [];
    expect(
      snippets.map((snippet) => [snippet.line, snippet.status]),
      run.output,
    ).toEqual([
      [6, 'drift'],
      [18, 'drift'],
      [25, 'pass'],
      [34, 'drift'],
    ]);
    const problems = snippets.flatMap((snippet) =>
      snippet.steps.flatMap((step) =>
        step.shownValueProblems.map(({ kind, line, shown }) => [kind, line, shown]),
      ),
    );
    expect(problems).toEqual([
      ['unconfirmed', 10, '37bb94b0940b'],
      ['size', 20, '2.22MB'],
      ['ids-merge', 38, '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0'],
    ]);
    // The published digest is Docker Hub's, not the look-alike's the run printed: not a problem.
    expect(run.output).not.toContain('fd7dc98638c8 at');
    expect(run.output).toContain('known only as 37bb94b0');
    expect(run.output).toContain('more than 10% off');
    // The later line is named, with the earlier one it merges with.
    expect(run.output).toMatch(
      /0f1e2d3c4b5a\S* \(shown-values\.md:38\) and 9a8b7c6d5e4f\S* \(shown-values\.md:36\) are one value in the real output/,
    );
    expect(run.exitCode).toBe(1);
  });
});
