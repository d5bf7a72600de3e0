import { describe, expect, it } from 'vitest';
import { projectOf, shareByProject } from '../../../bench/lib/suite-report.ts';

const root = '/work/p';
const file = (name: string, startTime: number, endTime: number, status = 'passed') => ({
  name: `${root}/${name}`,
  startTime,
  endTime,
  status,
});

describe('projectOf', () => {
  it('names the project after the folder under test/', () => {
    expect(projectOf(`${root}/test/docker/engine/sandbox.test.ts`, root)).toBe('docker');
    expect(projectOf('test/unit/a.test.ts', root)).toBe('unit');
    expect(projectOf(`${root}/scripts/x.test.ts`, root)).toBe('other');
  });
});

describe('shareByProject', () => {
  it("gives each project its span, its files' summed time, failures and slowest file", () => {
    const report = {
      numFailedTests: 1,
      numPassedTests: 9,
      testResults: [
        file('test/docker/a.test.ts', 1_000, 61_000),
        file('test/unit/u.test.ts', 2_000, 2_500),
        file('test/docker/b.test.ts', 5_000, 25_000, 'failed'),
        file('test/unit/v.test.ts', 70_000, 70_100),
      ],
    };
    expect(shareByProject(report, root)).toEqual([
      {
        project: 'docker',
        files: 2,
        failedFiles: 1,
        spanMs: 60_000,
        summedMs: 80_000,
        slowest: { file: 'test/docker/a.test.ts', ms: 60_000 },
      },
      {
        project: 'unit',
        files: 2,
        failedFiles: 0,
        spanMs: 68_100,
        summedMs: 600,
        slowest: { file: 'test/unit/u.test.ts', ms: 500 },
      },
    ]);
  });
});
