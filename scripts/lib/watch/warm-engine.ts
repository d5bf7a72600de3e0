/**
 * Watch mode's engines: a page saved again must not wait for a daemon to start. Right after
 * a page's run ends (its environment disposed), a fresh one is opened for it in the
 * background: a new sandbox, never used, with the page's images already pulled, so the next
 * run starts from a clean Docker state at once. The user's own daemon is never prepared
 * ahead: what a page may remove is decided by what existed when it opened.
 */
import type { DockerEngine, PageEnvironment, PageRequest } from '../run/engine/engine.ts';

interface Warm {
  /** Which request it was opened for: the page's images are part of it. */
  key: string;
  environment: Promise<PageEnvironment>;
}

const keyOf = (request: PageRequest) => `${request.id}\n${request.images.join('\n')}`;

/** Disposes a prepared environment that nobody will use; never throws. */
async function discard(warm: Warm): Promise<void> {
  const environment = await warm.environment.catch(() => undefined);
  await environment?.dispose();
}

/**
 * Wraps an engine so that each page it opened gets its next environment prepared as soon as
 * the last one is disposed; that one is torn down in the background. `close` waits for the
 * teardowns, disposes the prepared environments, then closes the engine.
 */
export function createWarmEngine(engine: DockerEngine): DockerEngine {
  if (engine.kind !== 'sandbox') return engine;
  const warm = new Map<string, Warm>();
  let isClosed = false;
  const prepare = (request: PageRequest) => {
    if (isClosed) return;
    const environment = engine.openPage(request);
    // A failure here is the next run's to report: it opens the page itself then.
    environment.catch(() => {});
    const previous = warm.get(request.id);
    warm.set(request.id, { key: keyOf(request), environment });
    if (previous) void discard(previous);
  };
  const take = async (request: PageRequest): Promise<PageEnvironment> => {
    const ready = warm.get(request.id);
    warm.delete(request.id);
    if (ready && ready.key === keyOf(request)) {
      const environment = await ready.environment.catch(() => undefined);
      if (environment) return environment;
    } else if (ready) {
      void discard(ready);
    }
    return engine.openPage(request);
  };
  // Teardowns still going: a verdict does not wait for its sandbox to go, `close` does.
  const tearingDown = new Set<Promise<void>>();
  return {
    ...engine,
    // Watch mode opens each page again after every save: the engine keeps a spare.
    expectPages() {},
    async openPage(request) {
      const environment = await take(request);
      let isDisposed = false;
      return {
        ...environment,
        dispose() {
          if (isDisposed) return Promise.resolve();
          isDisposed = true;
          prepare(request);
          const teardown = environment.dispose();
          tearingDown.add(teardown);
          void teardown.finally(() => tearingDown.delete(teardown));
          return Promise.resolve();
        },
      };
    },
    async close() {
      isClosed = true;
      const prepared = [...warm.values()];
      warm.clear();
      await Promise.all([...prepared.map(discard), ...tearingDown]);
      await engine.close();
    },
  };
}
