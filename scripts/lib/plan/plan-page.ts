import type { PublishedContext } from '../config/published-values.ts';
import { findUnmetCondition } from '../core/conditions.ts';
import type { Diagnostic } from '../core/errors.ts';
import type { StartedLeg } from '../core/legs.ts';
import type { NamedValue } from '../core/named-values.ts';
import { listNamedValues, type MatchSettings } from '../core/options.ts';
import type { UncheckedCategory } from '../core/read-block.ts';
import {
  collectWords,
  isListingCommand,
  type ListingContext,
} from '../extract/listing-commands.ts';
import { typeAnswers } from '../extract/prompt-answers.ts';
import { type CommandStep, listCommandSteps, type Page, type Snippet } from '../extract/snippet.ts';
import { seriesOf } from '../extract/version-values.ts';
import { findPublishedPorts, type PublishedPorts } from './find-published-ports.ts';
import type { HiddenTool, PageToolbox } from './plan-toolbox.ts';

/** A command to run and what the page documents for it. */
export interface PlannedStep extends CommandStep {
  expectedExitCode: number;
  /**
   * Transcripts document output, which is compared; a script's output is only shown, and so
   * is a command shown without output where the page says such output is not shown.
   */
  isOutputChecked: boolean;
  /** How output is compared (elisions, redactions). */
  match: MatchSettings;
  /** On a pseudo-terminal, with this typed line by line; `undefined`: no terminal. */
  tty: { stdin: string | undefined } | undefined;
  /** Without a terminal: what the command reads (the answers the page shows it typed). */
  stdin: string | undefined;
  /** The page's named values, which its documented output may show. */
  values: readonly NamedValue[];
  /** Docker Hub's published values, which the IDs and digests shown are held to. */
  published: PublishedContext | undefined;
  /** The block's IDs and digests are examples (`example-values`): only bound, never published. */
  isExampleValues: boolean;
  /** For a listing of everything (`docker ps -a`): what the page did before it. */
  listing: ListingContext | undefined;
  /** Toolbox tools the reader has not installed by this page: not on its PATH. */
  hiddenTools: readonly HiddenTool[];
  /** The host ports the page publishes: a refused connection elsewhere is not its failure. */
  publishedPorts: PublishedPorts;
}

/** What happens to one snippet of a page, decided before anything runs. */
export type PlannedSnippet =
  /** A file fence (`file="Dockerfile"`): written into the session before the next snippet. */
  | { action: 'write'; snippet: Snippet; path: string; content: string }
  | { action: 'run'; snippet: Snippet; steps: PlannedStep[]; timeoutMs: number }
  | { action: 'skip'; snippet: Snippet; reason: string }
  /** Shown but not runnable (output only, Windows...): reported as not checked, and why. */
  | { action: 'unchecked'; snippet: Snippet; category: UncheckedCategory; reason: string }
  /** A fence with a problem: reported at its position, not run. */
  | { action: 'invalid'; snippet: Snippet; diagnostics: Diagnostic[] }
  /** Its condition does not hold on this leg: it is verified on others, or not at all. */
  | { action: 'exclude'; snippet: Snippet; reason: string }
  /** Typed into the open session of the snippet at line `of`: judged on its share of it. */
  | { action: 'continue'; snippet: Snippet; of: number };

export interface PagePlan {
  page: Page;
  /** The name of the leg the page runs on. */
  leg: string;
  /** False when nothing of the page runs: no Docker world is opened for it. */
  isOpening: boolean;
  snippets: PlannedSnippet[];
  /** Docker Hub's published values the page's steps are held to. */
  published?: PublishedContext | undefined;
  /** The tools of the reader's toolbox on the page's PATH; undefined: all of them. */
  tools: readonly string[] | undefined;
}

export interface PlanSettings {
  /** The leg the page runs on: its name, image store and versions, for conditions. */
  leg: Pick<StartedLeg, 'name' | 'store' | 'versions'>;
  defaultTimeoutSeconds: number;
  /** `--strict`: a shell-looking fence that cannot be checked is an error, not a note. */
  isStrict?: boolean | undefined;
  /** Docker Hub's published values, with what the run's mirror serves for them. */
  published?: PublishedContext | undefined;
  /** The reader's toolbox on this page (plan-toolbox.ts); undefined: every tool, none hidden. */
  toolbox?: PageToolbox | undefined;
}

/**
 * Each command's expected exit code: one value is the last command's, a list is one per
 * command (extraction has checked that its length fits).
 */
function planSteps(
  snippet: Snippet,
  steps: readonly CommandStep[],
  page: PageContext,
): PlannedStep[] {
  const { match, published, hiddenTools, publishedPorts } = page;
  const { options } = snippet;
  const exit = options.exit ?? [];
  const isTranscript = snippet.body.kind === 'transcript';
  const stepMatch =
    options.sizeTolerance === undefined
      ? match
      : { ...match, sizeTolerance: options.sizeTolerance };
  return steps.map((step, index) => {
    const isLast = index === steps.length - 1;
    const expected = exit.length === 1 ? (isLast ? exit[0] : 0) : exit[index];
    const isShown = step.expected.some((line) => line.trim() !== '');
    const tty = options.tty
      ? { stdin: options.stdin }
      : step.terminal && { stdin: typedInput(step.terminal.lines) };
    return {
      ...step,
      values: valuesOfStep(step, page),
      expectedExitCode: expected ?? 0,
      isOutputChecked: isTranscript && (isShown || match.unshown === 'empty'),
      match: stepMatch,
      tty,
      stdin: tty ? undefined : typeAnswers(step.answers ?? []),
      published,
      isExampleValues: options.isExampleValues,
      listing: isListingCommand(step.command)
        ? { pageWords: collectWords(page.commandsBefore(step)), images: page.images }
        : undefined,
      hiddenTools,
      publishedPorts,
    };
  });
}

/** Lines typed into an interactive session, each ended by Enter; none: nothing typed. */
function typedInput(lines: readonly string[]): string | undefined {
  return lines.length === 0 ? undefined : lines.map((line) => `${line}\n`).join('');
}

/** What every step of a page is judged with. */
interface PageContext {
  match: MatchSettings;
  values: readonly NamedValue[];
  published: PublishedContext | undefined;
  /** The server version of the leg: a `docker version` of its engine is compared as written. */
  server: string;
  /** The commands the page runs before a step, in reading order. */
  commandsBefore(step: CommandStep): string[];
  /** Images every page starts with. */
  images: readonly string[];
  /** Toolbox tools the reader has not installed by this page: not on its PATH. */
  hiddenTools: readonly HiddenTool[];
  /** The host ports the page publishes (find-published-ports.ts). */
  publishedPorts: PublishedPorts;
}

/**
 * A step's named values: the page's, and for `docker version` output the versions it shows
 * (extract/version-values.ts), unless the step shows this leg's engine: then they are
 * compared as written. A value the page names itself wins over a version of the same text.
 */
function valuesOfStep(step: CommandStep, page: PageContext): NamedValue[] {
  const { versions } = step;
  if (!versions) return [...page.values];
  const isThisEngine =
    versions.engine !== undefined && seriesOf(versions.engine) === seriesOf(page.server);
  const implicit = [...(isThisEngine ? [] : versions.values), ...versions.machineValues];
  const taken = new Set(page.values.flatMap((value) => [value.shown, value.name]));
  return [
    ...page.values,
    ...implicit.filter((value) => !taken.has(value.shown) && !taken.has(value.name)),
  ];
}

function planSnippet(snippet: Snippet, settings: PlanSettings, page: PageContext): PlannedSnippet {
  const { body, options } = snippet;
  const unmet = findUnmetCondition(options.condition, settings.leg);
  if (unmet) return { action: 'exclude', snippet, reason: unmet };
  if (body.kind === 'file') {
    return { action: 'write', snippet, path: body.path, content: body.content };
  }
  if (body.kind === 'invalid') return { action: 'invalid', snippet, diagnostics: body.diagnostics };
  if (body.kind === 'continuation') return { action: 'continue', snippet, of: body.of };
  if (options.skip) return { action: 'skip', snippet, reason: options.skip };
  if (body.kind === 'unchecked') {
    const { category, reason } = body;
    // A lone `exit` has nothing to check, strict or not.
    if (settings.isStrict && category !== 'session-end') {
      const position = { file: snippet.file, line: snippet.line };
      const message = `Unexpected fence that cannot be checked (${reason})`;
      const hint =
        'With --strict every shell fence must run: give it prompts, a language, or skip="why".';
      return {
        action: 'invalid',
        snippet,
        diagnostics: [{ code: 'UNCHECKED_FENCE', message, position, hint }],
      };
    }
    return { action: 'unchecked', snippet, category, reason };
  }
  return {
    action: 'run',
    snippet,
    steps: planSteps(snippet, listCommandSteps(snippet), page),
    timeoutMs: (options.timeoutSeconds ?? settings.defaultTimeoutSeconds) * 1000,
  };
}

/**
 * Decides, for one page on one leg, what runs, what is skipped and why, and what is left to
 * other legs (a condition that does not hold here), before anything runs. A page skipped as
 * a whole, or with nothing for this leg, opens no Docker world. Pure.
 */
export function planPage(page: Page, settings: PlanSettings): PagePlan {
  const leg = settings.leg.name;
  const tools = settings.toolbox?.visible;
  const pageSkip = page.options.skip;
  const hasProblems = page.diagnostics.length > 0;
  if (pageSkip || hasProblems) {
    const reason = pageSkip ?? 'not run: the page has problems (listed above)';
    const runnable = page.snippets.filter((snippet) => snippet.body.kind !== 'file');
    return {
      page,
      leg,
      isOpening: false,
      snippets: runnable.map((snippet) => ({ action: 'skip', snippet, reason })),
      tools,
    };
  }
  const values = listNamedValues(page.options);
  const commands = page.snippets.flatMap((snippet) => listCommandSteps(snippet));
  const publishedPorts = findPublishedPorts(
    page.snippets.flatMap((snippet) =>
      snippet.body.kind === 'file'
        ? [snippet.body.content]
        : listCommandSteps(snippet).map((step) => step.command),
    ),
  );
  const context: PageContext = {
    match: page.match,
    values,
    published: settings.published,
    server: settings.leg.versions.server,
    commandsBefore: (step) => commands.slice(0, commands.indexOf(step)).map((at) => at.command),
    images: page.options.images,
    hiddenTools: settings.toolbox?.hidden ?? [],
    publishedPorts,
  };
  const snippets = page.snippets.map((snippet) => planSnippet(snippet, settings, context));
  const isOpening = snippets.some((planned) => planned.action === 'run');
  return { page, leg, isOpening, snippets, tools, published: settings.published };
}
