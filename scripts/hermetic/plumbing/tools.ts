// Helpers hermetic runs from the cache, unpacked from bookworm's .debs: the machine keeps
// whatever it has (or lacks) of them.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HermeticPaths } from './config.ts';
import { type DebCache, type Suite, unpackDeb } from './debs.ts';

export const TOOLS = {
  patchelf: { suite: 'bookworm', packages: ['patchelf'] },
  mmdebstrap: { suite: 'bookworm', packages: ['mmdebstrap'] },
  // distribution 2.8.3: the mirror, and the registry:2 image's /bin/registry.
  registry: { suite: 'forky', packages: ['docker-registry'] },
  // dockerd runs iptables to publish ports; the engines' bin gets wrappers (engine-bin.ts).
  iptables: {
    suite: 'bookworm',
    packages: [
      'iptables',
      'libip4tc2',
      'libip6tc2',
      'libxtables12',
      'libnftnl11',
      'libnetfilter-conntrack3',
      'libnfnetlink0',
      'libmnl0',
    ],
  },
  // Sandboxes' egress (lib/run/engine/sandbox/egress.ts), through a wrapper (egress-tool.ts).
  slirp4netns: { suite: 'bookworm', packages: ['slirp4netns', 'libslirp0', 'libglib2.0-0'] },
} as const satisfies Record<string, { suite: Suite; packages: readonly string[] }>;

export type ToolName = keyof typeof TOOLS;

export function toolDirOf(paths: HermeticPaths, tool: ToolName): string {
  return join(paths.toolsDir, tool);
}

/** Unpacks a tool's packages into one folder, once; returns that folder. */
export async function ensureTool(
  paths: HermeticPaths,
  debs: DebCache,
  tool: ToolName,
): Promise<string> {
  const dir = toolDirOf(paths, tool);
  const marker = join(dir, '.unpacked');
  const { suite, packages } = TOOLS[tool];
  const files = await debs.fetch(suite, packages);
  const record = `${packages.map((name) => files[name]).join('\n')}\n`;
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === record) return dir;
  await rm(dir, { recursive: true, force: true });
  for (const name of packages) await unpackDeb(files[name] as string, dir, true);
  await writeFile(marker, record);
  return dir;
}
