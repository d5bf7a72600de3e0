import { describe, expect, it } from 'vitest';
import {
  hashMachineRecipe,
  listHiddenCommands,
  listMachinePackages,
  toolbox,
} from '../../../scripts/lib/core/reader-toolbox.ts';

describe('the reader toolbox', () => {
  it('installs every tool and what the machine needs, each package once, sorted', () => {
    const packages = listMachinePackages();
    expect(packages).toEqual([...new Set(packages)].sort());
    for (const tool of toolbox) expect(packages).toContain(tool.package);
    expect(packages).toContain('iptables');
  });

  it('names each tool once and gives each a command', () => {
    const names = toolbox.map((tool) => tool.name);
    expect(names).toEqual([...new Set(names)]);
    for (const tool of toolbox) expect(tool.commands.length).toBeGreaterThan(0);
  });

  it('hides the commands of every tool not listed as visible', () => {
    const hidden = listHiddenCommands(['curl', 'procps']);
    expect(hidden).toContain('jq');
    expect(hidden).toContain('git');
    expect(hidden).not.toContain('curl');
    expect(hidden).not.toContain('ps');
    expect(listHiddenCommands(toolbox.map((tool) => tool.name))).toEqual([]);
  });

  it('names the root after its recipe, the same each time', () => {
    expect(hashMachineRecipe()).toMatch(/^[0-9a-f]{16}$/);
    expect(hashMachineRecipe()).toBe(hashMachineRecipe());
  });
});
