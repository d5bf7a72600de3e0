import {
  convertHslToHex,
  type DiagramVariant,
  type StarlightColorName,
  starlightPalette,
} from './starlight-palette.ts';

/**
 * Starlight's system font stack (`--sl-font-system`), so diagram text matches body text.
 *
 * Font metrics: mermaid sizes every box from text measured in the build's Chromium, but
 * readers see the text in their own fonts. Labels are therefore SVG `<text>` (`htmlLabels:
 * false`) rather than HTML in a `<foreignObject>`: a `<foreignObject>` clips to the width
 * measured at build time, so a reader's wider font cuts labels off, while SVG text is never
 * clipped and at worst runs a few pixels into the padding. On the build machines (Debian,
 * Ubuntu) this stack resolves to Liberation Sans, which has Arial's metrics, close to the
 * Segoe UI, San Francisco and Roboto readers get; the extra node padding absorbs the rest.
 */
const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif";

/** Which Starlight colour plays which part in a diagram, the same for both variants. */
const themeRoles = {
  background: 'black',
  mainBkg: 'accent-low',
  primaryColor: 'accent-low',
  primaryTextColor: 'white',
  primaryBorderColor: 'accent',
  nodeBorder: 'accent',
  nodeTextColor: 'white',
  secondaryColor: 'gray-6',
  secondaryTextColor: 'white',
  secondaryBorderColor: 'gray-4',
  tertiaryColor: 'gray-6',
  tertiaryTextColor: 'white',
  tertiaryBorderColor: 'gray-5',
  lineColor: 'gray-3',
  textColor: 'gray-2',
  titleColor: 'white',
  clusterBkg: 'gray-6',
  clusterBorder: 'gray-5',
  edgeLabelBackground: 'black',
  noteBkgColor: 'gray-6',
  noteTextColor: 'white',
  noteBorderColor: 'gray-4',
  actorBkg: 'accent-low',
  actorBorder: 'accent',
  actorTextColor: 'white',
  actorLineColor: 'gray-3',
  signalColor: 'gray-2',
  signalTextColor: 'gray-2',
  labelBoxBkgColor: 'gray-6',
  labelBoxBorderColor: 'gray-4',
  labelTextColor: 'white',
  loopTextColor: 'gray-2',
  activationBkgColor: 'gray-6',
  activationBorderColor: 'gray-4',
  sequenceNumberColor: 'black',
} as const satisfies Record<string, StarlightColorName>;

export interface MermaidConfig {
  theme: 'base';
  darkMode: boolean;
  htmlLabels: false;
  securityLevel: 'strict';
  fontFamily: string;
  themeVariables: Record<string, string | boolean>;
  flowchart: { padding: number };
}

/** The mermaid configuration of one variant: theme `base`, coloured from Starlight's palette. */
export function createMermaidConfig(variant: DiagramVariant): MermaidConfig {
  const palette = starlightPalette[variant];
  const colors = Object.fromEntries(
    Object.entries(themeRoles).map(([role, name]) => [role, convertHslToHex(palette[name])]),
  );
  return {
    theme: 'base',
    darkMode: variant === 'dark',
    htmlLabels: false,
    securityLevel: 'strict',
    fontFamily,
    themeVariables: { ...colors, darkMode: variant === 'dark', fontFamily, fontSize: '16px' },
    flowchart: { padding: 18 },
  };
}
