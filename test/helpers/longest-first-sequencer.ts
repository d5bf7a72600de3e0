import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * What the slowest files took in a full run on 2 cores (seconds), for a run with no results
 * of its own yet (a fresh clone): without them vitest would start the small files first, and
 * the chapters' matrix, the longest file by far, would start last and alone.
 */
const measuredSeconds: Readonly<Record<string, number>> = {
  'test/docker/chapters.test.ts': 399,
  'test/docker/journey-chapters.test.ts': 175,
  'test/docker/notes-app.test.ts': 167,
  'test/e2e/pages.test.ts': 106,
  'test/docker/host-guard.test.ts': 106,
  'test/docker/others-docs.test.ts': 60,
  'test/docker/verify-cli.test.ts': 54,
  'test/docker/action.test.ts': 51,
  'test/docker/hermetic-fidelity.test.ts': 51,
};

function relativeName(spec: TestSpecification): string {
  const root = spec.project.config.root.replace(/\/?$/, '/');
  return spec.moduleId.startsWith(root) ? spec.moduleId.slice(root.length) : spec.moduleId;
}

/**
 * Starts the longest test files first, whatever their project: the projects share one pool of
 * workers, and a long file started last is the whole run's tail. A file's last duration
 * comes from vitest's results cache, else from the figures above, else it counts as short.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const expectedMs = (spec: TestSpecification) =>
      cache.getTestSpecificationResult(spec)?.duration ??
      (measuredSeconds[relativeName(spec)] ?? 0) * 1000;
    const failed = (spec: TestSpecification) =>
      cache.getTestSpecificationResult(spec)?.failed === true;
    return [...files].sort(
      (a, b) => Number(failed(b)) - Number(failed(a)) || expectedMs(b) - expectedMs(a),
    );
  }
}
