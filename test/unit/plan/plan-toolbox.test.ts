import { describe, expect, it } from 'vitest';
import { planToolboxes } from '../../../scripts/lib/plan/plan-toolbox.ts';

const toolbox = [
  { name: 'curl', commands: ['curl'] },
  { name: 'jq', commands: ['jq'] },
  { name: 'procps', commands: ['ps', 'pgrep'] },
];

describe('planToolboxes', () => {
  it('gives each page the assumed tools and those installed up to it, and names the later page for the rest', () => {
    const toolboxes = planToolboxes(
      [
        { file: 'first.mdx', installs: [] },
        { file: 'registries.mdx', installs: [{ tool: 'jq', line: 41 }] },
        { file: 'last.mdx', installs: [{ tool: 'jq', line: 7 }] },
      ],
      { assumed: ['curl'], toolbox },
    );
    expect(toolboxes.get('first.mdx')).toEqual({
      visible: ['curl'],
      hidden: [
        { tool: 'jq', commands: ['jq'], installedBy: { file: 'registries.mdx', line: 41 } },
        { tool: 'procps', commands: ['ps', 'pgrep'], installedBy: undefined },
      ],
    });
    expect(toolboxes.get('registries.mdx')?.visible).toEqual(['curl', 'jq']);
    expect(toolboxes.get('last.mdx')?.visible).toEqual(['curl', 'jq']);
  });
});
