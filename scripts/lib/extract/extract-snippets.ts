import type { Code } from 'mdast';
import { hashBlock } from '../core/block-hash.ts';
import type { MatrixLeg } from '../core/conditions.ts';
import type { Diagnostic, SourcePosition } from '../core/errors.ts';
import { isShellLanguage, isTranscriptLanguage } from '../core/languages.ts';
import { defaultPageOptions, mergeOptions, type PageOptions } from '../core/options.ts';
import { parseTranscript } from '../core/transcript.ts';
import { checkConditions, checkValuesShown } from './check-page.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { readFenceOptions } from './read-fence-options.ts';
import { readPageOptions } from './read-page-options.ts';
import { listCommandSteps, type Page, type Snippet, type SnippetBody } from './snippet.ts';

export type ExtractResult = { ok: true; page: Page } | { ok: false; diagnostics: Diagnostic[] };

export interface ExtractSettings {
  /** The project's legs (verify-examples.json): every condition must hold on one of them. */
  matrix: readonly MatrixLeg[];
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

function readBody(node: Code, file: string, diagnostics: Diagnostic[]): SnippetBody {
  const firstContent = (node.position?.start.line ?? 0) + 1;
  if (node.lang && isShellLanguage(node.lang) && !isTranscriptLanguage(node.lang)) {
    return { kind: 'script', code: node.value };
  }
  const transcript = parseTranscript(node.value);
  if (transcript.preamble.end > transcript.preamble.start) {
    diagnostics.push({
      code: 'INVALID_MARKDOWN',
      message: `Unexpected output before the first \`${transcript.prompt} \` prompt, expected a command`,
      position: { file, line: firstContent + transcript.preamble.start },
      hint: 'Start the block with a `$ ` line, or use ```text for output that is not a transcript.',
    });
  }
  return {
    kind: 'transcript',
    prompt: transcript.prompt,
    steps: transcript.steps.map((step) => ({
      command: step.command,
      line: firstContent + step.commandLines.start,
      expected: step.output,
      expectedLines: {
        start: firstContent + step.outputLines.start,
        end: firstContent + step.outputLines.end,
      },
    })),
  };
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
  diagnostics: Diagnostic[],
): Snippet | undefined {
  const line = node.position?.start.line ?? 1;
  const fenceLine = lines[line - 1] ?? '';
  const read = readFenceOptions(node.meta ?? '', { file, line }, findMetaColumn(fenceLine, node));
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  const isShell = isShellLanguage(node.lang);
  if (!isShell && read.options.file === undefined) return undefined;
  const options = mergeOptions(pageOptions, read.options);
  const body: SnippetBody =
    !isShell && options.file !== undefined
      ? { kind: 'file', path: options.file, content: node.value }
      : readBody(node, file, diagnostics);
  if (isShell && options.file !== undefined) {
    diagnostics.push({
      code: 'INVALID_OPTION',
      message: `Unexpected \`file\` option on a ${node.lang} block, expected it on a file's block (e.g. \`\`\`dockerfile file="Dockerfile")`,
      position: { file, line },
    });
  }
  const language = node.lang ?? '';
  const snippet = {
    file,
    line,
    language,
    options,
    body,
    linePrefix: findLinePrefix(lines, node),
    code: node.value,
    meta: node.meta ?? '',
    hash: hashBlock({ language, code: node.value, fence: read.options, page: pageOptions }),
  };
  const exitProblem = checkExitCodes(snippet, read.positions.exit ?? { file, line });
  if (exitProblem) diagnostics.push(exitProblem);
  diagnostics.push(...checkConditions(snippet, settings.matrix, read.positions));
  return snippet;
}

/**
 * Reads a documentation file into a page of snippets: every shell fence, plus the file
 * fences a session must write. Problems are collected as diagnostics, all of them, with
 * positions, instead of stopping at the first.
 */
export function extractSnippets(
  source: string,
  file: string,
  settings: ExtractSettings = { matrix: [] },
): ExtractResult {
  const parsed = parseMarkdown(source, file);
  if (!parsed.ok) return { ok: false, diagnostics: [parsed.diagnostic] };
  const diagnostics: Diagnostic[] = [];
  const pageOptions = readPageOptions(parsed.parsed.frontmatter, file);
  if (!pageOptions.ok) diagnostics.push(...pageOptions.diagnostics);
  const options = pageOptions.ok ? pageOptions.options : defaultPageOptions();
  const lines = source.split(/\r?\n/);
  const snippets = parsed.parsed.code
    .map((node) => readSnippet(node, lines, file, options, settings, diagnostics))
    .filter((snippet) => snippet !== undefined);
  if (pageOptions.ok)
    diagnostics.push(...checkValuesShown(file, snippets, options, pageOptions.lineOf));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, page: { file, options, snippets } };
}
