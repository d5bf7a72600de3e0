/**
 * Runs this repository's action.yml here, as GitHub's runner would run its steps (it cannot
 * run on GitHub from this machine): each `run` step in bash with GitHub's flags, its `env`
 * and `working-directory` evaluated, GITHUB_OUTPUT and the step outputs passed along; each
 * `uses` step checked for what it needs (setup-node: the Node version; upload-artifact: the
 * files and a valid artifact name). Only the expressions the action uses are understood.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

export interface ActionRun {
  /** Each step's name (or uses) and what became of it. */
  steps: { step: string; exitCode: number; output: string }[];
  outputs: Record<string, Record<string, string>>;
  /** What upload-artifact would upload: its name and the files in its path. */
  artifact: { name: string; path: string } | undefined;
}

export async function runAction(request: {
  actionPath: string;
  workspace: string;
  inputs: Record<string, string>;
}): Promise<ActionRun> {
  const action = parse(await readFile(join(request.actionPath, 'action.yml'), 'utf8')) as Action;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [
      name,
      request.inputs[name] ?? spec.default ?? '',
    ]),
  );
  const outputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return inputs[input[1] ?? ''] ?? '';
      if (expression === 'github.action_path') return request.actionPath;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return outputs[output[1] ?? '']?.[output[2] ?? ''] ?? '';
      throw new Error(`the local runner does not know \${{ ${expression} }}`);
    });
  const run: ActionRun = { steps: [], outputs, artifact: undefined };
  const folder = await mkdtemp(join(tmpdir(), 'dfv-action-'));
  for (const [index, step] of action.runs.steps.entries()) {
    const label = step.name ?? step.uses ?? `step ${index + 1}`;
    if (step.uses?.startsWith('actions/setup-node@')) {
      const major = Number(process.versions.node.split('.')[0]);
      const wanted = Number(evaluate(step.with?.['node-version'] ?? '0'));
      run.steps.push({ step: label, exitCode: major === wanted ? 0 : 1, output: process.version });
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      const name = evaluate(step.with?.['name'] ?? '');
      const path = resolve(request.workspace, evaluate(step.with?.['path'] ?? ''));
      run.artifact = name === '' ? undefined : { name, path };
      run.steps.push({ step: label, exitCode: 0, output: name });
    } else if (step.run !== undefined) {
      if (step.shell !== 'bash') throw new Error(`${label}: only bash steps are run here`);
      const script = join(folder, `step-${index}.sh`);
      const outputFile = join(folder, `output-${index}`);
      await writeFile(script, evaluate(step.run));
      await writeFile(outputFile, '');
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value)]),
      );
      const result = await execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: step['working-directory'] ? evaluate(step['working-directory']) : request.workspace,
        env: {
          ...env,
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: join(folder, 'summary.md'),
          GITHUB_WORKSPACE: request.workspace,
          GITHUB_ACTION_PATH: request.actionPath,
          NO_COLOR: '1',
        },
        reject: false,
        all: true,
      });
      const written = await readFile(outputFile, 'utf8');
      if (step.id) {
        outputs[step.id] = Object.fromEntries(
          written
            .split('\n')
            .filter((line) => line.includes('='))
            .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
        );
      }
      run.steps.push({ step: label, exitCode: result.exitCode ?? -1, output: result.all ?? '' });
    }
  }
  return run;
}
