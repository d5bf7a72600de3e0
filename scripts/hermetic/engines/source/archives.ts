// A component's tag archive, checked before anything is built from it: from the sources
// folder (`npm run hermetic -- --sources DIR`), where it must have the recipe's sha256; else
// downloaded from the recipe's repository, where it must carry the recipe's commit (GitHub
// makes its own archive of the tag: other bytes, the same commit and tree).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HermeticError } from '../../plumbing/errors.ts';
import { downloadUrlOf, type UpstreamComponent } from './components.ts';
import { readTarCommit } from './tar-commit.ts';

/** Where the tag archive of a component came from, once checked. */
export type Archive =
  | { status: 'from-folder'; path: string }
  | { status: 'downloaded' | 'download-cached'; path: string; url: string };

/** How `--sources` reads in hints, and where CI's archives are. */
export const SOURCES_HINT =
  'run `npm run hermetic -- --sources DIR` with the folder of tag archives (on the project machine: `--sources ../shared/upstream`)';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** How a download is fetched: the global `fetch`, or a test's stand-in. */
export type Fetcher = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

/** The checked archive of `component`, from `sourcesDir` or, without one, from its URL. */
export async function obtainArchive(
  component: UpstreamComponent,
  sourcesDir: string | undefined,
  downloadsDir: string,
  fetcher: Fetcher = fetch,
): Promise<Archive> {
  if (sourcesDir !== undefined) return checkFolderArchive(component, sourcesDir);
  return downloadArchive(component, downloadsDir, fetcher);
}

/** The sha256 of a file, read as a stream (the archives are tens of megabytes). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function checkFolderArchive(
  component: UpstreamComponent,
  sourcesDir: string,
): Promise<Archive> {
  const path = join(sourcesDir, component.archive.file);
  const isFile = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) {
    throw new HermeticError('SOURCES_MISSING', `${path} is missing`, {
      hint: `the sources folder must hold ${component.archive.file}, \`git archive --prefix=${component.name}-${component.version}/ ${component.tag}\` of ${component.repository} compressed with xz.`,
    });
  }
  const actual = await hashFile(path);
  if (actual !== component.archive.sha256) {
    throw new HermeticError(
      'SOURCE_MISMATCH',
      `${path} has sha256 ${actual}, but the recipe expects ${component.archive.sha256}`,
      {
        hint: `use the archive the recipe names (${component.repository} ${component.tag}, commit ${component.commit}), or correct scripts/hermetic/engines/source/components.ts if the recipe changed.`,
      },
    );
  }
  return { status: 'from-folder', path };
}

async function downloadArchive(
  component: UpstreamComponent,
  downloadsDir: string,
  fetcher: Fetcher,
): Promise<Archive> {
  const url = downloadUrlOf(component);
  const path = join(downloadsDir, `${component.name}-${component.version}.tar.gz`);
  const cached = await readFile(path).catch(() => undefined);
  if (cached && readCommitOfGzip(cached) === component.commit) {
    return { status: 'download-cached', path, url };
  }
  const response = await fetcher(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(
    (error: unknown) => error as Error,
  );
  if (response instanceof Error || !response.ok) {
    const why = response instanceof Error ? response.message : `HTTP ${response.status}`;
    throw new HermeticError(
      'SOURCES_MISSING',
      `no sources for ${component.name} ${component.version}: ${url} cannot be downloaded (${why})`,
      { hint: `${SOURCES_HINT}.`, cause: response },
    );
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const commit = readCommitOfGzip(bytes);
  if (commit !== component.commit) {
    throw new HermeticError(
      'SOURCE_MISMATCH',
      `${url} is commit ${commit ?? '(none recorded)'}, but the recipe expects ${component.commit}`,
      {
        hint: `the tag ${component.tag} may have moved: check it, or ${SOURCES_HINT}.`,
      },
    );
  }
  await mkdir(downloadsDir, { recursive: true });
  await writeFile(`${path}.partial`, bytes);
  await rename(`${path}.partial`, path);
  return { status: 'downloaded', path, url };
}

function readCommitOfGzip(bytes: Buffer): string | undefined {
  try {
    return readTarCommit(gunzipSync(bytes));
  } catch {
    return undefined;
  }
}
