import { describe, expect, it } from 'vitest';
import { readTarCommit } from '../../../../../scripts/hermetic/engines/source/tar-commit.ts';

const COMMIT = '6a43e3d5afddf4111da0f864bbc7cae5d7e95001';

/** A tar that starts as `git archive` starts one: a pax global header with the commit. */
function gitArchiveStart(record: string, type = 'g'): Buffer {
  const header = Buffer.alloc(512);
  header.write('pax_global_header', 0, 'latin1');
  header.write(`${record.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write(type, 156, 'latin1');
  const data = Buffer.alloc(512);
  data.write(record, 0, 'utf8');
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

describe('readTarCommit', () => {
  it('reads the commit git archive records', () => {
    expect(readTarCommit(gitArchiveStart(`52 comment=${COMMIT}\n`))).toBe(COMMIT);
  });

  it('finds nothing in a tar without git’s header, or with another record', () => {
    expect(readTarCommit(gitArchiveStart(`52 comment=${COMMIT}\n`, '0'))).toBeUndefined();
    expect(readTarCommit(gitArchiveStart('20 path=some/file\n'))).toBeUndefined();
    expect(readTarCommit(Buffer.alloc(100))).toBeUndefined();
  });
});
