import { describe, expect, it } from 'vitest';
import type {
  DockerEngine,
  PageEnvironment,
  PageRequest,
} from '../../../scripts/lib/run/engine/engine.ts';
import { createWarmEngine } from '../../../scripts/lib/watch/warm-engine.ts';
import { createFakePage } from '../../helpers/fake-page.ts';

/** An engine that only counts: which environments it opened, which were disposed. */
function countingEngine(kind: DockerEngine['kind'] = 'sandbox') {
  const opened: string[] = [];
  const disposed: string[] = [];
  let closed = false;
  const engine: DockerEngine = {
    leg: { name: 'leg', kind, bin: undefined, store: 'overlay2' },
    kind,
    versions: { client: '1', server: '1', apiVersion: '1' },
    maxParallelPages: 1,
    expectPages() {},
    async openPage(request: PageRequest) {
      const name = `${request.id}#${opened.length + 1}`;
      opened.push(name);
      const environment = createFakePage({
        dispose: async () => {
          disposed.push(name);
        },
      });
      return { ...environment, name };
    },
    async close() {
      closed = true;
    },
  };
  return { engine, opened, disposed, isClosed: () => closed };
}

const nameOf = (environment: PageEnvironment) =>
  (environment as PageEnvironment & { name: string }).name;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('createWarmEngine', () => {
  it('opens the next environment of a page as its last one is disposed, and hands it out next', async () => {
    const counting = countingEngine();
    const warm = createWarmEngine(counting.engine);
    const request = { id: 'page', images: ['busybox'] };
    const first = await warm.openPage(request);
    expect(counting.opened).toEqual(['page#1']);
    await first.dispose();
    await settle();
    expect(counting.opened).toEqual(['page#1', 'page#2']);
    expect(counting.disposed).toEqual(['page#1']);
    expect(nameOf(await warm.openPage(request))).toBe('page#2');
  });

  it('does not hand out an environment prepared with other images', async () => {
    const counting = countingEngine();
    const warm = createWarmEngine(counting.engine);
    await (await warm.openPage({ id: 'page', images: [] })).dispose();
    const next = await warm.openPage({ id: 'page', images: ['busybox'] });
    await settle();
    expect(nameOf(next)).toBe('page#3');
    expect(counting.disposed).toEqual(['page#1', 'page#2']);
  });

  it('disposes what it prepared on close, then closes the engine', async () => {
    const counting = countingEngine();
    const warm = createWarmEngine(counting.engine);
    await (await warm.openPage({ id: 'page', images: [] })).dispose();
    await warm.close();
    expect(counting.disposed).toEqual(['page#1', 'page#2']);
    expect(counting.isClosed()).toBe(true);
  });

  it("never prepares on the user's own daemon", async () => {
    const counting = countingEngine('host');
    expect(createWarmEngine(counting.engine)).toBe(counting.engine);
  });
});
