import { z } from 'zod';
import { waitUntil } from '../../system/wait-until.ts';
import { getJson } from './docker-api.ts';

const listed = z.array(z.object({ Id: z.string() }));
const inspected = z.object({ State: z.object({ Running: z.boolean() }) });

const pauseMs = 5;
const maxWaitMs = 2_000;

/**
 * Waits until every container the daemon lists as running is running. The list comes from
 * a snapshot the daemon refreshes after recording an exit, while inspecting a container
 * reads its live state; when the two disagree, the snapshot is late. Costs one request when
 * nothing runs. Gives up quietly (after `maxWaitMs`, or when the API cannot be reached): it
 * only makes a race rarer, it decides nothing.
 */
export async function settleContainers(host: string): Promise<void> {
  const isSettled = async () => {
    const running = listed.parse(
      await getJson(host, '/containers/json?filters=%7B%22status%22%3A%5B%22running%22%5D%7D'),
    );
    const states = await Promise.all(
      running.map(
        async ({ Id }) =>
          inspected.parse(await getJson(host, `/containers/${Id}/json`)).State.Running,
      ),
    );
    return states.every(Boolean) ? true : undefined;
  };
  try {
    await waitUntil(isSettled, { timeoutMs: maxWaitMs, intervalMs: pauseMs });
  } catch {
    // A container removed between the two requests, or no API: nothing to wait for.
  }
}
