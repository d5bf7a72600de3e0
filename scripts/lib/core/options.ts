import { z } from 'zod';
import type { Condition } from './conditions.ts';
import { imageStores } from './legs.ts';
import { checkNamedValue, type NamedValue, valueNamePattern } from './named-values.ts';
import { parseVersionRange, type VersionRange } from './version-range.ts';

/**
 * Options of a snippet (fence meta) and of a page (frontmatter `verify:`). The zod schemas
 * are the single definition: the site's content schema reuses `pageOptionsSchema`, so a typo
 * in frontmatter fails the site build as well as the verifier.
 */

const version = z.string().regex(/^\d+(\.\d+){0,2}$/, 'expected a version such as 29 or 28.1');

/** `>=28`, `>=26.1, <29`, `28.5`: see core/version-range.ts. */
const versionRange = z.string().transform((text, context): VersionRange => {
  const parsed = parseVersionRange(text);
  if (parsed.ok) return parsed.range;
  context.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const store = z.enum(imageStores, { error: `expected one of: ${imageStores.join(', ')}` });

const seconds = z.coerce.number().positive('expected a number of seconds above 0');

const exitCodes = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'expected an exit code such as 1, or one per command such as 3,0')
  .transform((text) => text.split(',').map(Number));

const flag = z.literal(true, { error: 'takes no value' });

/**
 * How far a size the page shows may be from the printed one: a percentage (`10`, `"10%"`) or
 * `"any"`. Read as a ratio (0.1); `any` is Infinity. See judge/check-sizes.ts.
 */
export const sizeToleranceSchema = z
  .union([z.number(), z.string()])
  .transform((value, context): number => {
    if (value === 'any') return Number.POSITIVE_INFINITY;
    const percent =
      typeof value === 'number' ? value : Number(/^(\d+(?:\.\d+)?)%?$/.exec(value)?.[1]);
    if (Number.isFinite(percent) && percent >= 0) return percent / 100;
    context.addIssue({ code: 'custom', message: 'expected a percentage such as 10% or "any"' });
    return z.NEVER;
  });

/** The default size tolerance: ±10% (and the rounding of the shown size). */
export const defaultSizeTolerance = 0.1;
/** A tool of the reader's toolbox, by its name (`jq`, `curl`). */
const toolName = z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, 'expected a tool name such as jq');

/** Our fence options, as written in the meta (`skip="why" exit=1 tty`). */
export const fenceOptionsSchema = z
  .strictObject({
    skip: z.string().min(1, 'needs a reason, e.g. skip="needs Docker Hub"'),
    exit: exitCodes,
    timeout: seconds,
    tty: flag,
    stdin: z.string(),
    'min-client': version,
    'min-server': version,
    engine: versionRange,
    store,
    file: z.string().min(1, 'needs a path, e.g. file="Dockerfile"'),
    /** How far the sizes this block shows may be from the real ones (`25%`, `any`). */
    'size-tolerance': sizeToleranceSchema,
    /**
     * The IDs and digests this block shows are examples, not Docker Hub's published values:
     * they are still bound to what runs print, never checked against Docker Hub's.
     */
    'example-values': flag,
  })
  .partial();
export type FenceOptions = z.infer<typeof fenceOptionsSchema>;
export const fenceOptionNames = Object.keys(fenceOptionsSchema.shape);

/**
 * Expressive Code's own meta options. They are not ours to check, but they are expected in
 * a fence, so they are accepted and left alone.
 */
export const expressiveCodeOptionNames = [
  'title',
  'frame',
  'wrap',
  'preserveIndent',
  'hangingIndent',
  'showLineNumbers',
  'startLineNumber',
  'collapse',
  'collapseStyle',
  'mark',
  'ins',
  'del',
  'useDiffSyntax',
] as const;

/** A regular expression written as a string: it must compile and must not match nothing. */
const pattern = z.string().superRefine((text, context) => {
  try {
    if (new RegExp(text, 'u').test(''))
      context.addIssue({ code: 'custom', message: 'matches the empty string' });
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: `not a valid regular expression (${(error as Error).message})`,
    });
  }
});

/** Names read as tokens in documented output: `REQUEST_ID` is written `[REQUEST_ID]`. */
const redactions = z.record(z.string(), pattern).superRefine((record, context) => {
  for (const name of Object.keys(record)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name))
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'expected a name in capitals such as REQUEST_ID',
      });
  }
});

/**
 * How documented output is compared, for a page (frontmatter `verify.output`) or a project
 * (`output` in verify-examples.json); a page's settings win, redactions add up.
 */
export const outputSettingsSchema = z.strictObject({
  /**
   * A command shown without output: `unchecked` (the default) means its output is simply not
   * shown (the common convention), so not compared, and neither is a first pull (`Unable to
   * find image ... locally` and what follows) that the docs leave out before a command's
   * output; `empty` means it must print nothing (this site's rule).
   */
  unshown: z.enum(['empty', 'unchecked']).optional(),
  /** `…`, `[...]` and `<placeholder>` in documented output match any text, as readers read them. */
  elisions: z.boolean().optional(),
  /** Named patterns replaced by `[NAME]` on both sides before comparing, e.g. request IDs. */
  redactions: redactions.optional(),
  /** How far a size shown may be from the printed one: a percentage (default 10) or `any`. */
  sizeTolerance: sizeToleranceSchema.optional(),
});
export type OutputSettings = z.infer<typeof outputSettingsSchema>;

/** What comparison uses once project and page settings are merged. */
export interface MatchSettings {
  unshown: 'empty' | 'unchecked';
  elisions: boolean;
  redactions: { name: string; pattern: string }[];
  /** How far a shown size may be from the printed one, as a ratio (0.1); Infinity: any. */
  sizeTolerance: number;
}

export function mergeOutputSettings(...layers: (OutputSettings | undefined)[]): MatchSettings {
  const merged: MatchSettings = {
    unshown: 'unchecked',
    elisions: false,
    redactions: [],
    sizeTolerance: defaultSizeTolerance,
  };
  const redactions = new Map<string, string>();
  for (const layer of layers) {
    if (!layer) continue;
    merged.unshown = layer.unshown ?? merged.unshown;
    merged.elisions = layer.elisions ?? merged.elisions;
    merged.sizeTolerance = layer.sizeTolerance ?? merged.sizeTolerance;
    for (const [name, source] of Object.entries(layer.redactions ?? {}))
      redactions.set(name, source);
  }
  merged.redactions = [...redactions].map(([name, source]) => ({ name, pattern: source }));
  return merged;
}

/** One named value: see core/named-values.ts. */
const namedValueSchema = z
  .strictObject({
    shown: z.string().regex(/^\S+$/, 'expected one token, without spaces'),
    pattern: z.string().min(1, 'expected a regular expression for one token of the value'),
  })
  .superRefine((value, context) => {
    const problem = checkNamedValue(value);
    if (problem)
      context.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });

const namedValuesSchema = z.record(z.string(), namedValueSchema).superRefine((values, context) => {
  const byShown = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (!valueNamePattern.test(name))
      context.addIssue({
        code: 'custom',
        message: 'expected a name in capitals, such as KERNEL or ENGINE_VERSION',
        path: [name],
      });
    const other = byShown.get(value.shown);
    if (other)
      context.addIssue({
        code: 'custom',
        message: `${name} and ${other} show the same text, \`${value.shown}\`: show each value with a text of its own`,
        path: [name, 'shown'],
      });
    byShown.set(value.shown, name);
  }
});

/** What a journey keeps from page to page that a page may need gone. */
export const leftoverKinds = ['containers', 'images', 'volumes', 'networks'] as const;
export type LeftoverKind = (typeof leftoverKinds)[number];

/**
 * Frontmatter `verify.journey`. `clean`: the page needs a Docker without what earlier pages
 * left (`true`: containers, images, volumes and networks; or a list of those), and gets it
 * as a reader does, with the commands of its first block; the verifier never cleans for it,
 * and fails that block when something an earlier page left is still there after it.
 */
export const journeyOptionsSchema = z.strictObject({
  clean: z
    .union([z.literal(true), z.array(z.enum(leftoverKinds)).min(1)], {
      error: `expected true or a list of: ${leftoverKinds.join(', ')}`,
    })
    .transform((clean): LeftoverKind[] => (clean === true ? [...leftoverKinds] : clean))
    .optional(),
});

/** Frontmatter `verify:` of a page. Applies to every snippet unless a fence says otherwise. */
export const pageOptionsSchema = z.strictObject({
  skip: z.string().min(1).optional(),
  timeout: z.number().positive().optional(),
  /** Images present before the page starts, as on a reader's machine after earlier chapters. */
  images: z.array(z.string().min(1)).default([]),
  'min-client': version.optional(),
  'min-server': version.optional(),
  env: z.record(z.string(), z.string()).default({}),
  output: outputSettingsSchema.optional(),
  /** Facts of the machine the page shows: bound to what they print, the same everywhere. */
  values: namedValuesSchema.default({}),
  /**
   * Tools of the reader's toolbox this page tells its reader to install (its text shows
   * how): on PATH for this page and every later one in reading order, not before.
   */
  installs: z.array(toolName).optional(),
  /** How the page stands in the reader's journey (`--journey`): see journeyOptionsSchema. */
  journey: journeyOptionsSchema.optional(),
});
export type PageOptions = z.infer<typeof pageOptionsSchema>;

export function defaultPageOptions(): PageOptions {
  return pageOptionsSchema.parse({});
}

/** What a snippet runs with once page and fence options are merged. */
export interface SnippetOptions {
  skip: string | undefined;
  /** Expected exit codes: one value is for the last command, a list is one per command. */
  exit: number[] | undefined;
  timeoutSeconds: number | undefined;
  tty: boolean;
  stdin: string | undefined;
  /** The legs the snippet holds on (`engine`, `store`, `min-server`, `min-client`). */
  condition: Condition;
  file: string | undefined;
  /** The fence's own size tolerance (a ratio), over the page's. */
  sizeTolerance: number | undefined;
  /** The block's IDs and digests are examples, not Docker Hub's values. */
  isExampleValues: boolean;
}

/** `min-server=28` is `engine=">=28"`, kept for pages written before ranges. */
function atLeast(minimum: string | undefined): VersionRange[] {
  if (minimum === undefined) return [];
  const parsed = parseVersionRange(`>=${minimum}`);
  return parsed.ok ? [parsed.range] : [];
}

export function mergeOptions(page: PageOptions, fence: FenceOptions): SnippetOptions {
  return {
    skip: fence.skip ?? page.skip,
    exit: fence.exit,
    timeoutSeconds: fence.timeout ?? page.timeout,
    tty: fence.tty ?? false,
    stdin: fence.stdin,
    condition: {
      engine: [
        ...atLeast(fence['min-server'] ?? page['min-server']),
        ...(fence.engine ? [fence.engine] : []),
      ],
      client: atLeast(fence['min-client'] ?? page['min-client']),
      store: fence.store,
    },
    file: fence.file,
    sizeTolerance: fence['size-tolerance'],
    isExampleValues: fence['example-values'] ?? false,
  };
}

/** A page's named values, in the order the frontmatter declares them. */
export function listNamedValues(page: PageOptions): NamedValue[] {
  return Object.entries(page.values).map(([name, value]) => ({ name, ...value }));
}
