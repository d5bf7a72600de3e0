import { describe, expect, it } from 'vitest';
import { describeCause } from '../../../scripts/lib/judge/causes.ts';
import { findHiddenTool } from '../../../scripts/lib/judge/find-hidden-tool.ts';

const hidden = [
  { tool: 'jq', commands: ['jq'], installedBy: { file: 'registries.mdx', line: 41 } },
  { tool: 'procps', commands: ['ps'], installedBy: undefined },
];

describe('findHiddenTool', () => {
  it('names the later page that installs a tool used too early', () => {
    const cause = findHiddenTool(['bash: jq: command not found'], hidden);
    expect(cause).toEqual({
      kind: 'tool-not-installed',
      tool: 'jq',
      command: 'jq',
      installedBy: { file: 'registries.mdx', line: 41 },
    });
    expect(cause && describeCause(cause)).toBe(
      "jq is not on the reader's PATH yet: jq is installed in registries.mdx (line 41), which comes after this page in reading order",
    );
  });

  it('says so when no page installs it', () => {
    const cause = findHiddenTool(['bash: line 1: ps: command not found'], hidden);
    expect(cause && describeCause(cause)).toContain('no page installs procps');
  });

  it('leaves programs outside the toolbox to the machine', () => {
    expect(findHiddenTool(['bash: kubectl: command not found'], hidden)).toBeUndefined();
    expect(findHiddenTool(['jq: error: syntax'], hidden)).toBeUndefined();
  });
});
