/**
 * A page that says it installs a tool (`verify.installs`) must show its reader how: some line
 * of its text (prose or a block) runs a package manager's install with the tool's name or its
 * package's (`sudo apt-get install -y jq`, `brew install jq`, `winget install jqlang.jq`).
 * Pure.
 */
import type { Diagnostic } from '../core/errors.ts';
import type { FrontmatterLineOf } from './read-page-options.ts';

/** Package managers a reader installs tools with, and the word that installs. */
const installCommand =
  /\b(?:(?:apt-get|apt|aptitude|dnf|yum|zypper|brew|port|snap|choco|winget|scoop|nix-env)\s+(?:[^\n]*?\s)?(?:install|-i)|apk\s+(?:[^\n]*?\s)?add|pacman\s+(?:[^\n]*?\s)?-S\w*)\s/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a line of the page installs one of `names` with a package manager. */
export function showsInstall(line: string, names: readonly string[]): boolean {
  const match = installCommand.exec(line);
  if (!match) return false;
  const rest = line.slice(match.index + match[0].length - 1);
  // A package named on its own (`jq`), or after an id's dot (`jqlang.jq`): not `jq-doc`.
  return names.some((name) =>
    new RegExp(`(?:^|[\\s.:/])${escapeRegExp(name)}(?![\\w-])`).test(rest),
  );
}

/** A tool the page installs, and the line of the page that shows how (undefined: none does). */
export interface ShownInstall {
  tool: string;
  line: number | undefined;
}

/**
 * Where the page shows each tool of `installs` being installed: its first line that does.
 * `packagesOf` gives the names a tool goes by in package managers (its own name first).
 */
export function locateInstalls(
  source: string,
  installs: readonly string[],
  packagesOf: (tool: string) => readonly string[] = (tool) => [tool],
): ShownInstall[] {
  const lines = source.split(/\r?\n/);
  return installs.map((tool) => {
    const index = lines.findIndex((line) => showsInstall(line, packagesOf(tool)));
    return { tool, line: index === -1 ? undefined : index + 1 };
  });
}

/** A diagnostic at `installs[i]` for each tool whose install the page's text never shows. */
export function checkInstallsShown(
  file: string,
  shown: readonly ShownInstall[],
  lineOf: FrontmatterLineOf,
): Diagnostic[] {
  return shown.flatMap(({ tool, line }, index) => {
    if (line !== undefined) return [];
    return [
      {
        code: 'INVALID_OPTION',
        message: `The page installs ${tool} (verify.installs) but never shows how: no line installs it with a package manager`,
        position: { file, line: lineOf(['installs', index]) },
        hint: `Show the install, e.g. \`sudo apt-get install -y ${tool}\` or \`brew install ${tool}\`, or leave ${tool} out of verify.installs.`,
      },
    ];
  });
}
