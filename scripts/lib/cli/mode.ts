/**
 * What a run does, as one tagged value parsed from the flags (as trycmd's `Mode`): verify
 * (the default), update, review (an update a person decides), record, check-record, watch
 * or journey (the pages in reading order in one reader's world, recorded or not). Flags that select modes which cannot go together are refused here, each pair with
 * its reason and what to do instead, before anything runs. A new mode is one entry of the
 * union, its flag (core/flags.ts, `modeFlags` here) and one module in modes/ (modes.ts lists
 * it; a kind without a module does not compile).
 */
import { VerifyError } from '../core/errors.ts';
import { type FlagName, formatFlag } from '../core/flags.ts';

export type Mode =
  | { kind: 'verify' }
  | { kind: 'update' }
  | { kind: 'review' }
  | { kind: 'record' }
  | { kind: 'check-record' }
  | { kind: 'watch' }
  /** `--journey`, with `--record`: the record then says each page was proven in reading order. */
  | { kind: 'journey'; isRecord: boolean };
export type ModeKind = Mode['kind'];

/** The flags that choose a mode, in the order their clashes are reported. */
const modeFlags = ['update', 'review', 'record', 'check-record', 'watch'] as const;
type ModeFlag = (typeof modeFlags)[number];

/** What `--journey` goes with: `--record` only (see refuseWithJourney). */
const journeyRefuses = ['update', 'review', 'check-record', 'watch'] as const;

/** What the other flags of the command line say that a mode may refuse. */
export interface ModeContext {
  isSharded: boolean;
  /** `--retries` above 0: pages that fail run again, each alone in a new Docker. */
  isRetried?: boolean | undefined;
  reporters: readonly string[];
}

/** Whether a mode writes the docs (reports say `--update`) or the record (`--record`). */
export function describeWrites(mode: Mode): { isUpdate: boolean; isRecord: boolean } {
  return {
    isUpdate: mode.kind === 'update' || mode.kind === 'review',
    isRecord: mode.kind === 'record' || (mode.kind === 'journey' && mode.isRecord),
  };
}

/** The mode the flags ask for; a usage error naming both flags when two cannot go together. */
export function parseMode(
  given: Partial<Record<ModeFlag | 'journey', boolean>>,
  context: ModeContext,
): Mode {
  if (given.journey) return parseJourney(given, context);
  // Reviewing is updating with a person deciding each change: `--update --review` is a review.
  const flags = modeFlags.filter((flag) => given[flag] && !(flag === 'update' && given.review));
  const [first, second] = flags;
  if (second !== undefined && first !== undefined) throw refuseTogether(first, second);
  const mode: Mode = { kind: first ?? 'verify' };
  if (mode.kind === 'watch') checkWatch(context);
  if (mode.kind === 'check-record' && context.isRetried) {
    throw new VerifyError(
      'USAGE',
      `${formatFlag('check-record')} runs nothing, so it cannot go with ${formatFlag('retries')}`,
      { hint: `Leave out ${formatFlag('retries')}.` },
    );
  }
  return mode;
}

const shownAs = (flag: ModeFlag): FlagName => (flag === 'review' ? 'update' : flag);

function refuseTogether(first: ModeFlag, second: ModeFlag): VerifyError {
  if (second === 'watch') return refuseWithWatch(first);
  if (second === 'record') {
    // The run proved the output as it was, not the output --update writes.
    return new VerifyError(
      'USAGE',
      `${formatFlag('record')} records what a run proved, and ${formatFlag('update')} changes the docs after it`,
      { hint: `Run with ${formatFlag('update')} first, then with ${formatFlag('record')}.` },
    );
  }
  return new VerifyError(
    'USAGE',
    `${formatFlag('check-record')} runs nothing, so it cannot go with ${formatFlag(shownAs(first))}`,
    {
      hint: `Run with ${formatFlag(shownAs(first))} first, then ${formatFlag('check-record')} on its own.`,
    },
  );
}

function refuseWithWatch(flag: ModeFlag | 'shard'): VerifyError {
  const shown = flag === 'shard' ? flag : shownAs(flag);
  return new VerifyError(
    'USAGE',
    `${formatFlag('watch')} cannot go with ${formatFlag(shown)}: it re-runs pages as you save them`,
    {
      hint: `Stop watching and run once with ${formatFlag(shown)} (e.g. \`${formatFlag('update')} ${formatFlag('review')}\` to accept drift).`,
    },
  );
}

/** Watching prints what changed to the terminal and re-runs pages as they are saved. */
function checkWatch(context: ModeContext): void {
  const reporter = context.reporters.find((spec) => spec !== 'human');
  if (reporter) {
    throw new VerifyError(
      'USAGE',
      `${formatFlag('watch')} prints what changed to the terminal; it cannot go with ${formatFlag('reporter', reporter)}`,
      { hint: `Leave out ${formatFlag('reporter')} while watching.` },
    );
  }
  if (context.isSharded) throw refuseWithWatch('shard');
}

/**
 * `--journey` verifies what a reader sees after the pages before; it goes with `--record`
 * (the record says so), and with nothing that runs a page alone or rewrites it: `--update`
 * would write what a page prints after the others, which the page alone does not print.
 */
function parseJourney(given: Partial<Record<ModeFlag, boolean>>, context: ModeContext): Mode {
  const clash = journeyRefuses.find((flag) => given[flag]);
  if (clash === 'watch' || clash === 'check-record') {
    const reason = clash === 'watch' ? 're-runs pages alone as you save them' : 'runs nothing';
    return refuse(
      `${formatFlag(clash)}, which ${reason}`,
      `Run ${formatFlag('journey')} on its own.`,
    );
  }
  if (clash) {
    return refuse(
      `${formatFlag(shownAs(clash))}, which writes what a page prints alone; a journey runs it after the pages before it`,
      `Update the page without ${formatFlag('journey')} (\`${formatFlag('update')} <page>\`), then run the journey again.`,
    );
  }
  if (context.isSharded) {
    return refuse(
      `${formatFlag('shard')}, which splits the pages; a journey needs every page before the one it checks`,
      'Run the journey in one job (one job per leg: --leg NAME).',
    );
  }
  if (context.isRetried) {
    return refuse(
      `${formatFlag('retries')}, which runs a failed page again alone; in a journey it runs after the pages before it`,
      `Run the journey again, or find the flaky page without ${formatFlag('journey')} (\`${formatFlag('retries')} 1 <page>\`).`,
    );
  }
  return { kind: 'journey', isRecord: given.record === true };
}

function refuse(what: string, hint: string): never {
  throw new VerifyError('USAGE', `${formatFlag('journey')} cannot go with ${what}`, { hint });
}
