import type { Code } from 'mdast';
import { hashBlock } from '../core/block-hash.ts';
import type { Diagnostic, SourcePosition } from '../core/errors.ts';
import type { MatrixLeg } from '../core/legs.ts';
import {
  defaultPageOptions,
  mergeOptions,
  mergeOutputSettings,
  type OutputSettings,
  type PageOptions,
} from '../core/options.ts';
import { readBlock } from '../core/read-block.ts';
import type { Transcript } from '../core/transcript.ts';
import { checkInstallsShown, locateInstalls } from './check-installs.ts';
import { checkConditions, checkShownVersions, checkValuesShown } from './check-page.ts';
import { dropWaitingPrompt, joinSessions } from './join-sessions.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { findPromptAnswers } from './prompt-answers.ts';
import { readFenceOptions } from './read-fence-options.ts';
import { parseFrontmatter, readPageOptions } from './read-page-options.ts';
import { readSidebar } from './read-sidebar.ts';
import { listCommandSteps, type Page, type Snippet, type SnippetBody } from './snippet.ts';
import { findVersionValues } from './version-values.ts';

/** A page, always: problems of a fence are on its snippet, those of the page as a whole here. */
export interface ExtractResult {
  page: Page;
}

/** What the project's settings (verify-examples.json) say for every page. */
export interface ExtractSettings {
  /** The project's legs: every condition must hold on one of them. */
  matrix?: readonly MatrixLeg[] | undefined;
  /** How output is compared, under the page's own settings. */
  output?: OutputSettings | undefined;
  /** Images every page starts with. */
  images?: readonly string[] | undefined;
}

/** The part of the first content line in the file that is not the code itself. */
function findLinePrefix(lines: readonly string[], node: Code): string {
  const firstContent = (node.position?.start.line ?? 0) + 1;
  const valueLines = node.value.split('\n');
  for (const [offset, valueLine] of valueLines.entries()) {
    const raw = lines[firstContent - 1 + offset] ?? '';
    if (valueLine !== '' && raw.endsWith(valueLine))
      return raw.slice(0, raw.length - valueLine.length);
  }
  const column = (node.position?.start.column ?? 1) - 1;
  return (lines[firstContent - 2] ?? '').slice(0, column);
}

/** Column (1-based) where the meta starts on the fence line, for option diagnostics. */
function findMetaColumn(fenceLine: string, node: Code): number {
  const afterLanguage = fenceLine.indexOf(node.lang ?? '') + (node.lang ?? '').length;
  return fenceLine.indexOf(node.meta ?? '', afterLanguage) + 1;
}

function placeTranscript(transcript: Transcript, firstContent: number, file: string): SnippetBody {
  const { preamble } = transcript;
  if (preamble.end > preamble.start) {
    const diagnostic: Diagnostic = {
      code: 'INVALID_MARKDOWN',
      message: 'Unexpected text before the first prompt, expected a command after a prompt',
      position: { file, line: firstContent + preamble.start },
      hint: 'Start the block with a `$ ` line, or use ```text for output that is not a transcript.',
    };
    return { kind: 'invalid', diagnostics: [diagnostic] };
  }
  return {
    kind: 'transcript',
    family: transcript.family,
    steps: transcript.steps.map((step) => {
      const shown =
        step.terminal && !step.terminal.isExitShown ? dropWaitingPrompt(step.output) : step.output;
      return {
        command: step.command,
        line: firstContent + step.commandLines.start,
        expected: shown,
        expectedLines: {
          start: firstContent + step.outputLines.start,
          end: firstContent + step.outputLines.start + shown.length,
        },
        terminal: step.terminal,
        versions: findVersionValues(step.command, step.output),
        answers: step.terminal ? undefined : findAnswers(step.output),
      };
    }),
  };
}

/** The questions a command's output shows answered, if any. */
function findAnswers(output: readonly string[]) {
  const answers = findPromptAnswers(output);
  return answers.length > 0 ? answers : undefined;
}

/** `exit=` gives one exit code (the last command's) or one per command. */
function checkExitCodes(snippet: Snippet, position: SourcePosition): Diagnostic | undefined {
  const exit = snippet.options.exit;
  const count = listCommandSteps(snippet).length;
  if (!exit || exit.length === 1 || exit.length === count) return undefined;
  return {
    code: 'INVALID_OPTION',
    message: `exit=${exit.join(',')} gives ${exit.length} exit codes for ${count} commands`,
    position,
    hint: "Give one exit code (the last command's) or one per command, in order.",
  };
}

function readSnippet(
  node: Code,
  lines: readonly string[],
  file: string,
  pageOptions: PageOptions,
  settings: ExtractSettings,
): Snippet | undefined {
  const line = node.position?.start.line ?? 1;
  const firstContent = line + 1;
  const read = readFenceOptions(
    node.meta ?? '',
    { file, line },
    findMetaColumn(lines[line - 1] ?? '', node),
  );
  const fenceOptions = read.ok ? read.options : {};
  const block = readBlock(node.lang, node.value);
  const isFile = block.kind === 'other' && fenceOptions.file !== undefined;
  if (block.kind === 'other' && !isFile && read.ok) return undefined;
  const language = node.lang ?? '';
  const snippet: Snippet = {
    file,
    line,
    language,
    options: mergeOptions(pageOptions, fenceOptions),
    body: { kind: 'invalid', diagnostics: read.ok ? [] : read.diagnostics },
    linePrefix: findLinePrefix(lines, node),
    code: node.value,
    meta: node.meta ?? '',
    hash: hashBlock({ language, code: node.value, fence: fenceOptions, page: pageOptions }),
  };
  if (!read.ok) return snippet;
  if (isFile) snippet.body = { kind: 'file', path: fenceOptions.file ?? '', content: node.value };
  else if (block.kind === 'transcript')
    snippet.body = placeTranscript(block.transcript, firstContent, file);
  else if (block.kind === 'script') snippet.body = { kind: 'script', code: block.code };
  else if (block.kind === 'unchecked') snippet.body = block;
  const problems: Diagnostic[] = [];
  if (!isFile && fenceOptions.file !== undefined) {
    problems.push({
      code: 'INVALID_OPTION',
      message: `Unexpected \`file\` option on a ${node.lang} block, expected it on a file's block (e.g. \`\`\`dockerfile file="Dockerfile")`,
      position: { file, line },
    });
  }
  const exitProblem = checkExitCodes(snippet, read.positions.exit ?? { file, line });
  if (exitProblem) problems.push(exitProblem);
  problems.push(...checkConditions(snippet, settings.matrix ?? [], read.positions));
  problems.push(...checkShownVersions(snippet, settings.matrix ?? []));
  if (problems.length > 0) {
    const shownLines = listCommandSteps(snippet).flatMap((step) => step.expected);
    snippet.body = { kind: 'invalid', diagnostics: problems, shownLines };
  }
  return snippet;
}

/**
 * Reads a documentation file into a page of snippets: every shell-looking fence (run, or
 * reported as not run and why), plus the file fences a session must write. A problem in a
 * fence stays on that fence, with its position; the other fences are unaffected.
 * `project`: what the project's settings say for every page, under the page's own.
 */
export function extractSnippets(
  source: string,
  file: string,
  settings: ExtractSettings = {},
): ExtractResult {
  const parsed = parseMarkdown(source, file);
  if (!parsed.ok) {
    const options = defaultPageOptions();
    const match = mergeOutputSettings(settings.output);
    return { page: { file, options, match, snippets: [], diagnostics: [parsed.diagnostic] } };
  }
  const { frontmatter } = parsed.parsed;
  const document = parseFrontmatter(frontmatter);
  const pageOptions = readPageOptions(frontmatter, file, document);
  const options = pageOptions.ok ? pageOptions.options : defaultPageOptions();
  const lines = source.split(/\r?\n/);
  const snippets = joinSessions(
    parsed.parsed.code
      .map((node) => readSnippet(node, lines, file, options, settings))
      .filter((snippet) => snippet !== undefined),
  );
  const installs = locateInstalls(source, options.installs ?? []);
  const diagnostics = pageOptions.ok
    ? [
        ...checkValuesShown(file, snippets, options, pageOptions.lineOf),
        ...checkInstallsShown(file, installs, pageOptions.lineOf),
      ]
    : pageOptions.diagnostics;
  const match = mergeOutputSettings(settings.output, options.output);
  const images = [...new Set([...(settings.images ?? []), ...options.images])];
  const sidebar = readSidebar(document);
  return {
    page: {
      file,
      options: { ...options, images },
      match,
      snippets,
      diagnostics,
      sidebar,
      installs,
    },
  };
}

/** Every problem of a page: its own, then its fences', in order. */
export function listPageProblems(page: Page): Diagnostic[] {
  return [
    ...page.diagnostics,
    ...page.snippets.flatMap((snippet) =>
      snippet.body.kind === 'invalid' ? snippet.body.diagnostics : [],
    ),
  ];
}
