import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../scripts/lib/core/errors.ts';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';

function extract(source: string, file = 'page.mdx') {
  const result = extractSnippets(source, file);
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.page;
}

function diagnosticsOf(source: string, file = 'page.mdx'): string[] {
  const result = extractSnippets(source, file);
  if (result.ok) throw new Error('expected diagnostics');
  return result.diagnostics.map(formatDiagnostic);
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
      prompt: '$',
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
      'page.mdx:2: Unexpected output before the first `$ ` prompt, expected a command\n  hint: Start the block with a `$ ` line, or use ```text for output that is not a transcript.',
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
