/**
 * The reader's toolbox on each page: the tools they are assumed to have, plus every tool a
 * page up to this one in reading order told them to install. A tool of the toolbox that is
 * not there yet is hidden from the page's PATH; if a later page installs it, the page that
 * uses it too early is told which one. Pure.
 */

/** A page of the reading order, with the tools it installs and where it shows how. */
export interface ReaderPage {
  file: string;
  installs: readonly { tool: string; line: number | undefined }[];
}

/** Where a tool comes into the reader's toolbox. */
export interface ToolSource {
  file: string;
  line: number | undefined;
}

/** What one page's commands find on PATH, of the toolbox. */
export interface PageToolbox {
  /** The toolbox tools on PATH: assumed, or installed here or earlier. */
  visible: string[];
  /** Every toolbox tool not on PATH, its commands, and the later page that installs it. */
  hidden: HiddenTool[];
}

export interface HiddenTool {
  tool: string;
  commands: readonly string[];
  installedBy: ToolSource | undefined;
}

/** A tool of the reader's toolbox and the commands it puts on PATH (core/reader-toolbox.ts). */
export interface ToolCommands {
  name: string;
  commands: readonly string[];
}

export interface ToolboxPlan {
  /** Tools a reader has before the first page (the settings' `reader.tools`). */
  assumed: readonly string[];
  /** Every tool of the reader's toolbox. */
  toolbox: readonly ToolCommands[];
}

/** The toolbox of each page of `order`, by file. */
export function planToolboxes(
  order: readonly ReaderPage[],
  plan: ToolboxPlan,
): Map<string, PageToolbox> {
  const firstInstall = new Map<string, { index: number; source: ToolSource }>();
  for (const [index, page] of order.entries()) {
    for (const { tool, line } of page.installs) {
      if (!firstInstall.has(tool))
        firstInstall.set(tool, { index, source: { file: page.file, line } });
    }
  }
  const toolboxes = new Map<string, PageToolbox>();
  for (const [index, page] of order.entries()) {
    const isThere = (tool: string) =>
      plan.assumed.includes(tool) || (firstInstall.get(tool)?.index ?? Infinity) <= index;
    toolboxes.set(page.file, {
      visible: plan.toolbox.filter((tool) => isThere(tool.name)).map((tool) => tool.name),
      hidden: plan.toolbox
        .filter((tool) => !isThere(tool.name))
        .map(({ name, commands }) => ({
          tool: name,
          commands,
          installedBy: firstInstall.get(name)?.source,
        })),
    });
  }
  return toolboxes;
}
