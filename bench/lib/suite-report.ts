/**
 * Pure: each project's share of a `vitest run` from its JSON report. Projects overlap in one
 * pool of workers, so a project has two times: its span (its first file's start to its last
 * file's end) and the sum of its files' own times.
 */

/** The part of vitest's JSON report read here: one entry per test file. */
export interface VitestJsonReport {
  numFailedTests: number;
  numPassedTests: number;
  testResults: readonly { name: string; startTime: number; endTime: number; status: string }[];
}

export interface ProjectShare {
  project: string;
  files: number;
  failedFiles: number;
  /** First file's start to last file's end, in ms. */
  spanMs: number;
  /** The files' own times added up, in ms. */
  summedMs: number;
  /** The slowest file, relative to the root, and its time. */
  slowest: { file: string; ms: number } | undefined;
}

/** `test/<project>/...`, as vitest.config.ts includes the projects' files. */
export function projectOf(file: string, root: string): string {
  const relative = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  return relative.match(/^test\/([^/]+)\//)?.[1] ?? 'other';
}

export function shareByProject(report: VitestJsonReport, root: string): ProjectShare[] {
  const byProject = new Map<string, VitestJsonReport['testResults'][number][]>();
  for (const result of report.testResults) {
    const project = projectOf(result.name, root);
    byProject.set(project, [...(byProject.get(project) ?? []), result]);
  }
  return [...byProject]
    .map(([project, results]) => {
      const durations = results.map((result) => ({
        file: result.name.startsWith(`${root}/`) ? result.name.slice(root.length + 1) : result.name,
        ms: result.endTime - result.startTime,
      }));
      const slowest = durations.reduce<(typeof durations)[number] | undefined>(
        (found, entry) => (!found || entry.ms > found.ms ? entry : found),
        undefined,
      );
      return {
        project,
        files: results.length,
        failedFiles: results.filter((result) => result.status !== 'passed').length,
        spanMs:
          Math.max(...results.map((result) => result.endTime)) -
          Math.min(...results.map((result) => result.startTime)),
        summedMs: durations.reduce((sum, entry) => sum + entry.ms, 0),
        slowest,
      };
    })
    .sort((a, b) => a.project.localeCompare(b.project));
}
