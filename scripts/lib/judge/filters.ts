/**
 * The ordered, named, pure filters that make Docker's output comparable. `display` filters
 * turn raw output into what a terminal finally shows (both sides get them; `--update` writes
 * their result). `redact` filters replace values that change from run to run with tokens
 * (both sides get them, so documented text can keep realistic values); IDs, digests and sizes
 * are kept beside the line (value-tokens.ts), for the judge to check them all the same.
 */
import { markValue, unmarkValues, type ValueKind, type ValueToken } from './value-tokens.ts';

export const filterStages = ['display', 'redact'] as const;
export type FilterStage = (typeof filterStages)[number];

/** A line of output and the index of the raw line it came from. */
export interface Line {
  text: string;
  origin: number;
  /**
   * After the redact stage: the line with a marker where each checked value stood, and the
   * values, indexed by their markers (value-tokens.ts).
   */
  marked?: string | undefined;
  values?: ValueToken[] | undefined;
}

export interface OutputFilter {
  name: string;
  stage: FilterStage;
  apply(lines: readonly Line[]): Line[];
}

function mapLines(name: string, stage: FilterStage, map: (text: string) => string): OutputFilter {
  return {
    name,
    stage,
    apply: (lines) => lines.map((line) => ({ ...line, text: map(line.text) })),
  };
}

function replacing(name: string, pattern: RegExp, token: string): OutputFilter {
  return mapLines(name, 'redact', (line) => line.replace(pattern, token));
}

/**
 * A redaction that keeps what it hides: each match (its group `value` if it has one) becomes
 * a marker, and the value is kept beside the line.
 */
function capturing(name: string, pattern: RegExp, kind: ValueKind): OutputFilter {
  return {
    name,
    stage: 'redact',
    apply: (lines) =>
      lines.map((line) => {
        const values = [...(line.values ?? [])];
        const text = line.text.replace(pattern, (...args) => {
          const match = args[0] as string;
          const groups = args.at(-1) as Record<string, string | undefined> | undefined;
          const value = typeof groups === 'object' ? groups?.value : undefined;
          const marker = markValue(kind, values.length);
          values.push({ kind, text: value ?? match });
          return value === undefined ? marker : match.replace(value, marker);
        });
        return { ...line, text, values };
      }),
  };
}

/** The last redaction: markers become tokens; the marked text stays for the judge. */
const valueTokens: OutputFilter = {
  name: 'value-tokens',
  stage: 'redact',
  apply: (lines) =>
    lines.map((line) => {
      const values = line.values ?? [];
      return { ...line, marked: line.text, values, text: unmarkValues(line.text, values).text };
    }),
};

// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and lone escapes.
const ansiSequence =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escapes is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Layer progress as Docker prints it without a terminal: one line per status change. */
const layerStatus =
  /^([0-9a-f]{12}): (Pulling fs layer|Waiting|Downloading.*|Verifying Checksum|Download complete|Extracting.*|Pull complete|Already exists|Preparing|Pushing.*|Pushed|Layer already exists|Mounted from .*|Retrying.*)$/;

/**
 * Docker without a terminal prints every status of every layer on its own line; a terminal
 * overwrites each layer's line in place and finally shows one line per layer with its last
 * status. Readers see the latter, so the former is reduced to it.
 */
function reducePullProgress(lines: readonly Line[]): Line[] {
  const lastStatus = new Map<string, string>();
  for (const line of lines) {
    const layer = layerStatus.exec(line.text)?.[1];
    if (layer) lastStatus.set(layer, line.text);
  }
  const seen = new Set<string>();
  const reduced: Line[] = [];
  for (const line of lines) {
    const layer = layerStatus.exec(line.text)?.[1];
    if (layer === undefined) reduced.push(line);
    else if (!seen.has(layer)) {
      seen.add(layer);
      reduced.push({ ...line, text: lastStatus.get(layer) ?? line.text });
    }
  }
  return reduced;
}

/** A blank line between a command and its output (as CLI references write it) says nothing. */
function dropLeadingBlankLines(lines: readonly Line[]): Line[] {
  const start = lines.findIndex((line) => line.text !== '');
  return start === -1 ? [] : lines.slice(start);
}

function dropTrailingBlankLines(lines: readonly Line[]): Line[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]?.text === '') end--;
  return lines.slice(0, end);
}

const units = 'second|minute|hour|day|week|month|year';
/** Docker's human durations (go-units `HumanDuration`). */
const humanDuration = `(?:Less than a second|About a minute|About an hour|\\d+ (?:${units})s?)`;
const monthNames = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const dayNames = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';

export const outputFilters: readonly OutputFilter[] = [
  mapLines('ansi', 'display', (line) => line.replace(ansiSequence, '')),
  // A lone `\r` moves to the start of the line: what follows overwrites what came before.
  mapLines('carriage-returns', 'display', (line) => line.split('\r').at(-1) ?? ''),
  mapLines('trailing-whitespace', 'display', (line) => line.trimEnd()),
  { name: 'pull-progress', stage: 'display', apply: reducePullProgress },
  { name: 'trailing-blank-lines', stage: 'display', apply: dropTrailingBlankLines },
  { name: 'leading-blank-lines', stage: 'display', apply: dropLeadingBlankLines },
  capturing('digests', /sha256:[0-9a-f]{64}\b/g, 'digest'),
  capturing('long-ids', /\b[0-9a-f]{64}\b/g, 'id'),
  capturing('short-ids', /\b[0-9a-f]{12}\b/g, 'id'),
  replacing(
    'timestamps',
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[ ]?[+-]\d{2}:?\d{2})?(?: [A-Z]{3,5})?)?/g,
    '[DATE]',
  ),
  replacing(
    'dates',
    // Go's ANSIC layout (`docker version`'s Built), and date(1)'s, which names the zone.
    new RegExp(
      `\\b(?:${dayNames}) (?:${monthNames}) [ \\d]\\d \\d{2}:\\d{2}:\\d{2} (?:[A-Z]{2,5} )?\\d{4}\\b`,
      'g',
    ),
    '[DATE]',
  ),
  replacing('relative-times', new RegExp(`\\b${humanDuration} ago\\b`, 'g'), '[AGO]'),
  replacing('uptimes', new RegExp(`\\bUp ${humanDuration}`, 'g'), 'Up [DURATION]'),
  // The size of a pushed manifest changes with its digest: bytes, without a unit.
  capturing(
    'manifest-sizes',
    /(?<=digest: \uE102[\uE200-\uEFFF]\uE101 size: )(?<value>\d+)\b/gu,
    'size',
  ),
  capturing('sizes', /\b\d+(?:\.\d+)?\s?(?:B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\b/g, 'size'),
  // Generated names (`adjective_surname`, a digit on a clash): whole tokens only, or the
  // `/name` that `docker inspect` shows, so that path segments such as `docker_data` stay.
  replacing('container-names', /(?<=^|[\s"']|^\/)[a-z]{2,}_[a-z]{2,}\d?(?=$|[\s"',])/g, '[NAME]'),
  // Table columns are padded to their widest cell, so a redacted value changes the padding
  // of the whole column: runs of spaces inside a line are compared as one gap.
  mapLines('column-padding', 'redact', (line) => line.replace(/(?<=\S) {2,}(?=\S)/g, '  ')),
  valueTokens,
];

const userPatterns = new Map<string, RegExp>();

/**
 * Replaces what the project's or page's own redactions match with their `[NAME]` token, the
 * same on both sides, before the built-in redactions run.
 */
export function redactWith(
  lines: readonly Line[],
  redactions: readonly { name: string; pattern: string }[],
): Line[] {
  if (redactions.length === 0) return [...lines];
  return lines.map((line) => {
    let text = line.text;
    for (const { name, pattern } of redactions) {
      let regex = userPatterns.get(pattern);
      if (!regex) {
        regex = new RegExp(pattern, 'gu');
        userPatterns.set(pattern, regex);
      }
      text = text.replace(regex, `[${name}]`);
    }
    return { ...line, text };
  });
}

export function toLines(texts: readonly string[]): Line[] {
  return texts.map((text, origin) => ({ text, origin }));
}

export function applyFilters(lines: readonly Line[], stage: FilterStage): Line[] {
  return outputFilters
    .filter((filter) => filter.stage === stage)
    .reduce<Line[]>((current, filter) => filter.apply(current), [...lines]);
}

/** Shorthand for tests and one-off uses: both stages on plain text lines. */
export function normalizeOutput(texts: readonly string[]): string[] {
  return applyFilters(applyFilters(toLines(texts), 'display'), 'redact').map((line) => line.text);
}

/** Splits captured output into lines; a final newline does not make an extra empty line. */
export function splitOutput(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
