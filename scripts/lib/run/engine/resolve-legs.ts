/**
 * Which Dockers a run verifies the pages on. `--docker host` is one leg, the user's daemon.
 * Otherwise legs hermetic lists in its legs.json (those of the project's matrix, all of them
 * without a matrix, or those `--leg` names), each in
 * sandboxes of its own engine; without legs.json, one sandbox leg from the dockerd on PATH;
 * where sandboxes cannot run and nothing asked for one, the user's daemon. A leg of the
 * project's matrix that this machine lacks is an error in CI and reported as not verified
 * elsewhere (unless `--leg` or `--docker host` chose the legs).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { VerifyError } from '../../core/errors.ts';
import { formatFlag } from '../../core/flags.ts';
import {
  type EngineKind,
  type LegsFile,
  type MatrixLeg,
  type RunLeg,
  SCRATCH_MARKER,
} from '../../core/legs.ts';
import { hashMachineRecipe } from '../../core/reader-toolbox.ts';
import { readLegsFile, resolveLegsFilePath } from '../../system/legs-file.ts';
import { findSandboxBlockers } from './sandbox/find-blockers.ts';

export const engineChoices = ['auto', 'sandbox', 'host'] as const;
export type EngineChoice = (typeof engineChoices)[number];

export interface LegChoice {
  docker: EngineChoice;
  /** `--leg` names; empty for every leg legs.json lists. */
  names: readonly string[];
  /** In CI a leg that was asked for and cannot run is an error, never a skip. */
  isCi: boolean;
  /** The project's legs (verify-examples.json). */
  matrix?: readonly MatrixLeg[];
}

export interface ResolvedLegs {
  legs: RunLeg[];
  /** Legs of legs.json that cannot run on this machine, and why (never in CI). */
  missing: { name: string; reason: string }[];
  /** The registry mirror legs.json names, for its legs' sandboxes. */
  mirror: string | undefined;
  /** The reader's machine legs.json names, when it was made from this verifier's recipe. */
  machineRoot?: string | undefined;
  /** The sandboxes' egress program legs.json names (sandbox/egress.ts); else from PATH. */
  egress?: string | undefined;
  /** The folder sandboxes keep their state in, when hermetic mounted one; else the temporary folder. */
  scratch?: string | undefined;
}

/** The one leg of a run without legs.json: its name is settled once its daemon answers. */
export function singleLeg(kind: EngineKind): RunLeg {
  return { name: kind, kind, bin: undefined, store: undefined };
}

/** What a leg's engine needs from its `bin` folder to start sandboxes and sessions. */
const legPrograms = ['dockerd', 'containerd', 'containerd-shim-runc-v2', 'runc', 'docker'];

function findMissingPrograms(bin: string): string[] {
  return legPrograms.filter((program) => {
    try {
      accessSync(join(bin, program), constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
}

async function readLegs(path: string): Promise<LegsFile | undefined> {
  try {
    return await readLegsFile(path);
  } catch (error) {
    throw new VerifyError('INVALID_OPTION', `${path} is not a legs file this verifier reads`, {
      cause: error,
      hint: 'Run `npm run hermetic` again to rewrite it.',
    });
  }
}

function cannotRunSandboxes(blockers: readonly string[]): VerifyError {
  return new VerifyError('SANDBOX_FAILED', `Cannot run sandboxes here: ${blockers.join('; ')}.`, {
    hint: `Run as root with util-linux, iproute2, slirp4netns and dockerd installed, or use ${formatFlag('docker', 'host')}.`,
  });
}

/**
 * The legs `--leg` names; without any, the legs of the project's matrix that legs.json has,
 * or every leg of legs.json when the project has no matrix. A leg the machine provides
 * beyond the matrix (an engine kept for comparison) runs only when `--leg` names it.
 */
function pickLegs(
  file: LegsFile,
  path: string,
  names: readonly string[],
  matrix: readonly MatrixLeg[],
): LegsFile['legs'] {
  if (names.length === 0 && matrix.length > 0) {
    return file.legs.filter((leg) => matrix.some((entry) => entry.name === leg.name));
  }
  if (names.length === 0) return file.legs;
  return [...new Set(names)].map((name) => {
    const leg = file.legs.find((candidate) => candidate.name === name);
    if (leg) return leg;
    const known = file.legs.map((candidate) => candidate.name).join(', ');
    throw new VerifyError('USAGE', `Unknown leg ${name}, expected one of ${known} (${path})`, {
      hint: `Name a leg of legs.json with ${formatFlag('leg')}.`,
    });
  });
}

/**
 * Legs of the matrix this machine does not provide: an error in CI (the docs would be
 * verified on less than they claim), else named in the report. Not asked when `--leg` or
 * `--docker host` chose the legs.
 */
function findLackingMatrixLegs(
  choice: LegChoice,
  file: LegsFile | undefined,
  path: string,
): ResolvedLegs['missing'] {
  if (choice.names.length > 0 || choice.docker === 'host') return [];
  const provided = file?.legs.map((leg) => leg.name) ?? [];
  const lacking = (choice.matrix ?? []).filter((leg) => !provided.includes(leg.name));
  if (lacking.length === 0) return [];
  const reason = file ? `${path} does not list it` : `${path} is missing`;
  if (choice.isCi) {
    const names = lacking.map((leg) => leg.name).join(', ');
    throw new VerifyError(
      'SANDBOX_FAILED',
      `This machine lacks legs of the matrix: ${names} (${reason}).`,
      {
        hint: `Run \`npm run hermetic\` (as root) to provide them, or choose legs with ${formatFlag('leg')}.`,
      },
    );
  }
  return lacking.map((leg) => ({ name: leg.name, reason }));
}

export interface ResolveOptions {
  legsFile?: string;
  /** What keeps sandboxes from running here (tests pass their own machine). */
  findBlockers?: typeof findSandboxBlockers;
  /** TMPDIR, set, names where sandboxes go instead of legs.json's scratch folder. */
  env?: NodeJS.ProcessEnv;
}

export async function resolveLegs(
  choice: LegChoice,
  {
    legsFile = resolveLegsFilePath(),
    findBlockers = findSandboxBlockers,
    env = process.env,
  }: ResolveOptions = {},
): Promise<ResolvedLegs> {
  const none = { missing: [], mirror: undefined };
  if (choice.docker === 'host') {
    if (choice.names.length > 0) {
      throw new VerifyError(
        'USAGE',
        `${formatFlag('leg')} picks legs of legs.json, which run in sandboxes; ${formatFlag('docker', 'host')} is your own daemon`,
        { hint: `Leave out one of ${formatFlag('leg')} and ${formatFlag('docker', 'host')}.` },
      );
    }
    return { legs: [singleLeg('host')], ...none };
  }
  const file = await readLegs(legsFile);
  const lacking = findLackingMatrixLegs(choice, file, legsFile);
  if (!file) {
    if (choice.names.length > 0) {
      throw new VerifyError('USAGE', `${formatFlag('leg')} needs ${legsFile}, which is missing`, {
        hint: 'Run `npm run hermetic` (as root) to set up its engines and legs.',
      });
    }
    const blockers = findBlockers();
    const fallback = { mirror: undefined, missing: lacking };
    if (blockers.length === 0) return { legs: [singleLeg('sandbox')], ...fallback };
    if (choice.docker === 'auto') return { legs: [singleLeg('host')], ...fallback };
    throw cannotRunSandboxes(blockers);
  }
  const asked = pickLegs(file, legsFile, choice.names, choice.matrix ?? []);
  const egress = file.tools?.slirp4netns;
  const blockers = findBlockers({ isBinOfLeg: true, egress });
  if (blockers.length > 0) {
    const isAsked = choice.docker === 'sandbox' || choice.names.length > 0 || choice.isCi;
    if (!isAsked) return { legs: [singleLeg('host')], ...none };
    throw cannotRunSandboxes(blockers);
  }
  const legs: RunLeg[] = [];
  const missing: ResolvedLegs['missing'] = [...lacking];
  for (const leg of asked) {
    const absent = findMissingPrograms(leg.bin);
    if (absent.length === 0) {
      const provided = { versions: leg.versions, ...(leg.origins ? { origins: leg.origins } : {}) };
      legs.push({ name: leg.name, kind: 'sandbox', bin: leg.bin, store: leg.store, provided });
      continue;
    }
    const reason = `${leg.bin} lacks ${absent.join(', ')}`;
    if (choice.isCi) {
      throw new VerifyError('SANDBOX_FAILED', `Leg ${leg.name} cannot run here: ${reason}.`, {
        hint: 'Run `npm run hermetic` (as root) to unpack its engine again.',
      });
    }
    missing.push({ name: leg.name, reason });
  }
  if (legs.length === 0) {
    throw new VerifyError('SANDBOX_FAILED', 'No leg of legs.json can run here.', {
      hint: 'Run `npm run hermetic` (as root) to unpack the engines again.',
    });
  }
  const machineRoot = file.machine?.recipe === hashMachineRecipe() ? file.machine.root : undefined;
  // Unmounted (after a reboot, before `npm run hermetic` again), the folder lacks the marker;
  // a TMPDIR the user set is their choice of where sandboxes go.
  const isMounted = file.scratch && existsSync(join(file.scratch, SCRATCH_MARKER));
  const scratch = isMounted && !env['TMPDIR'] ? file.scratch : undefined;
  return {
    legs,
    missing,
    mirror: file.mirror,
    machineRoot,
    ...(egress ? { egress } : {}),
    ...(scratch ? { scratch } : {}),
  };
}
