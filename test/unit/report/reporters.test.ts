import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VerifyError } from '../../../scripts/lib/core/errors.ts';
import { createReporters, parseReporterSpec } from '../../../scripts/lib/report/reporters.ts';
import { diagnostics, playRun } from './sample-results.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'reporters-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function createStdout(isTTY = false) {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 80,
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).code).toBe('USAGE');
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseReporterSpec', () => {
  it.each([
    ['human', { name: 'human', path: undefined }],
    ['junit=reports/junit.xml', { name: 'junit', path: 'reports/junit.xml' }],
    ['json=out.json', { name: 'json', path: 'out.json' }],
    ['json=a=b.json', { name: 'json', path: 'a=b.json' }],
    [' github ', { name: 'github', path: undefined }],
  ])('%s', (text, expected) => {
    expect(parseReporterSpec(text)).toEqual(expected);
  });

  it.each([
    ['xml', 'Unknown reporter "xml", expected one of human, json, junit, github'],
    ['Human', 'Unknown reporter "Human", expected one of human, json, junit, github'],
    ['', 'Unknown reporter "", expected one of human, json, junit, github'],
    ['=out.json', 'Unknown reporter "", expected one of human, json, junit, github'],
    ['json=', '--reporter json= needs a file after "="'],
  ])('rejects %j', (text, message) => {
    expect(usageError(() => parseReporterSpec(text))).toBe(message);
  });
});

describe('createReporters', () => {
  it('writes reporters without a path to stdout, in the order given', async () => {
    const stdout = createStdout();
    const reporters = createReporters(['github', 'human'], stdout);
    reporters.forEach((reporter) => void reporter.onDiagnostics?.(diagnostics));
    expect(stdout.text().split('\n')[0]).toMatch(/^::error file=/);
    expect(stdout.text()).toContain('1 problem in the documents');
  });

  it('gives a terminal stdout colours and live progress', async () => {
    const stdout = createStdout(true);
    const [human] = createReporters(['human'], stdout);
    human?.onPageStart?.('a.mdx', 'sandbox');
    expect(stdout.text()).toContain('starting · a.mdx');
  });

  it('writes each file whole at the end, creating its folders', async () => {
    const junit = join(folder, 'reports', 'nested', 'junit.xml');
    const json = join(folder, 'out.json');
    const stdout = createStdout();
    const reporters = createReporters([`junit=${junit}`, `json=${json}`, 'human'], stdout);
    for (const reporter of reporters) await playRun(reporter);
    expect(await readFile(junit, 'utf8')).toMatch(/^<\?xml version="1.0"/);
    expect(JSON.parse(await readFile(json, 'utf8')).tool).toBe('verify-examples');
    expect(stdout.text()).toContain('2 passed, 3 failed, 2 skipped, 1 errors');
    expect(await readdir(join(folder, 'reports', 'nested'))).toEqual(['junit.xml']);
  });

  it('still writes its files when diagnostics end the run before it starts', async () => {
    const path = join(folder, 'junit.xml');
    const [junit] = createReporters([`junit=${path}`], createStdout());
    junit?.onDiagnostics?.(diagnostics);
    await junit?.onClose?.();
    expect(await readFile(path, 'utf8')).toContain('type="INVALID_OPTION"');
  });

  it('reports a file it cannot write, and leaves no temporary file behind', async () => {
    const path = join(folder, 'taken');
    await mkdir(path);
    const [json] = createReporters([`json=${path}`], createStdout());
    await expect(playRun(json ?? {})).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(await readdir(folder)).toEqual(['taken']);
  });

  it.each([
    [['json', 'human'], 'The json reporter cannot share stdout with 1 other reporter(s)'],
    [
      ['human', 'junit', 'github'],
      'The junit reporter cannot share stdout with 2 other reporter(s)',
    ],
    [['json=a.json', 'junit=./a.json'], `Two reporters write to ${join(process.cwd(), 'a.json')}`],
    [['human', 'nope'], 'Unknown reporter "nope", expected one of human, json, junit, github'],
  ])('refuses %j', (specs, message) => {
    expect(usageError(() => createReporters(specs, createStdout()))).toBe(message);
  });

  it('lets a document reporter have stdout to itself, with notes for a person on stderr', () => {
    const stdout = createStdout();
    const stderr = createStdout();
    const reporters = createReporters(['json', 'junit=junit.xml'], stdout, stderr);
    expect(reporters).toHaveLength(3);
    const diagnostic = {
      code: 'INVALID_MARKDOWN' as const,
      message: 'Cannot parse MDX',
      position: { file: 'a.mdx', line: 3 },
    };
    for (const reporter of reporters) reporter.onDiagnostics?.([diagnostic]);
    expect(stderr.text()).toContain('a.mdx:3: Cannot parse MDX');
  });
});
