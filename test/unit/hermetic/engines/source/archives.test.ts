import { createHash } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** What GitHub serves for a tag: a gzipped tar whose pax header records `commit`. */
function tagArchive(commit: string): Uint8Array<ArrayBuffer> {
  const record = `52 comment=${commit}\n`;
  const header = Buffer.alloc(512);
  header.write('pax_global_header', 0, 'latin1');
  header.write(`${record.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('g', 156, 'latin1');
  const data = Buffer.alloc(512);
  data.write(record);
  return new Uint8Array(gzipSync(Buffer.concat([header, data, Buffer.alloc(1024)])));
}

describe('obtainArchive without a sources folder', () => {
  it("downloads the tag's archive, checks its commit and keeps it for the next run", async () => {
    const downloads = await mkdtemp(join(tmpdir(), 'dfv-downloads-'));
    const urls: string[] = [];
    const fetcher = async (url: string) => {
      urls.push(url);
      return new Response(tagArchive(MOBY.commit));
    };
    const first = await obtainArchive(MOBY, undefined, downloads, fetcher);
    expect(first).toMatchObject({ status: 'downloaded', url: downloadUrlOf(MOBY) });
    const again = await obtainArchive(MOBY, undefined, downloads, fetcher);
    expect(again.status).toBe('download-cached');
    expect(urls).toEqual([downloadUrlOf(MOBY)]);
  });

  it('refuses an archive of another commit, and keeps nothing of it', async () => {
    const downloads = await mkdtemp(join(tmpdir(), 'dfv-downloads-'));
    const fetcher = async () => new Response(tagArchive('0'.repeat(40)));
    await expect(obtainArchive(MOBY, undefined, downloads, fetcher)).rejects.toMatchObject({
      code: 'SOURCE_MISMATCH',
      message: `${downloadUrlOf(MOBY)} is commit ${'0'.repeat(40)}, but the recipe expects ${MOBY.commit}`,
    });
    expect(await readdir(downloads)).toEqual([]);
  });

  it('says to pass --sources where the repository cannot be reached', async () => {
    const downloads = await mkdtemp(join(tmpdir(), 'dfv-downloads-'));
    const fetcher = async () => {
      throw new Error('getaddrinfo ENOTFOUND github.com');
    };
    await expect(obtainArchive(MOBY, undefined, downloads, fetcher)).rejects.toMatchObject({
      code: 'SOURCES_MISSING',
      message: expect.stringContaining('getaddrinfo ENOTFOUND github.com'),
      hint: expect.stringContaining('npm run hermetic -- --sources DIR'),
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
