import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { createJunitReporter, renderJunit } from '../../../scripts/lib/report/junit.ts';
import {
  createMemoryTarget,
  diagnostics,
  info,
  pages,
  playRun,
  snippetAt,
  stepAt,
  summary,
  transcript,
  twoLegSummary,
} from './sample-results.ts';

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/**
 * Just enough of an XML reader to prove a document well formed: tags balance, attributes are
 * quoted, no raw `<` or `&` in text, no character XML 1.0 forbids. Returns the elements.
 */
function readXml(xml: string): Element[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const elements: Element[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let end = 0;
  for (const match of body.matchAll(tag)) {
    const text = body.slice(end, match.index);
    expect(text).not.toMatch(/<|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
    end = match.index + match[0].length;
    const [, closing, name = '', attributes = '', selfClosing] = match;
    if (closing) {
      expect(open.pop()).toBe(name);
      continue;
    }
    const pairs = [...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)];
    elements.push({
      name,
      attributes: Object.fromEntries(pairs.map(([, key, value]) => [key, value])),
    });
    if (!selfClosing) open.push(name);
  }
  expect(body.slice(end).trim()).toBe('');
  expect(open).toEqual([]);
  return elements;
}

const named = (elements: Element[], name: string) =>
  elements.filter((element) => element.name === name);

describe('junit reporter', () => {
  it('writes a testsuite per page and a testcase per snippet', async () => {
    const target = createMemoryTarget();
    await playRun(createJunitReporter(target));
    expect(target.text()).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="verify-examples" tests="8" failures="3" errors="1" skipped="2" time="31.234" timestamp="2026-11-22T05:30:00">
        <testsuite name="src/content/docs/first-container.mdx" tests="1" failures="0" errors="0" skipped="0" time="2.150" timestamp="2026-11-22T05:30:00">
          <testcase name="src/content/docs/first-container.mdx:12" classname="src/content/docs/first-container.mdx" file="src/content/docs/first-container.mdx" line="12" time="1.830"/>
        </testsuite>
        <testsuite name="src/content/docs/containers.mdx" tests="4" failures="2" errors="0" skipped="1" time="4.210" timestamp="2026-11-22T05:30:00">
          <testcase name="src/content/docs/containers.mdx:8" classname="src/content/docs/containers.mdx" file="src/content/docs/containers.mdx" line="8" time="0.640"/>
          <testcase name="src/content/docs/containers.mdx:14" classname="src/content/docs/containers.mdx" file="src/content/docs/containers.mdx" line="14" time="0.095">
            <failure message="output differs from the documentation" type="drift">src/content/docs/containers.mdx:15: output differs from the documentation
      $ docker ps
      @@ src/content/docs/containers.mdx:16 @@
       CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES
      -3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080-&gt;80/tcp   web
      +9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080-&gt;80/tcp, [::]:8080-&gt;80/tcp   web</failure>
          </testcase>
          <testcase name="src/content/docs/containers.mdx:30" classname="src/content/docs/containers.mdx" file="src/content/docs/containers.mdx" line="30" time="0.080">
            <failure message="exit code 1, expected 0; output differs from the documentation" type="failed">src/content/docs/containers.mdx:31: exit code 1, expected 0; output differs from the documentation
      $ docker rm web
      @@ src/content/docs/containers.mdx:32 @@
      -web
      +Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove</failure>
          </testcase>
          <testcase name="src/content/docs/containers.mdx:40" classname="src/content/docs/containers.mdx" file="src/content/docs/containers.mdx" line="40" time="0.000">
            <skipped message="needs Docker Hub credentials"/>
          </testcase>
        </testsuite>
        <testsuite name="src/content/docs/volumes.mdx" tests="2" failures="1" errors="0" skipped="1" time="30.400" timestamp="2026-11-22T05:30:00">
          <testcase name="src/content/docs/volumes.mdx:7" classname="src/content/docs/volumes.mdx" file="src/content/docs/volumes.mdx" line="7" time="30.000">
            <failure message="timed out after 30.0s" type="timeout">src/content/docs/volumes.mdx:8: timed out after 30.0s
      $ docker run --rm -v data:/data busybox \\
      &gt;   sh -c "tail -f /data/log"</failure>
          </testcase>
          <testcase name="src/content/docs/volumes.mdx:15" classname="src/content/docs/volumes.mdx" file="src/content/docs/volumes.mdx" line="15" time="0.000">
            <skipped message="not run: the page stopped after a timeout at src/content/docs/volumes.mdx:7"/>
          </testcase>
        </testsuite>
        <testsuite name="src/content/docs/registry.mdx" tests="1" failures="0" errors="1" skipped="0" time="5.020" timestamp="2026-11-22T05:30:00">
          <testcase name="src/content/docs/registry.mdx:10" classname="src/content/docs/registry.mdx" file="src/content/docs/registry.mdx" line="10" time="5.000">
            <error message="The registry could not be reached" type="REGISTRY_UNREACHABLE">src/content/docs/registry.mdx:11: The registry could not be reached
      $ docker pull redis:7
      hint: Docker Hub is not reachable from here. Run \`npm run hermetic\` for an offline mirror.
      @@ src/content/docs/registry.mdx:12 @@
      -7: Pulling from library/redis
      +Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host
       ...</error>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('writes well-formed XML whose counts add up', () => {
    const elements = readXml(renderJunit({ info, diagnostics: [], pages, summary }));
    const testcases = named(elements, 'testcase');
    expect(testcases).toHaveLength(8);
    expect(named(elements, 'testsuites')[0]?.attributes).toMatchObject({
      tests: '8',
      failures: '3',
      errors: '1',
      skipped: '2',
    });
    const suites = named(elements, 'testsuite');
    expect(suites.map((suite) => Number(suite.attributes.tests))).toEqual([1, 4, 2, 1]);
    expect(named(elements, 'failure')).toHaveLength(3);
    expect(named(elements, 'skipped')).toHaveLength(2);
    expect(named(elements, 'error')).toHaveLength(1);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const file = 'src/content/docs/<&">.mdx';
    const page: PageResult = {
      file,
      leg: 'sandbox',
      values: [],
      ids: [],
      durationMs: 10,
      results: [
        {
          status: 'drift',
          snippet: snippetAt(file, 3, transcript),
          steps: [stepAt(4, 'echo "<a & b>"', ['<a & b>'], ['\u001b[1m<a && b>\u0000'])],
          durationMs: 10,
        },
        {
          status: 'skipped',
          snippet: snippetAt(file, 9, transcript),
          reason: 'needs "Docker Hub" & <credentials>\nfor now',
        },
      ],
    };
    const xml = renderJunit({ info, diagnostics: [], pages: [page], summary: undefined });
    const elements = readXml(xml);
    expect(named(elements, 'testcase')).toHaveLength(2);
    expect(xml).toContain('name="src/content/docs/&lt;&amp;&quot;&gt;.mdx:3"');
    expect(xml).toContain(
      'message="needs &quot;Docker Hub&quot; &amp; &lt;credentials&gt;&#10;for now"',
    );
    expect(xml).toContain('-&lt;a &amp; b&gt;\n+&lt;a &amp;&amp; b&gt;</failure>');
  });

  it('reports diagnostics as errors when they stop the run', async () => {
    const target = createMemoryTarget();
    const reporter = createJunitReporter(target);
    reporter.onDiagnostics?.(diagnostics);
    await reporter.onClose?.();
    const elements = readXml(target.text());
    expect(named(elements, 'testsuites')[0]?.attributes).toMatchObject({ tests: '1', errors: '1' });
    expect(target.text()).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="verify-examples" tests="1" failures="0" errors="1" skipped="0" time="0.000">
        <testsuite name="diagnostics" tests="1" failures="0" errors="1" skipped="0" time="0.000">
          <testcase name="src/content/docs/containers.mdx:40:12" classname="src/content/docs/containers.mdx" time="0.000">
            <error message="Unexpected fence option \`timout\`, expected one of skip, exit, timeout, tty, stdin" type="INVALID_OPTION">Unexpected fence option \`timout\`, expected one of skip, exit, timeout, tty, stdin
      hint: Did you mean \`timeout\`?</error>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('names suites and test cases by page and leg when a run has several', () => {
    const { info: legsInfo, pages: legPages } = twoLegSummary;
    const xml = renderJunit({
      info: legsInfo,
      diagnostics: [],
      pages: legPages,
      summary: twoLegSummary,
    });
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((match) => match[1]);
    expect(suites).toEqual([
      'src/content/docs/first-container.mdx [28.5/containerd]',
      'src/content/docs/containers.mdx [28.5/containerd]',
      'src/content/docs/first-container.mdx [26.1/overlay2]',
    ]);
    expect(xml).toContain(
      '<testcase name="src/content/docs/first-container.mdx:12 [26.1/overlay2]"',
    );
  });

  it('reports a fence that cannot be checked as skipped, with the reason', () => {
    const page: PageResult = {
      file: 'a.md',
      leg: 'sandbox',
      durationMs: 1,
      values: [],
      ids: [],
      results: [
        {
          status: 'unchecked',
          snippet: snippetAt('a.md', 3, transcript),
          category: 'windows',
          reason: 'a Windows shell: not run on Linux',
        },
      ],
    };
    const xml = renderJunit({ info, diagnostics: [], pages: [page], summary: undefined });
    expect(xml).toContain('<skipped message="not checked: a Windows shell: not run on Linux"/>');
    expect(readXml(xml).find((element) => element.name === 'testsuite')?.attributes.skipped).toBe(
      '1',
    );
  });
});
