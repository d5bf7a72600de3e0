import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFileUpdate } from '../../../scripts/lib/update/plan-file-update.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const outputs =
  (...lists: string[][]) =>
  (step: number) =>
    lists[step] ?? [];

describe('planFileUpdate', () => {
  it('rewrites only drifted lines and keeps matching ones byte for byte', () => {
    const source = [
      '# Title',
      '',
      '```console',
      '$ docker run -d busybox sleep 60',
      'e1ca49da8f1b0c2d9b5e3f4a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8',
      '$ docker ps --format "{{.Image}} {{.Status}}"',
      'busybox Up 2 seconds   ',
      'alpine Up 3 seconds',
      '```',
      'After.',
      '',
    ].join('\n');
    const page = simulatePage(
      source,
      'a.md',
      outputs(['0'.repeat(64)], ['busybox Up Less than a second', 'debian Up 1 second']),
    );
    const { source: updated, update } = planFileUpdate(source, page);
    expect(update).toEqual({ file: 'a.md', rewritten: [6], refused: [] });
    expect(updated).toBe(source.replace('alpine Up 3 seconds', 'debian Up 1 second'));
  });

  it('writes output under a command that documented none, with the fence indentation', () => {
    const source = '1. Run:\n\n   ```console\n   $ echo hi\n   ```\n';
    const { source: updated } = planFileUpdate(
      source,
      simulatePage(source, 'a.md', outputs(['hi', '', 'there'])),
    );
    expect(updated).toBe('1. Run:\n\n   ```console\n   $ echo hi\n   hi\n\n   there\n   ```\n');
  });

  it('rewrites a block inside tabs in MDX in place, with its indentation', () => {
    const source = [
      '<Tabs syncKey="image-store">',
      '<TabItem label="Classic image store">',
      '  ```console store="overlay2"',
      '  $ docker image rm busybox',
      '  Untagged: busybox:latest',
      '  ```',
      '</TabItem>',
      '</Tabs>',
      '',
    ].join('\n');
    const page = simulatePage(source, 'a.mdx', outputs(['Untagged: busybox:latest', 'Deleted: x']));
    expect(planFileUpdate(source, page).source).toBe(
      source.replace('  Untagged: busybox:latest\n', '  Untagged: busybox:latest\n  Deleted: x\n'),
    );
  });

  describe('with named values', () => {
    const frontmatter =
      "---\nverify:\n  values:\n    ENGINE: { shown: 29.0.0, pattern: '\\d+\\.\\d+\\.\\d+' }\n---\n";

    it("never writes this machine's value over the shown one", () => {
      const source = `${frontmatter}\`\`\`console\n$ docker version -f x\nEngine 29.0.0\nold line\n\`\`\`\n`;
      const page = simulatePage(
        source,
        'a.md',
        outputs(['Engine 28.5.2', 'Client 28.5.2, API for 28.5.2x']),
      );
      const { source: updated, update } = planFileUpdate(source, page);
      expect(update.rewritten).toEqual([7]);
      expect(updated).toBe(source.replace('old line', 'Client 29.0.0, API for 28.5.2x'));
    });

    it('refuses a step whose value differs from its first occurrence, naming both', () => {
      const source = `${frontmatter}\`\`\`console\n$ a\nEngine 29.0.0\n$ b\nServer 29.0.0\n\`\`\`\n`;
      const page = simulatePage(source, 'a.md', outputs(['Engine 28.5.2'], ['Server 26.1.5']));
      const { source: updated, update } = planFileUpdate(source, page);
      expect(updated).toBe(source);
      expect(update.refused).toEqual([
        {
          line: 9,
          reason:
            'ENGINE is `26.1.5` here but `28.5.2` at line 8, where the page first printed it: a person must decide',
        },
      ]);
    });
  });

  it('keeps `...` and `[..]` where they still match', () => {
    const source = '```console\n$ cmd\nVersion: [..]\n...\nlast\n```\n';
    const page = simulatePage(source, 'a.md', outputs(['Version: 29.0', 'x', 'y', 'changed']));
    expect(planFileUpdate(source, page).source).toBe(
      '```console\n$ cmd\nVersion: [..]\n...\nchanged\n```\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const source = '```console\r\n$ echo a\r\nb\r\n```\r\n';
    expect(planFileUpdate(source, simulatePage(source, 'a.md', outputs(['a']))).source).toBe(
      '```console\r\n$ echo a\r\na\r\n```\r\n',
    );
  });

  it('keeps CRLF on lines it keeps and lines it adds', () => {
    const source = '```console\r\n$ ls\r\nkeep\r\nold\r\n```\r\n';
    const page = simulatePage(source, 'a.md', outputs(['keep', 'new', 'more']));
    expect(planFileUpdate(source, page).source).toBe(
      '```console\r\n$ ls\r\nkeep\r\nnew\r\nmore\r\n```\r\n',
    );
  });

  it('refuses output that would read as a command', () => {
    const source = '```console\n$ cat notes\nold\n```\n';
    const { source: updated, update } = planFileUpdate(
      source,
      simulatePage(source, 'a.md', outputs(['$ rm -rf /'])),
    );
    expect(updated).toBe(source);
    expect(update.refused).toEqual([
      {
        line: 2,
        reason: 'output line 1 (`$ rm -rf /`) would read as a command, so it was not written',
      },
    ]);
  });

  it('changes nothing on a page that passes', () => {
    const source = '```console\n$ echo a\na\n```\n';
    const planned = planFileUpdate(source, simulatePage(source, 'a.md', outputs(['a'])));
    expect(planned.source).toBe(source);
    expect(planned.update.rewritten).toEqual([]);
  });
});

// Lines a transcript can hold as output: no prompts, no continuation marks.
const outputLine = fc
  .string({
    unit: fc.constantFrom('a', 'b', ' ', '1', 'f', '0', '.', '[', ']', '-', 'é', '\t'),
    maxLength: 12,
  })
  .filter((line) => !/^[$#>]( |$)/.test(line) && !line.startsWith('$') && !line.startsWith('>'));
const lines = fc.array(outputLine, { maxLength: 5 });
const prose = fc.array(
  fc.constantFrom('Some text.', '', '## Heading', '- item', '```js\nlet a;\n```'),
  { maxLength: 3 },
);
const block = fc.record({
  before: prose,
  steps: fc.array(
    fc.record({
      command: fc.constantFrom('echo a', 'docker ps', 'ls'),
      documented: lines,
      actual: lines,
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
const eol = fc.constantFrom('\n', '\r\n');

function render(
  blocks: { before: string[]; steps: { command: string; documented: string[] }[] }[],
  newline: string,
): string {
  const out: string[] = [];
  for (const { before, steps } of blocks) {
    out.push(...before, '```console');
    for (const step of steps) out.push(`$ ${step.command}`, ...step.documented);
    out.push('```');
  }
  return `${out.join('\n').replaceAll('\n', newline)}${newline}`;
}

type SimulatedPage = ReturnType<typeof simulatePage>;

/** Output ranges of every transcript step of a page, in page order. */
function stepRanges(page: SimulatedPage) {
  return page.results.flatMap((result) =>
    'steps' in result ? result.steps.map((step) => step.documentedLines) : [],
  );
}

/** The file's text with each of the given steps' output ranges, even empty ones, as one marker. */
function textOutside(source: string, page: SimulatedPage, steps: ReadonlySet<number>): string {
  const inside = new Set<number>();
  const starts = new Set<number>();
  for (const [index, range] of stepRanges(page).entries()) {
    if (!steps.has(index) || !range) continue;
    starts.add(range.start);
    for (let line = range.start; line < range.end; line++) inside.add(line);
  }
  return source
    .split(/(?<=\n)/)
    .map(
      (line, index) =>
        (starts.has(index + 1) ? '<output>' : '') + (inside.has(index + 1) ? '' : line),
    )
    .join('');
}

function driftedSteps(page: SimulatedPage): Set<number> {
  const steps = page.results.flatMap((result) => ('steps' in result ? result.steps : []));
  return new Set(
    steps.flatMap((step, index) => (step.comparison?.matches === false ? [index] : [])),
  );
}

describe('planFileUpdate properties', () => {
  it('never changes a byte outside drifted output ranges, and a second update changes nothing', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 3 }), eol, (blocks, newline) => {
        const source = render(blocks, newline);
        const actuals = blocks.flatMap((b) => b.steps.map((s) => s.actual));
        const actualOf = (step: number) => actuals[step] ?? [];
        const page = simulatePage(source, 'p.md', actualOf);
        const { source: updated, update } = planFileUpdate(source, page);
        const updatedPage = simulatePage(updated, 'p.md', actualOf);

        const drifted = driftedSteps(page);
        expect(textOutside(updated, updatedPage, drifted)).toBe(textOutside(source, page, drifted));
        // Rewritten lines, kept or new, end like the rest of the file.
        if (newline === '\r\n') expect(updated.replaceAll('\r\n', '')).not.toContain('\n');
        if (update.refused.length === 0) {
          expect(updatedPage.results.every((result) => result.status === 'pass')).toBe(true);
        }
        expect(planFileUpdate(updated, updatedPage).source).toBe(updated);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
