import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../scripts/lib/core/errors.ts';
import {
  extractSnippets,
  listPageProblems,
} from '../../../scripts/lib/extract/extract-snippets.ts';

function extract(source: string, file = 'page.mdx') {
  const { page } = extractSnippets(source, file);
  const problems = listPageProblems(page);
  if (problems.length > 0) throw new Error(problems.map(formatDiagnostic).join('\n'));
  return page;
}

const matrix = [
  { name: '28.5/containerd', engine: '28.5', store: 'containerd' as const },
  { name: '28.5/overlay2', engine: '28.5', store: 'overlay2' as const },
  { name: '26.1/overlay2', engine: '26.1', store: 'overlay2' as const },
];

function diagnosticsOf(source: string, file = 'page.mdx'): string[] {
  const problems = listPageProblems(extractSnippets(source, file, { matrix }).page);
  if (problems.length === 0) throw new Error('expected diagnostics');
  return problems.map(formatDiagnostic);
}

const page = `---
title: A page
verify:
  images: [busybox]
  timeout: 30
---

# Title

\`\`\`console title="Terminal" exit=3,0
$ docker run busybox sh -c 'exit 3'
$ echo $?
3
\`\`\`

- In a list:

  \`\`\`sh
  docker ps
  \`\`\`

\`\`\`dockerfile file="Dockerfile"
FROM scratch
\`\`\`

\`\`\`js
console.log('not shell');
\`\`\`
`;

describe('extractSnippets', () => {
  it('reads shell fences with positions, options and frontmatter', () => {
    const { options, snippets } = extract(page);
    expect(options).toEqual({ images: ['busybox'], timeout: 30, env: {}, values: {} });
    expect(snippets.map((s) => [s.language, s.line, s.body.kind])).toEqual([
      ['console', 10, 'transcript'],
      ['sh', 18, 'script'],
      ['dockerfile', 22, 'file'],
    ]);
    const [transcript, script, file] = snippets;
    expect(transcript?.options).toMatchObject({ exit: [3, 0], timeoutSeconds: 30 });
    expect(transcript?.body).toEqual({
      kind: 'transcript',
      family: '$',
      steps: [
        {
          command: "docker run busybox sh -c 'exit 3'",
          line: 11,
          expected: [],
          expectedLines: { start: 12, end: 12 },
        },
        { command: 'echo $?', line: 12, expected: ['3'], expectedLines: { start: 13, end: 14 } },
      ],
    });
    expect(script?.linePrefix).toBe('  ');
    expect(file?.body).toEqual({ kind: 'file', path: 'Dockerfile', content: 'FROM scratch' });
  });

  it('works on plain Markdown such as a README', () => {
    const { snippets } = extract('# Readme\n\n```console\n$ echo hi\nhi\n```\n', 'README.md');
    expect(snippets).toHaveLength(1);
  });

  it('finds fences inside JSX in MDX', () => {
    const { snippets } = extract(
      '<Tabs>\n<TabItem label="a">\n\n```console\n$ echo a\na\n```\n\n</TabItem>\n</Tabs>\n',
    );
    expect(snippets[0]?.line).toBe(4);
  });

  it('keeps the blockquote prefix of a quoted fence', () => {
    const { snippets } = extract('> ```console\n> $ echo hi\n> hi\n> ```\n', 'a.md');
    expect(snippets[0]?.linePrefix).toBe('> ');
  });

  it.each([
    [
      'an unknown option',
      '```console exitcode=1\n$ true\n```\n',
      'page.mdx:1:12: Unexpected fence option `exitcode`, expected one of: skip, exit, timeout, tty, stdin, min-client, min-server, engine, store, file, size-tolerance, example-values',
    ],
    [
      'a skip without reason',
      '```sh skip\ntrue\n```\n',
      'page.mdx:1:7: Invalid fence option `skip`: Invalid input: expected string, received boolean',
    ],
    [
      'a bad exit code',
      '```console exit=one\n$ true\n```\n',
      'page.mdx:1:12: Invalid fence option `exit`: expected an exit code such as 1, or one per command such as 3,0',
    ],
    [
      'an exit code list of the wrong length',
      '```console title="x" exit=3,0\n$ true\n$ true\n$ true\n```\n',
      "page.mdx:1:22: exit=3,0 gives 2 exit codes for 3 commands\n  hint: Give one exit code (the last command's) or one per command, in order.",
    ],
    [
      'a bad timeout',
      '```console timeout=0\n$ true\n```\n',
      'page.mdx:1:12: Invalid fence option `timeout`: expected a number of seconds above 0',
    ],
    [
      'an unclosed quote',
      '```console stdin="abc\n$ true\n```\n',
      'page.mdx:1:12: Unclosed value of `stdin`',
    ],
    [
      'output before a prompt',
      '```console\nhello\n$ true\n```\n',
      'page.mdx:2: Unexpected text before the first prompt, expected a command after a prompt\n  hint: Start the block with a `$ ` line, or use ```text for output that is not a transcript.',
    ],
    [
      'a file option on a shell block',
      '```sh file="x"\ntrue\n```\n',
      'page.mdx:1: Unexpected `file` option on a sh block, expected it on a file\'s block (e.g. ```dockerfile file="Dockerfile")',
    ],
    [
      'a bad frontmatter option',
      '---\nverify:\n  imagez: [a]\n---\n',
      'page.mdx:3: Invalid frontmatter option `verify`: Unrecognized key: "imagez"',
    ],
    [
      'a range that is not one',
      '```console engine="28+"\n$ true\n```\n',
      'page.mdx:1:12: Invalid fence option `engine`: Unexpected `28+`, expected a comparator (>=, >, <=, <, =) and a version such as 28 or 26.1, joined by commas',
    ],
    [
      'an empty range',
      '```console engine=">=29, <28"\n$ true\n```\n',
      'page.mdx:1:12: Invalid fence option `engine`: No version is >=29, <28',
    ],
    [
      'an unknown store',
      '```console title="x" store="zfs"\n$ true\n```\n',
      'page.mdx:1:22: Invalid fence option `store`: expected one of: containerd, overlay2',
    ],
    [
      'a condition no leg of the matrix meets',
      '```console exit=0 engine=">=29"\n$ true\n```\n',
      'page.mdx:1:19: Unexpected condition: Docker Engine >=29 holds on no leg of the matrix, 28.5/containerd (Engine 28.5, containerd); 28.5/overlay2 (Engine 28.5, overlay2); 26.1/overlay2 (Engine 26.1, overlay2)\n  hint: Fix the condition, or add the leg to `matrix` in verify-examples.json.',
    ],
    [
      'a store and an engine no leg has together',
      '```console store="containerd" engine="<28"\n$ true\n```\n',
      'page.mdx:1:31: Unexpected condition: Docker Engine <28 and the containerd image store holds on no leg of the matrix, 28.5/containerd (Engine 28.5, containerd); 28.5/overlay2 (Engine 28.5, overlay2); 26.1/overlay2 (Engine 26.1, overlay2)\n  hint: Fix the condition, or add the leg to `matrix` in verify-examples.json.',
    ],
    [
      'a named value whose pattern is no regular expression',
      '---\nverify:\n  values:\n    KERNEL:\n      shown: 6.8.0\n      pattern: "[0-9"\n---\n',
      'page.mdx:6: Invalid frontmatter option `verify.values.KERNEL.pattern`: `[0-9` is not a valid regular expression',
    ],
    [
      'a named value shown unlike its pattern',
      "---\nverify:\n  values:\n    KERNEL: { shown: 6.8.0-45-generic, pattern: '\\d+' }\n---\n",
      'page.mdx:4: Invalid frontmatter option `verify.values.KERNEL.shown`: the shown value `6.8.0-45-generic` does not fit its pattern `\\d+`',
    ],
    [
      'a named value in small letters',
      '---\nverify:\n  values:\n    kernel: { shown: a, pattern: a }\n---\n',
      'page.mdx:4: Invalid frontmatter option `verify.values.kernel`: expected a name in capitals, such as KERNEL or ENGINE_VERSION',
    ],
    [
      'a named value the page never shows',
      "---\nverify:\n  values:\n    KERNEL: { shown: 6.8.0-45-generic, pattern: '\\S+' }\n---\n```console\n$ uname -r\n6.8.0-45-generic-x\n```\n",
      'page.mdx:4: Named value KERNEL is never shown: no output line of the page has `6.8.0-45-generic` as a word of its own\n  hint: Write the shown value exactly as the output shows it, or remove the value.',
    ],
    [
      'broken MDX',
      '<div>\n\n```sh\ntrue\n```\n',
      'page.mdx:1:1: Cannot parse MDX: Expected a closing tag for `<div>` (1:1-1:6)',
    ],
  ])('reports %s with its position', (_name, source, message) => {
    expect(diagnosticsOf(source)[0]).toBe(message);
  });

  it('keeps the other fences of a page when one has a problem', () => {
    const { page } = extractSnippets(
      '```console exitcode=1\n$ true\n```\n\n```console\n$ echo ok\nok\n```\n',
      'page.md',
    );
    expect(page.snippets.map((snippet) => snippet.body.kind)).toEqual(['invalid', 'transcript']);
  });

  it('reads fences by their prompts, and keeps those it cannot run with the reason', () => {
    const { snippets } = extract(
      [
        '```bash\n$ docker ps\nCONTAINER ID\n```',
        '```console\nCONTAINER ID   IMAGE\n```',
        '```powershell\ndocker ps\n```',
        '```\n$ docker version\n```',
        '```terminal\n/ # exit\n```',
        '```yaml\nkey: value\n```',
      ].join('\n\n'),
      'page.md',
    );
    expect(
      snippets.map((s) => (s.body.kind === 'unchecked' ? s.body.category : s.body.kind)),
    ).toEqual(['transcript', 'output-only', 'windows', 'transcript', 'session-end']);
  });

  it('merges the project output settings under the page ones', () => {
    const source =
      '---\nverify:\n  output:\n    unshown: unchecked\n    redactions: { B: "b+" }\n    sizeTolerance: 25%\n---\n';
    const { page } = extractSnippets(source, 'page.md', {
      output: { elisions: true, redactions: { A: 'a+' }, sizeTolerance: 0.5 },
    });
    expect(page.match).toEqual({
      unshown: 'unchecked',
      elisions: true,
      redactions: [
        { name: 'A', pattern: 'a+' },
        { name: 'B', pattern: 'b+' },
      ],
      sizeTolerance: 0.25,
    });
  });

  it.each([
    [
      'a redaction that is not a regular expression',
      '  redactions: { ID: "(" }',
      /`verify.output.redactions.ID`: not a valid regular expression/,
    ],
    ['a redaction that matches nothing', '  redactions: { ID: "x*" }', /matches the empty string/],
    [
      'a redaction named in lower case',
      '  redactions: { id: "x+" }',
      /expected a name in capitals/,
    ],
    ['an unknown output setting', '  unshwn: unchecked', /Unrecognized key: "unshwn"/],
  ])('reports %s in frontmatter at its line', (_name, line, message) => {
    const [problem] = diagnosticsOf(`---\nverify:\n  output:\n  ${line}\n---\n`, 'page.md');
    expect(problem).toMatch(/^page\.md:[34]: /);
    expect(problem).toMatch(message);
  });

  it('tolerates Expressive Code options and markers', () => {
    const { snippets } = extract(
      '```console title="x" {1} /hi/ "text" ins={2} frame="terminal"\n$ echo hi\nhi\n```\n',
    );
    expect(snippets).toHaveLength(1);
  });

  it('reads conditions into ranges and a store; min-server is a range too', () => {
    const { snippets } = extract(
      '```console engine=">=26.1, <29" store="overlay2"\n$ a\n```\n```console min-server=28\n$ b\n```\n',
    );
    expect(snippets.map((snippet) => snippet.options.condition)).toEqual([
      {
        engine: [{ text: '>=26.1, <29', from: [26, 1], until: [29] }],
        client: [],
        store: 'overlay2',
      },
      { engine: [{ text: '>=28', from: [28], until: undefined }], client: [], store: undefined },
    ]);
  });

  it('reads named values in the order the frontmatter gives them', () => {
    const { options } = extract(
      "---\nverify:\n  values:\n    ENGINE: { shown: 29.0.0, pattern: '\\d+\\.\\d+\\.\\d+' }\n---\n```console\n$ docker version -f x\n29.0.0\n```\n",
    );
    expect(options.values).toEqual({ ENGINE: { shown: '29.0.0', pattern: '\\d+\\.\\d+\\.\\d+' } });
  });

  it('gives a block the same hash for the same claim, and another for a new one', () => {
    const hashOf = (source: string) => extract(source).snippets[0]?.hash;
    const block = '```console exit=1\n$ false\n```\n';
    expect(hashOf(block)).toMatch(/^[0-9a-f]{16}$/);
    // Display options, timeouts, trailing spaces and the quoting of options are not claims.
    expect(hashOf('```console title="Try it" exit="1" timeout=9\n$ false   \n\n```\n')).toBe(
      hashOf(block),
    );
    expect(
      hashOf(
        '<Tabs>\n<TabItem label="a">\n  ```console exit=1\n  $ false\n  ```\n</TabItem>\n</Tabs>\n',
      ),
    ).toBe(hashOf(block));
    expect(hashOf('```console exit=2\n$ false\n```\n')).not.toBe(hashOf(block));
    expect(hashOf('```console exit=1\n$ false\nno\n```\n')).not.toBe(hashOf(block));
    expect(hashOf('```console exit=1 store="containerd"\n$ false\n```\n')).not.toBe(hashOf(block));
    expect(hashOf(`---\nverify:\n  images: [busybox]\n---\n${block}`)).not.toBe(hashOf(block));
  });

  it('decodes escapes in quoted values', () => {
    const { snippets } = extract('```console tty stdin="echo hi\\nexit\\n"\n$ sh\n```\n');
    expect(snippets[0]?.options).toMatchObject({ tty: true, stdin: 'echo hi\nexit\n' });
  });
});
