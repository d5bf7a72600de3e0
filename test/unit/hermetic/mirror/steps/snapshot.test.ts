import { describe, expect, it } from 'vitest';
import {
  diffSnapshots,
  parseFindOutput,
  type Snapshot,
  sortInTarOrder,
} from '../../../../../scripts/hermetic/mirror/steps/snapshot.ts';

const snapshot = (entries: Record<string, string>): Snapshot => new Map(Object.entries(entries));

describe('diffSnapshots', () => {
  const before = snapshot({
    etc: 'd:1:493:0:0',
    'etc/passwd': 'f:2:100:100:900',
    'etc/group': 'f:3:100:100:400',
    var: 'd:4:493:0:0',
    'var/cache': 'd:5:493:0:0',
    'var/cache/old': 'd:6:493:0:0',
    'var/cache/old/data': 'f:7:100:100:10',
    home: 'd:8:493:0:0',
  });

  it('finds nothing in an unchanged root', () => {
    expect(diffSnapshots(before, new Map(before))).toEqual({ changed: [], removed: [] });
  });

  it('names what a step added or changed with the folders above it, and what it removed', () => {
    const after = snapshot({
      etc: 'd:1:493:0:0',
      'etc/passwd': 'f:9:200:200:950',
      'etc/group': 'f:3:100:100:400',
      var: 'd:4:493:0:0',
      'var/cache': 'd:5:493:0:0',
      home: 'd:8:493:0:0',
      'home/node': 'd:10:493:1000:1000',
      'home/node/.bashrc': 'f:11:200:200:3526',
    });
    expect(diffSnapshots(before, after)).toEqual({
      changed: ['etc', 'etc/passwd', 'home', 'home/node', 'home/node/.bashrc', 'var', 'var/cache'],
      removed: ['var/cache/old'],
    });
  });

  it('takes a folder with a new mode or owner for a change, not one with new entries only', () => {
    const after = snapshot({ ...Object.fromEntries(before), var: 'd:4:1023:0:0' });
    expect(diffSnapshots(before, after).changed).toEqual(['var']);
  });

  it('whites out what a folder held when it became a file', () => {
    const after = snapshot({ ...Object.fromEntries(before), 'var/cache/old': 'f:12:300:300:1' });
    after.delete('var/cache/old/data');
    expect(diffSnapshots(before, after)).toEqual({
      changed: ['var', 'var/cache', 'var/cache/old'],
      removed: [],
    });
  });
});

describe('sortInTarOrder', () => {
  it('walks folder by folder, names byte-wise', () => {
    expect(sortInTarOrder(['a-c', 'a/b', 'a', 'B', 'a/b/c', 'a.d'])).toEqual([
      'B',
      'a',
      'a/b',
      'a/b/c',
      'a-c',
      'a.d',
    ]);
  });
});

describe('parseFindOutput', () => {
  it('reads find -printf records, names with spaces, and leaves out what is excluded', () => {
    const output = [
      'd 1 1.5 1.5 4096 755 0 0 proc',
      'f 2 1.5 1.5 0 444 0 0 proc/cpuinfo',
      'd 3 1.5 1.5 4096 755 0 0 etc',
      'f 4 2.5 2.25 12 644 0 0 etc/my file',
      'l 5 3.5 3.5 7 777 0 0 bin',
      '',
    ].join('\0');
    expect(parseFindOutput(output, (path) => path.startsWith('proc/'))).toEqual(
      snapshot({
        proc: 'd:1:755:0:0',
        etc: 'd:3:755:0:0',
        'etc/my file': 'f:4:2.5:2.25:12',
        bin: 'l:5:3.5:3.5:7',
      }),
    );
  });
});
