import { describe, expect, it } from 'vitest';
import { buildPageScript } from '../../../bench/lib/bash-script.ts';
import type { Page } from '../../../scripts/lib/extract/snippet.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';

function pageOf(markdown: string): Page {
  return extractValidPage(markdown, 'page.md');
}

const fence = '```';

describe('buildPageScript', () => {
  it('runs commands in order, writes files with a heredoc, pipes input into a terminal', () => {
    const page = pageOf(
      [
        `${fence}console`,
        '$ docker run --rm busybox echo hi',
        'hi',
        "$ echo 'one' \\",
        '> two',
        'one two',
        fence,
        `${fence}dockerfile file="Dockerfile"`,
        'FROM scratch',
        fence,
        `${fence}sh`,
        'docker build -q .',
        fence,
        `${fence}console tty stdin="hostname\\nexit\\n"`,
        '$ docker run -it --rm busybox sh',
        '/ # hostname',
        fence,
        `${fence}console skip="needs Docker Hub"`,
        '$ docker pull hub-only',
        fence,
      ].join('\n'),
    );
    expect(buildPageScript(page)).toMatchInlineSnapshot(`
      "exec 2>&1
      docker run --rm busybox echo hi
      echo 'one' \\
      two
      cat > 'Dockerfile' <<'DFV_BENCH_EOF'
      FROM scratch
      DFV_BENCH_EOF
      docker build -q .
      printf '%s' 'hostname
      exit
      ' | script -qec 'docker run -it --rm busybox sh' /dev/null
      "
    `);
  });

  it('leaves out what the verifier skips', () => {
    const page = pageOf(`${fence}console min-server=99\n$ echo new\nnew\n${fence}\n`);
    expect(buildPageScript(page, (snippet) => snippet.options.condition.engine.length === 0)).toBe(
      undefined,
    );
  });

  it('has nothing to run for a skipped page or a page of files only', () => {
    expect(buildPageScript(pageOf('---\nverify:\n  skip: why\n---\n```sh\necho\n```\n'))).toBe(
      undefined,
    );
    expect(buildPageScript(pageOf('```text file="a.txt"\nhello\n```\n'))).toBe(undefined);
  });

  it('picks a heredoc delimiter no line of the file uses', () => {
    const page = pageOf('```text file="a.txt"\nDFV_BENCH_EOF\n```\n```sh\ncat a.txt\n```\n');
    expect(buildPageScript(page)).toContain("<<'DFV_BENCH_EOF_'\nDFV_BENCH_EOF\nDFV_BENCH_EOF_\n");
  });
});
