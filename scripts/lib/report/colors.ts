/** How each kind of report line looks in a terminal. Reporters pick a style, never a colour. */
export const lineStyles = [
  'plain',
  'heading',
  'command',
  'hunk',
  'context',
  'removed',
  'added',
  'pass',
  'fail',
  'skip',
  'hint',
  'dim',
] as const;
export type LineStyle = (typeof lineStyles)[number];

export type Palette = Record<LineStyle, (text: string) => string>;

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const identity = (text: string) => text;

export const plainPalette: Palette = Object.fromEntries(
  lineStyles.map((style) => [style, identity]),
) as Palette;

export const colorPalette: Palette = {
  plain: identity,
  heading: sgr(1, 22),
  command: sgr(1, 22),
  hunk: sgr(36, 39),
  context: sgr(2, 22),
  removed: sgr(31, 39),
  added: sgr(32, 39),
  pass: sgr(32, 39),
  fail: sgr(31, 39),
  skip: sgr(33, 39),
  hint: sgr(33, 39),
  dim: sgr(2, 22),
};

const isFalse = (value: string) => value === '0' || value === 'false';

/**
 * Whether a target gets colours: a terminal does unless NO_COLOR is set (https://no-color.org)
 * or TERM is `dumb`; FORCE_COLOR wins over both either way, as it does for Node itself
 * (https://nodejs.org/api/cli.html#force_color1-2-3).
 */
export function isColorEnabled(isTty: boolean, env: Readonly<Record<string, string | undefined>>) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !isFalse(force);
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTty;
}

export function selectPalette(isEnabled: boolean): Palette {
  return isEnabled ? colorPalette : plainPalette;
}

/** A line of a report and how it should look; reporters without colours keep `text` only. */
export interface StyledLine {
  style: LineStyle;
  text: string;
}

export function paintLines(lines: readonly StyledLine[], palette: Palette): string[] {
  return lines.map((line) => palette[line.style](line.text));
}
