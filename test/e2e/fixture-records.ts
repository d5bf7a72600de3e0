/**
 * Verification records for the fixture pages, written into the copy of the project the e2e
 * site is built from. Made from the pages themselves (their hashes change with the hashing),
 * as a full `--record` run on the matrix would write them, except where a page says that a
 * block changed since: there the record holds the hash of the block's older text.
 */
import { join } from 'node:path';
import { readProjectSettings } from '../../scripts/lib/config/read-project-settings.ts';
import { canHoldOnMatrixLeg } from '../../scripts/lib/core/conditions.ts';
import { extractSnippets, listPageProblems } from '../../scripts/lib/extract/extract-snippets.ts';
import type { Page } from '../../scripts/lib/extract/snippet.ts';
import { type PageRecord, serializeRecord } from '../../scripts/lib/record/record-schema.ts';
import { replaceFile } from '../../scripts/lib/system/replace-file.ts';

/** The Docker each matrix leg stands for in the fixture records. */
const versionsOf: Record<string, { server: string; containerd: string; runc: string }> = {
  '29.7': { server: '29.7.2', containerd: '2.3.3', runc: '1.4.3' },
  '28.5': { server: '28.5.2', containerd: '2.1.9', runc: '1.3.6' },
  '26.1': { server: '26.1.5', containerd: '1.7.24', runc: '1.1.5' },
};

export const fixtureRecordDay = '2026-11-26';

function extract(
  source: string,
  file: string,
  matrix: Parameters<typeof canHoldOnMatrixLeg>[1][],
): Page {
  const extracted = extractSnippets(source, file, { matrix });
  const problems = listPageProblems(extracted.page);
  if (problems.length > 0) throw new Error(`${file}: ${problems.map((d) => d.message).join('; ')}`);
  return extracted.page;
}

/** `verification.mdx`: every block proven, but `$ echo changed` recorded as `$ echo before`. */
export async function writeFixtureRecords(root: string, source: string): Promise<void> {
  const { settings } = await readProjectSettings(root);
  const file = 'src/content/docs/fixtures/verification.mdx';
  const page = extract(source, file, settings.matrix);
  const before = extract(source.replaceAll('changed\n', 'before\n'), file, settings.matrix);
  const record: PageRecord = {
    page: file,
    blocks: page.snippets.map((snippet, index) => {
      const isChanged = snippet.code.includes('echo changed');
      const legs = Object.fromEntries(
        settings.matrix
          .filter(
            (leg) => !snippet.options.skip && canHoldOnMatrixLeg(snippet.options.condition, leg),
          )
          .map((leg) => {
            const versions = versionsOf[leg.engine] ?? {
              server: leg.engine,
              containerd: '',
              runc: '',
            };
            return [
              leg.name,
              {
                result: 'pass' as const,
                date: fixtureRecordDay,
                client: versions.server,
                ...versions,
                store: leg.store,
              },
            ];
          }),
      );
      const hash = isChanged ? (before.snippets[index]?.hash ?? '') : snippet.hash;
      return { line: snippet.line, hash, legs };
    }),
  };
  await replaceFile(
    join(root, 'src/content/verification/fixtures/verification.json'),
    serializeRecord(record),
  );
}
