import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandJudge } from '../../../scripts/lib/judge/judge-command.ts';
import { type PlannedSnippet, planPage } from '../../../scripts/lib/plan/plan-page.ts';
import { runSnippet } from '../../../scripts/lib/run/run-snippet.ts';
import { createScratch, type Scratch } from '../../../scripts/lib/run/session/scratch.ts';
import { createSession, type Session } from '../../../scripts/lib/run/session/session.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { createFakePage } from '../../helpers/fake-page.ts';

let scratch: Scratch;
let session: Session;
let probes: number;
let judged: number;

// A real bash; the "daemon" is asked how it is, and always answers.
const page = createFakePage();

function planned(source: string): Extract<PlannedSnippet, { action: 'run' }> {
  const extractedPage = extractValidPage(source, 'a.md');
  const versions = { client: '28.2.2', server: '26.1.5', apiVersion: '1.45' };
  const [first] = planPage(extractedPage, {
    leg: { name: 'sandbox', store: 'overlay2', versions },
    defaultTimeoutSeconds: 5,
  }).snippets;
  if (first?.action !== 'run') throw new Error('expected a run');
  return first;
}

async function run(source: string) {
  const commandJudge = createCommandJudge();
  const result = await runSnippet(planned(source), {
    session,
    judge: {
      ...commandJudge,
      judge: (step, result) => {
        judged++;
        return commandJudge.judge(step, result);
      },
    },
    isDaemonAlive: async () => {
      probes++;
      return page.isDaemonAlive();
    },
  });
  return result.commands.map((command) => [command.result.all, command.isDaemonAlive]);
}

beforeEach(async () => {
  probes = 0;
  judged = 0;
  scratch = await createScratch('run-snippet-test');
  session = createSession(scratch, page, {});
});

afterEach(async () => {
  session.close();
  await scratch.remove();
});

describe('runSnippet', () => {
  it('runs every command and asks the daemon only after one that went wrong', async () => {
    expect(await run('```console\n$ echo a\na\n$ echo b\nnot b\n$ echo c\nc\n```\n')).toEqual([
      ['a\n', undefined],
      ['b\n', true],
      ['c\n', undefined],
    ]);
    expect(probes).toBe(1);
    // Each command is judged once; the verdict travels with its outcome.
    expect(judged).toBe(3);
  });

  it('stops at an environment problem the page does not document', async () => {
    const source =
      '```console\n$ echo "pull access denied for x"; false\nok\n$ echo never\nnever\n```\n';
    expect(await run(source)).toEqual([['pull access denied for x\n', true]]);
  });

  it('stops at a command that timed out, without asking the daemon', async () => {
    expect(await run('```console timeout=0.3\n$ sleep 5\n$ echo never\n```\n')).toEqual([
      ['', undefined],
    ]);
    expect(probes).toBe(0);
  });
});
