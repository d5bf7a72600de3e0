import { describe, expect, it } from 'vitest';
import { planPage } from '../../../scripts/lib/plan/plan-page.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const page = `Start a shell:

\`\`\`console
$ docker run -it --name pad busybox sh
/ # cd /tmp
/tmp # 
\`\`\`

Make a file:

\`\`\`console
/tmp # touch note.txt
/tmp # ls
note.txt
\`\`\`

Leave:

\`\`\`console
/tmp # exit
\`\`\`

Then, on your machine:

\`\`\`console
/ # ls
\`\`\`
`;

describe('a session that goes on in the next fence', () => {
  const extracted = extractValidPage(page, 'lab.md');

  it('types the later fences at the session started earlier, and ends it where they exit', () => {
    const plan = planPage(extracted, {
      leg: {
        name: 'leg',
        store: 'overlay2',
        versions: { client: '1', server: '1', apiVersion: '1' },
      },
      defaultTimeoutSeconds: 60,
    });
    expect(plan.snippets.map((planned) => planned.action)).toEqual([
      'run',
      'continue',
      'unchecked',
      'unchecked',
    ]);
    const [session] = plan.snippets;
    expect(session?.action === 'run' && session.steps[0]?.tty?.stdin).toBe(
      'cd /tmp\ntouch note.txt\nls\nexit\n',
    );
    // The bare prompt that ends the first fence is the terminal waiting, not output.
    expect(session?.action === 'run' && session.steps[0]?.expected).toEqual(['/ # cd /tmp']);
  });

  const screen = (listing: string) => [
    '/ # cd /tmp',
    '/tmp # touch note.txt',
    '/tmp # ls',
    listing,
    '/tmp # exit',
  ];

  it("judges each fence on its own share of the session's screen", () => {
    const result = simulatePage(page, 'lab.md', () => screen('note.txt'));
    expect(result.results.map((snippet) => [snippet.snippet.line, snippet.status])).toEqual([
      [3, 'pass'],
      [11, 'pass'],
      [19, 'unchecked'],
      [25, 'unchecked'],
    ]);
  });

  it('drifts in the fence whose share differs', () => {
    const result = simulatePage(page, 'lab.md', () => screen('other.txt'));
    expect(result.results.map((snippet) => snippet.status)).toEqual([
      'pass',
      'drift',
      'unchecked',
      'unchecked',
    ]);
  });
});
