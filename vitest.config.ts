import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/helpers/longest-first-sequencer.ts';

// Three projects, one per kind of test: pure units, tests against a real dockerd,
// and end-to-end tests of the built site in a real Chromium.
//
// All three share one pool of workers, longest files first. Most of the Docker and browser
// tests' time is spent waiting (daemons starting, containers sleeping and stopping, a page
// loading), so on 2 cores three files at once keep the cores busy where one at a time left
// them half idle. Each Docker file works in sandboxes of its own; the files that use what
// exists once on the machine (the host daemon, Vite's caches) take turns (test/helpers/turns.ts).
export default defineConfig({
  test: {
    maxWorkers: 3,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // The unit files share a worker's modules instead of importing them afresh each: on
          // 2 cores, importing was most of the project's time (63 % of 657 s at load 30; 33 s
          // without). They keep no state between files (none mocks a module); a file that
          // must start clean belongs in a project that isolates.
          isolate: false,
        },
      },
      {
        test: {
          name: 'docker',
          include: ['test/docker/**/*.test.ts'],
          globalSetup: ['test/docker/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          // A file's browser may wait for its turn while Docker files use the host daemon
          // (test/helpers/turns.ts), for up to 20 minutes.
          hookTimeout: 25 * 60_000,
        },
      },
    ],
  },
});
