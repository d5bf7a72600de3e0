import { describe, expect, it } from 'vitest';
import { findMissingPlugin } from '../../../scripts/lib/judge/find-missing-plugin.ts';

const rootUsage = [
  'unknown flag: --progress',
  '',
  'Usage:  docker [OPTIONS] COMMAND [ARG...]',
  '',
  "Run 'docker --help' for more information",
].join('\n');

describe('findMissingPlugin', () => {
  it('blames the machine when docker says the plugin is no command of its', () => {
    const problem = findMissingPlugin(
      'docker compose up -d',
      "docker: 'compose' is not a docker command.\nSee 'docker --help'",
      [],
    );
    expect(problem?.code).toBe('MISSING_TOOL');
    expect(problem?.message).toContain('`docker compose` is not installed here');
  });

  it("blames the machine for a plugin's flag that docker itself rejects with its own usage", () => {
    expect(
      findMissingPlugin('docker compose --progress quiet up -d', rootUsage, [])?.message,
    ).toContain('docker has no compose plugin');
    expect(
      findMissingPlugin('cd app && docker buildx ls --format json', rootUsage, [])?.message,
    ).toContain('docker has no buildx plugin');
  });

  it("leaves the page's own mistakes to the page", () => {
    // The plugin is there and rejects the flag with its own usage.
    const pluginUsage = 'unknown flag: --nope\n\nUsage:  docker compose up [OPTIONS] [SERVICE...]';
    expect(findMissingPlugin('docker compose up --nope', pluginUsage, [])).toBeUndefined();
    // docker's own command, not a plugin.
    expect(findMissingPlugin('docker run --nope busybox', rootUsage, [])).toBeUndefined();
    // A typo is no plugin.
    expect(
      findMissingPlugin('docker contaner ls', "docker: 'contaner' is not a docker command.", []),
    ).toBeUndefined();
    // The page shows the failure on purpose.
    expect(
      findMissingPlugin('docker compose version', "docker: 'compose' is not a docker command.", [
        "docker: 'compose' is not a docker command.",
      ]),
    ).toBeUndefined();
  });
});

describe('findMissingPlugin, for builds', () => {
  it('blames the machine for a build the legacy builder ran because docker has no buildx', () => {
    const output = [
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
      '            Install the buildx component to build images with BuildKit:',
      '            https://docs.docker.com/go/buildx/',
      '',
      'sha256:3301b7489485a27d15491f327467e5f0260cd6ad3b806bd88d4a2600bd83e039',
    ].join('\n');
    expect(findMissingPlugin('docker build -q -t notes .', output, [])?.message).toContain(
      'docker has no buildx plugin',
    );
    expect(findMissingPlugin('docker build -q -t notes .', 'sha256:3301b7', [])).toBeUndefined();
  });
});
