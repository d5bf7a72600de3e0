import type { PageEnvironment } from '../../scripts/lib/run/engine/engine.ts';

/**
 * A page environment of no Docker world: commands run as they are, the "daemon" always
 * answers, settling and disposing do nothing unless `overrides` say otherwise.
 */
export function createFakePage(overrides: Partial<PageEnvironment> = {}): PageEnvironment {
  return {
    wrapCommand: (argv) => [...argv],
    env: {},
    unsetEnv: [],
    readerPaths: [],
    cliPlugins: undefined,
    isDaemonAlive: async () => true,
    settle: async () => {},
    dispose: async () => {},
    ...overrides,
  };
}
