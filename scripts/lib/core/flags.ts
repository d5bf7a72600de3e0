/**
 * The verifier's command-line flags, once: `util.parseArgs` reads this table as it is (it
 * ignores `value` and `help`), the help text is written from it, and messages that tell the user which flag to pass name it through
 * `formatFlag`, so a hint cannot name a flag that does not exist.
 */

interface FlagSpec {
  type: 'boolean' | 'string';
  multiple?: boolean;
  short?: string;
  /** How the value is shown in the help, e.g. `<n>`. */
  value?: string;
  /** One line of help per entry. */
  help: readonly string[];
}

export const flags = {
  update: {
    type: 'boolean',
    help: ['rewrite the documented output of drifted snippets in place'],
  },
  review: {
    type: 'boolean',
    help: [
      "with --update: show each drifted snippet's diff and ask, key by key, whether",
      'to write it (a accept, s skip, A accept all remaining, q quit); needs a terminal',
    ],
  },
  watch: {
    type: 'boolean',
    help: [
      'verify the pages, then again each page you save (and all of them when',
      'verify-examples.json changes), printing what changed; Ctrl-C stops',
    ],
  },
  record: {
    type: 'boolean',
    help: [
      "write the verification record of the pages verified (verify-examples.json's",
      '`record`: one JSON file per page, read by the site)',
    ],
  },
  'check-record': {
    type: 'boolean',
    help: [
      'run nothing: check that the record proves every block as it is now, on every',
      'leg of the matrix it holds on (exit 1 when not)',
    ],
  },
  journey: {
    type: 'boolean',
    help: [
      'on each leg, the pages in reading order (the sidebar) in one Docker and one',
      "reader's folder, a new terminal per page; a failure names the earlier page",
      'whose leftovers caused it; goes with --record, not --update',
    ],
  },
  jobs: {
    type: 'string',
    value: '<n>',
    help: ['pages verified at once (default: the cores, more while they are idle)'],
  },
  retries: {
    type: 'string',
    value: '<n>',
    help: [
      'run a failed page again, up to n times, each in a new Docker (default: 0);',
      'one that then passes is reported as flaky, with what failed before',
    ],
  },
  reporter: {
    type: 'string',
    multiple: true,
    value: '<name[=file]>',
    help: [
      'human, json, junit or github; repeat for several',
      '(default: human, plus github inside GitHub Actions)',
    ],
  },
  shard: {
    type: 'string',
    value: '<i/n>',
    help: ['verify only the i-th of n stable parts of the pages'],
  },
  docker: {
    type: 'string',
    value: '<kind>',
    help: [
      'auto, sandbox (a throwaway daemon per page, needs root) or host',
      '(your daemon; only what the run creates is removed) (default: auto)',
    ],
  },
  leg: {
    type: 'string',
    multiple: true,
    value: '<name>',
    help: [
      'verify on this leg of the hermetic legs.json only, e.g. 28.5/containerd;',
      'repeat for several (default: every leg it lists)',
    ],
  },
  'registry-mirror': {
    type: 'string',
    multiple: true,
    value: '<url>',
    help: ["registry mirror for sandbox daemons (default: your daemon's)"],
  },
  timeout: {
    type: 'string',
    value: '<seconds>',
    help: ['per command, unless a page or fence says otherwise (default: 120)'],
  },
  strict: {
    type: 'boolean',
    help: [
      'shell fences that cannot be checked (output only, Windows, no language)',
      'are errors instead of notes',
    ],
  },
  help: { type: 'boolean', short: 'h', help: ['show this help'] },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof flags;

/** A flag as the user types it: `--docker host`, `--update`. */
export function formatFlag(name: FlagName, value?: string): string {
  return value === undefined ? `--${name}` : `--${name} ${value}`;
}

/** The options part of `--help`, one flag after another, help text in a column. */
export function formatFlagHelp(column = 27): string[] {
  return Object.entries(flags).flatMap(([name, spec]: [string, FlagSpec]) => {
    const short = spec.short ? `-${spec.short}, ` : '';
    const label = `  ${short}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const [first = '', ...rest] = spec.help;
    return [
      `${label.padEnd(column - 1)} ${first}`,
      ...rest.map((line) => `${' '.repeat(column)}${line}`),
    ];
  });
}
