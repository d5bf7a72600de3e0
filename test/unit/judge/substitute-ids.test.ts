import { describe, expect, it } from 'vitest';
import { createIdBinder } from '../../../scripts/lib/judge/bind-ids.ts';
import { showSubstitutedIds, substituteIds } from '../../../scripts/lib/judge/substitute-ids.ts';

const hex = (start: string) => start.padEnd(64, '0');

describe('substituteIds', () => {
  const binder = createIdBinder();
  binder.bind(hex('305297d7a235'), hex('1a2b3c4d5e6f'), 3);
  binder.bind('ff0a5c3750b9', '9e8d7c6b5a40', 8);

  it('types the real IDs for those the page printed, as many digits as the page typed', () => {
    expect(substituteIds('docker rm 305297d7a235 ff0a', binder)).toEqual({
      command: 'docker rm 1a2b3c4d5e6f 9e8d',
      substitutions: [
        { shown: '305297d7a235', actual: '1a2b3c4d5e6f' },
        { shown: 'ff0a', actual: '9e8d' },
      ],
    });
  });

  it('leaves other words alone: names, paths, numbers, IDs never printed', () => {
    const command =
      'docker run --name cafe -v /data/3052:/x busybox sleep 3000; docker rm 0123456789ab';
    expect(substituteIds(command, binder)).toEqual({ command, substitutions: [] });
  });

  it('shows what the command echoes of a short prefix as the page typed it', () => {
    const { substitutions } = substituteIds('docker rm 3052 ff0a', binder);
    expect(showSubstitutedIds('1a2b\n9e8d\n', substitutions)).toBe('3052\nff0a\n');
  });
});
