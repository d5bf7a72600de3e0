/**
 * The dependency rules of the repository (../shared/STYLE.md: "a layout that shows the
 * architecture"), as data, and a checker that names every import breaking one with its
 * file:line. The checker reads import statements as text; it resolves relative specifiers,
 * so it sees what the module graph sees.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';

/**
 * The checker's stages in pipeline order, after the shared base (core, system): a folder may
 * import its own and earlier ones, never later ones, so data flows one way.
 */
export const stageOrder = [
  'core',
  'system',
  'cli',
  'collect',
  'config',
  'extract',
  'plan',
  'run',
  'judge',
  'update',
  'record',
  'report',
  'review',
  'orchestrate',
  'watch',
  'modes',
] as const;

/** Stages that are pure: no files, processes or network, and only types from system/. */
export const pureStages = ['core', 'plan', 'judge'];

/** Modules that do I/O, which a pure stage never imports. */
export const ioModules = [
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:net',
  'node:http',
  'node:https',
  'node:dgram',
  'node:readline',
  'node:worker_threads',
  'execa',
];

/** What hermetic may use of the checker: its pure core and its I/O helpers. */
export const hermeticMayImport = ['core', 'system'];

/** What the site may use of the checker: the grammar, the settings and the record. */
export const siteMayImport = ['core', 'system', 'config', 'extract', 'record'];

export interface Violation {
  /** `file:line`, the file relative to the root. */
  where: string;
  /** The import as written. */
  specifier: string;
  rule: string;
}

interface ImportLine {
  specifier: string;
  line: number;
  isTypeOnly: boolean;
}

const importPattern =
  /(?:^|\n)[ \t]*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Pure: every import and re-export of a module's text, with its line. */
export function listImports(text: string): ImportLine[] {
  const imports: ImportLine[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4];
    if (specifier === undefined) continue;
    const start = match.index + (match[0].startsWith('\n') ? 1 : 0);
    const clause = match[2] ?? '';
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]?.split(',') ?? [];
    const isEveryNameType =
      names.length > 0 && names.every((name) => /^\s*type\s/.test(name) || name.trim() === '');
    imports.push({
      specifier,
      line: text.slice(0, start).split('\n').length,
      isTypeOnly: match[1] !== undefined || isEveryNameType,
    });
  }
  return imports;
}

/** Where a file sits: `lib:<stage>`, `hermetic`, `site`, `test`, or `other`. */
function zoneOf(path: string): string {
  const lib = /^scripts\/lib\/([^/]+)\//.exec(path);
  if (lib) return `lib:${lib[1]}`;
  if (path === 'scripts/hermetic.ts' || path.startsWith('scripts/hermetic/')) return 'hermetic';
  if (path === 'scripts/verify-examples.ts') return 'checker';
  if (path.startsWith('src/')) return 'site';
  // The test runner's settings belong with the tests (its sequencer lives in test/helpers).
  if (path.startsWith('test/') || path === 'vitest.config.ts') return 'test';
  return 'other';
}

/** Pure: the rule an import from `from` to `specifier` breaks, if any. */
export function checkImport(from: string, entry: ImportLine): string | undefined {
  const zone = zoneOf(from);
  const stage = zone.startsWith('lib:') ? zone.slice(4) : undefined;
  if (!entry.specifier.startsWith('.')) {
    if (stage && pureStages.includes(stage) && ioModules.includes(entry.specifier)) {
      return `scripts/lib/${stage} is pure: it does no I/O (${entry.specifier})`;
    }
    return undefined;
  }
  const target = join(dirname(from), entry.specifier).split(sep).join('/');
  const targetZone = zoneOf(target);
  const targetStage = targetZone.startsWith('lib:') ? targetZone.slice(4) : undefined;
  if (targetZone === 'test' && zone !== 'test') {
    return 'nothing outside test/ imports test/';
  }
  if ((stage || zone === 'checker') && targetZone === 'hermetic') {
    return 'the checker (scripts/lib) never imports scripts/hermetic: it reads legs.json';
  }
  if (zone === 'hermetic' && targetStage && !hermeticMayImport.includes(targetStage)) {
    return `scripts/hermetic may import only scripts/lib/${hermeticMayImport.join(' and scripts/lib/')}`;
  }
  if (zone === 'site' && targetStage && !siteMayImport.includes(targetStage)) {
    return `the site may import only scripts/lib/{${siteMayImport.join(',')}}`;
  }
  if (!stage || !targetStage || targetStage === stage) return undefined;
  const order: readonly string[] = stageOrder;
  if (!order.includes(stage)) return `scripts/lib/${stage} is not a stage of the pipeline`;
  if (stage === 'core') return 'scripts/lib/core depends on nothing else';
  if (!order.includes(targetStage) || order.indexOf(targetStage) > order.indexOf(stage)) {
    return `scripts/lib/${stage} may not import scripts/lib/${targetStage}, a later stage`;
  }
  if (pureStages.includes(stage) && targetStage === 'system' && !entry.isTypeOnly) {
    return `scripts/lib/${stage} is pure: it does no I/O (only types from scripts/lib/system)`;
  }
  return undefined;
}

/** Every import of the repository below `root` that breaks a rule, in file order. */
export async function findViolations(root: string): Promise<Violation[]> {
  const files = await glob(['**/*.{ts,mts,mjs,js,astro}'], {
    cwd: root,
    ignore: ['**/node_modules/**', 'dist/**', 'bundle/**', '.astro/**', 'test/fixtures/**'],
  });
  const violations: Violation[] = [];
  for (const file of files.sort()) {
    const path = relative(root, join(root, file)).split(sep).join('/');
    const text = await readFile(join(root, file), 'utf8');
    for (const entry of listImports(text)) {
      const rule = checkImport(path, entry);
      if (rule)
        violations.push({ where: `${path}:${entry.line}`, specifier: entry.specifier, rule });
    }
  }
  return violations;
}
