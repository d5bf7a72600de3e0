/**
 * Starlight's default colours, copied from `@astrojs/starlight/dist/style/props.css` as
 * `[hue, saturation %, lightness %]`. They are copied rather than read from CSS variables
 * because the diagrams are drawn at build time and mermaid's theme engine accepts only hex
 * colours (https://mermaid.js.org/config/theming.html). A unit test compares this table
 * with the installed Starlight, so an upgrade that changes the palette fails loudly.
 */
export const diagramVariants = ['light', 'dark'] as const;
export type DiagramVariant = (typeof diagramVariants)[number];

/** Starlight's gray scale, from `white` to `black` (the light theme inverts it). */
const grayScale = [
  'white',
  'gray-1',
  'gray-2',
  'gray-3',
  'gray-4',
  'gray-5',
  'gray-6',
  'black',
] as const;

export const starlightColorNames = [...grayScale, 'accent-low', 'accent', 'accent-high'] as const;
export type StarlightColorName = (typeof starlightColorNames)[number];
export type Hsl = readonly [hue: number, saturation: number, lightness: number];

// `:root`: Starlight's default, and the theme a reader gets without JavaScript.
const dark: Record<StarlightColorName, Hsl> = {
  white: [0, 0, 100],
  'gray-1': [224, 20, 94],
  'gray-2': [224, 6, 77],
  'gray-3': [224, 6, 56],
  'gray-4': [224, 7, 36],
  'gray-5': [224, 10, 23],
  'gray-6': [224, 14, 16],
  black: [224, 10, 10],
  'accent-low': [224, 54, 20],
  accent: [224, 100, 60],
  'accent-high': [224, 100, 85],
};

// `:root[data-theme='light']`: the same gray scale inverted (`white` is the darkest), and
// accents of its own.
const light: Record<StarlightColorName, Hsl> = {
  ...(Object.fromEntries(
    grayScale.map((name, index) => [name, dark[grayScale[grayScale.length - 1 - index] ?? name]]),
  ) as Record<(typeof grayScale)[number], Hsl>),
  'accent-low': [234, 88, 90],
  accent: [234, 90, 60],
  'accent-high': [234, 80, 30],
};

export const starlightPalette: Record<DiagramVariant, Record<StarlightColorName, Hsl>> = {
  light,
  dark,
};

/** CSS Color 4's HSL to sRGB conversion, rounded to `#rrggbb`. */
export function convertHslToHex([hue, saturation, lightness]: Hsl): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
