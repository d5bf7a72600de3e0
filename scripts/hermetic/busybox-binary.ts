// busybox compiled from Debian's bookworm source package the way the official image is:
// upstream's defconfig, static. Debian's busybox-static turns FEATURE_SH_EXTRA_QUIET off,
// so its `sh` greets an interactive user with a banner the official image never shows.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { HermeticPaths } from './config.ts';
import { HermeticError } from './errors.ts';
import { type CommandResult, runCommand, tailOutput } from './exec.ts';
import { applyKconfigSettings, findUnappliedSettings } from './kconfig.ts';
import { downloadSource, type PrivateApt, updatePrivateApt } from './private-apt.ts';

/** Changed from upstream's defconfig; every other option stays as defconfig sets it. */
export const BUSYBOX_SETTINGS: Readonly<Record<string, 'y'>> = {
  CONFIG_STATIC: 'y',
  CONFIG_FEATURE_SH_EXTRA_QUIET: 'y',
};

/** Applets the docs run; a build without one of them is a failed build. */
const REQUIRED_APPLETS = [
  ...['sh', 'echo', 'cat', 'ls', 'hostname', 'uname', 'ps', 'sleep'],
  ...['httpd', 'wget', 'date', 'id', 'whoami', 'top', 'nc', 'env'],
] as const;

/** The build's own source: a change to either means a new build. */
const RECIPE_FILES = [
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('./kconfig.ts', import.meta.url)),
];

const recordSchema = z.object({
  sourceVersion: z.string(),
  recipe: z.string(),
  sha256: z.string(),
  builtAt: z.string(),
});

/** What the cached binary was built from: the Debian source version and this recipe. */
export type BusyboxBuild = z.infer<typeof recordSchema>;

export type BusyboxOutcome =
  | { status: 'cached'; build: BusyboxBuild }
  | { status: 'built'; build: BusyboxBuild; seconds: number };

export function busyboxBinaryPath(paths: HermeticPaths): string {
  return join(paths.busyboxDir, 'busybox');
}

/** The record of the cached build, when its binary is still the one recorded. */
export async function readBusyboxBuild(paths: HermeticPaths): Promise<BusyboxBuild | undefined> {
  const text = await readFile(join(paths.busyboxDir, 'build.json'), 'utf8').catch(() => '');
  let record: BusyboxBuild;
  try {
    record = recordSchema.parse(JSON.parse(text));
  } catch {
    // No record, or one cut short by an interrupted run: build again.
    return undefined;
  }
  const binary = await readFile(busyboxBinaryPath(paths)).catch(() => undefined);
  return binary && sha256(binary) === record.sha256 ? record : undefined;
}

/**
 * The busybox binary for the image: cached once built by this recipe (no network),
 * otherwise fetched from Debian's bookworm sources and compiled (about two minutes).
 */
export async function ensureBusyboxBinary(paths: HermeticPaths): Promise<BusyboxOutcome> {
  const recipe = sha256(
    Buffer.concat(await Promise.all(RECIPE_FILES.map((file) => readFile(file)))),
  );
  const cached = await readBusyboxBuild(paths);
  if (cached?.recipe === recipe) return { status: 'cached', build: cached };
  const started = performance.now();
  const workDir = join(paths.buildDir, 'busybox-source');
  await rm(workDir, { recursive: true, force: true });
  try {
    const build = { ...(await compileBusybox(paths, workDir)), recipe };
    await mkdir(paths.busyboxDir, { recursive: true });
    await copyFile(join(workDir, 'tree', 'busybox'), busyboxBinaryPath(paths));
    await writeFile(join(paths.busyboxDir, 'build.json'), `${JSON.stringify(build, null, 2)}\n`);
    return { status: 'built', build, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function compileBusybox(
  paths: HermeticPaths,
  workDir: string,
): Promise<Omit<BusyboxBuild, 'recipe'>> {
  const apt: PrivateApt = {
    dir: join(paths.aptDir, 'bookworm-src'),
    kind: 'deb-src',
    suite: 'bookworm',
  };
  await updatePrivateApt(apt);
  await downloadSource(apt, 'busybox', workDir);
  const dsc = (await readdir(workDir)).find((name) => name.endsWith('.dsc')) ?? 'busybox.dsc';
  const tree = join(workDir, 'tree');
  // dpkg-source applies Debian's patches, its CVE fixes among them.
  step('dpkg-source', await runCommand('dpkg-source', ['-x', dsc, tree], { cwd: workDir }));
  const changelog = join(tree, 'debian', 'changelog');
  const sourceVersion = await readChangelogField(changelog, 'Version');
  // The banner's build date is the changelog's, so one source builds one binary.
  const env = {
    ...process.env,
    SOURCE_DATE_EPOCH: await readChangelogField(changelog, 'Timestamp'),
  };
  step('make defconfig', await runCommand('make', ['defconfig'], { cwd: tree, env }));
  const configPath = join(tree, '.config');
  const defconfig = await readFile(configPath, 'utf8');
  await writeFile(configPath, applyKconfigSettings(defconfig, BUSYBOX_SETTINGS));
  // make runs kconfig's silentoldconfig first, which may still drop an option.
  const jobs = `-j${availableParallelism()}`;
  step('make', await runCommand('make', [jobs], { cwd: tree, env }));
  const config = await readFile(configPath, 'utf8');
  const list = await runCommand(join(tree, 'busybox'), ['--list']);
  step('busybox --list', list);
  const applets = new Set(list.stdout.split('\n'));
  const missing = [
    ...findUnappliedSettings(config, BUSYBOX_SETTINGS),
    ...REQUIRED_APPLETS.filter((name) => !applets.has(name)),
  ];
  if (missing.length > 0) {
    throw new HermeticError(
      'BUILD_FAILED',
      `busybox ${sourceVersion}: built without ${missing.join(', ')}`,
      {
        hint: 'busybox-binary.ts sets its options on top of `make defconfig`; check them against this source version.',
      },
    );
  }
  const binary = await readFile(join(tree, 'busybox'));
  return { sourceVersion, sha256: sha256(binary), builtAt: new Date().toISOString() };
}

async function readChangelogField(changelog: string, field: string): Promise<string> {
  const result = await runCommand('dpkg-parsechangelog', ['-l', changelog, `-S${field}`]);
  step(`dpkg-parsechangelog -S${field}`, result);
  return result.stdout.trim();
}

function step(name: string, result: CommandResult): void {
  if (!result.failed) return;
  throw new HermeticError('BUILD_FAILED', `busybox: ${name} failed:\n${tailOutput(result)}`, {
    hint: `run \`${result.command}\` by hand to see the whole output.`,
    cause: result,
  });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
