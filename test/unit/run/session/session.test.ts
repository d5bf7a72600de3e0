import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScratch, type Scratch } from '../../../../scripts/lib/run/session/scratch.ts';
import { createSession, type Session } from '../../../../scripts/lib/run/session/session.ts';
import { createFakePage } from '../../../helpers/fake-page.ts';

let scratch: Scratch;
let session: Session;
let events: string[];

// A real bash with a page environment that records when the session asks Docker to settle.
const page = createFakePage({
  settle: async () => {
    events.push('settle');
  },
});

async function run(command: string): Promise<void> {
  await session.run(command, { tty: false, stdin: undefined, timeoutMs: 10_000 });
  events.push(command);
}

beforeEach(async () => {
  events = [];
  scratch = await createScratch('session-test');
  session = createSession(scratch, page, {});
});

afterEach(async () => {
  session.close();
  await scratch.remove();
});

describe('createSession: settling Docker before commands that may read it', () => {
  it('waits before a command naming Docker, once per command run since the last wait', async () => {
    await run('echo docker first');
    await run('echo hello');
    await run('echo docker ps');
    await run('echo docker inspect');
    expect(events).toEqual([
      'echo docker first',
      'echo hello',
      'settle',
      'echo docker ps',
      'settle',
      'echo docker inspect',
    ]);
  });

  it('never waits on a page whose commands do not name Docker', async () => {
    for (const command of ['echo one', 'ls > /dev/null', 'cat /dev/null']) await run(command);
    expect(events).not.toContain('settle');
  });
});
