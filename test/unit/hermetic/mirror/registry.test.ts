import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderRegistryConfig } from '../../../../scripts/hermetic/mirror/registry.ts';
import { summarizeManifest } from '../../../../scripts/hermetic/mirror/registry-api.ts';
import { resolvePaths } from '../../../../scripts/hermetic/plumbing/config.ts';

describe('renderRegistryConfig', () => {
  it('serves on loopback port 5555 from the cache folder', () => {
    const config = parse(renderRegistryConfig(resolvePaths('/c')));
    expect(config.version).toBe(0.1);
    expect(config.http.addr).toBe('127.0.0.1:5555');
    expect(config.storage.filesystem.rootdirectory).toBe('/c/registry/data');
  });
});

describe('summarizeManifest', () => {
  it('adds the config and layer sizes, as a pull downloads them', () => {
    const manifest = { config: { size: 1469 }, layers: [{ size: 100 }, { size: 20 }] };
    expect(summarizeManifest('sha256:d', manifest)).toEqual({
      digest: 'sha256:d',
      compressedBytes: 1589,
      layers: 2,
    });
  });

  it('reads an index (no config, no layers) as zero bytes', () => {
    expect(summarizeManifest('sha256:d', {})).toEqual({
      digest: 'sha256:d',
      compressedBytes: 0,
      layers: 0,
    });
  });
});
