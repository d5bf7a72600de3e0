import { describe, expect, it } from 'vitest';
import {
  privateAptOptions,
  renderSourcesList,
} from '../../../../scripts/hermetic/plumbing/private-apt.ts';

describe('renderSourcesList', () => {
  it("is one line for one suite, signed by Debian's archive keyring", () => {
    expect(renderSourcesList({ dir: '/c/apt/trixie', kind: 'deb', suite: 'trixie' })).toBe(
      'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n',
    );
    expect(
      renderSourcesList({ dir: '/c/apt/bookworm-src', kind: 'deb-src', suite: 'bookworm' }),
    ).toMatch(/^deb-src .* bookworm main\n$/);
  });
});

describe('privateAptOptions', () => {
  it("points every file apt reads or writes into the private folder, none of /etc/apt's", () => {
    expect(privateAptOptions('/c/apt/trixie')).toEqual([
      '-o',
      'Dir::Etc::SourceList=/c/apt/trixie/sources.list',
      '-o',
      'Dir::Etc::SourceParts=/dev/null',
      '-o',
      'Dir::State::Lists=/c/apt/trixie/lists',
      '-o',
      'Dir::Cache=/c/apt/trixie/cache',
      '-o',
      'APT::Sandbox::User=root',
    ]);
  });
});
