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

function diagnosticsOf(source: string, file = 'page.mdx'): string[] {
  const problems = listPageProblems(extractSnippets(source, file).page);
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
    expect(options).toEqual({ images: ['busybox'], timeout: 30, env: {} });
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
      'page.mdx:1:12: Unexpected fence option `exitcode`, expected one of: skip, exit, timeout, tty, stdin, min-client, min-server, file',
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
      '---\nverify:\n  output:\n    unshown: unchecked\n    redactions: { B: "b+" }\n---\n';
    const { page } = extractSnippets(source, 'page.md', {
      output: { elisions: true, redactions: { A: 'a+' } },
    });
    expect(page.match).toEqual({
      unshown: 'unchecked',
      elisions: true,
      redactions: [
        { name: 'A', pattern: 'a+' },
        { name: 'B', pattern: 'b+' },
      ],
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

  it('decodes escapes in quoted values', () => {
    const { snippets } = extract('```console tty stdin="echo hi\\nexit\\n"\n$ sh\n```\n');
    expect(snippets[0]?.options).toMatchObject({ tty: true, stdin: 'echo hi\nexit\n' });
  });
});
