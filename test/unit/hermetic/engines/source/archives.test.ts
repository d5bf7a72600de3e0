import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { obtainArchive } from '../../../../../scripts/hermetic/engines/source/archives.ts';
import {
  downloadUrlOf,
  MOBY,
  type UpstreamComponent,
} from '../../../../../scripts/hermetic/engines/source/components.ts';

const content = Buffer.from('not really an archive\n');
const component: UpstreamComponent = {
  ...MOBY,
  archive: {
    file: 'moby-29.7.2.tar.xz',
    sha256: createHash('sha256').update(content).digest('hex'),
  },
};

describe('obtainArchive from a sources folder', () => {
  it('takes the archive whose sha256 the recipe names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dfv-sources-'));
    await writeFile(join(dir, 'moby-29.7.2.tar.xz'), content);
    await expect(obtainArchive(component, dir, join(dir, 'downloads'))).resolves.toEqual({
      status: 'from-folder',
      path: join(dir, 'moby-29.7.2.tar.xz'),
    });
  });

  it('refuses another archive, naming the file and both checksums', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dfv-sources-'));
    await writeFile(join(dir, 'moby-29.7.2.tar.xz'), 'other bytes\n');
    await expect(obtainArchive(component, dir, join(dir, 'downloads'))).rejects.toMatchObject({
      code: 'SOURCE_MISMATCH',
      message: expect.stringMatching(
        new RegExp(
          `^${join(dir, 'moby-29.7.2.tar.xz')} has sha256 [0-9a-f]{64}, but the recipe expects ${component.archive.sha256}$`,
        ),
      ),
    });
  });

  it('says which archive is missing and how to make it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dfv-sources-'));
    await expect(obtainArchive(component, dir, join(dir, 'downloads'))).rejects.toMatchObject({
      code: 'SOURCES_MISSING',
      message: `${join(dir, 'moby-29.7.2.tar.xz')} is missing`,
      hint: expect.stringContaining('git archive --prefix=moby-29.7.2/ docker-v29.7.2'),
    });
  });
});

describe('downloadUrlOf', () => {
  it("is the tag's archive on GitHub", () => {
    expect(downloadUrlOf(MOBY)).toBe(
      'https://github.com/moby/moby/archive/refs/tags/docker-v29.7.2.tar.gz',
    );
  });
});
