import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { runAction } from '../helpers/run-action.ts';
import { projectRoot } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

/** The action as GitHub checks it out: this repository's files, without node_modules. */
async function checkOutAction(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-action-checkout-'));
  const listed = await execa('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
  });
  for (const file of listed.stdout.split('\n').filter(Boolean)) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await cp(join(projectRoot, file), join(folder, file)).catch(() => undefined);
  }
  return folder;
}

describe('action.yml', () => {
  it("installs the checker, runs it on the caller's paths with the GitHub and JUnit reporters, and uploads the reports", async () => {
    const actionPath = await checkOutAction();
    const workspace = await mkdtemp(join(tmpdir(), 'dfv-workspace-'));
    for (const page of ['passing.md', 'drifted.md'])
      await cp(join(projectRoot, 'test/fixtures/verify', page), join(workspace, 'docs', page));

    const run = await runAction({
      actionPath,
      workspace,
      inputs: { paths: 'docs/', docker: 'sandbox', shard: '1/1', leg: testLegName },
    });
    const [setup, install, verify] = run.steps;
    expect(setup?.exitCode, setup?.output).toBe(0);
    expect(install?.exitCode, install?.output).toBe(0);
    // drifted.md drifts: the step fails, as the job should, and says where.
    expect(verify?.exitCode).toBe(1);
    expect(run.outputs['verify']?.['exit-code']).toBe('1');
    expect(verify?.output).toMatch(/^::error file=docs\/drifted\.md,line=11/m);
    expect(verify?.output).toContain('3 passed, 1 failed, 0 skipped');

    expect(run.artifact?.name).toBe('verify-examples-reports-1-of-1');
    const reports = run.artifact?.path ?? '';
    expect((await readdir(reports)).sort()).toEqual(['junit.xml', 'report.json']);
    expect(await readFile(join(reports, 'junit.xml'), 'utf8')).toContain('drifted.md');
    const json = JSON.parse(await readFile(join(reports, 'report.json'), 'utf8'));
    expect(json.counts.drift).toBe(1);
  });
});
