import { describe, expect, it } from 'vitest';
import { createNotes } from '../../../bench/lib/notes.ts';

describe('createNotes', () => {
  it('keeps one note per headline with a count and the first details', () => {
    const notes = createNotes();
    notes.add('verify did not pass', 'exit 1 (1 drift)');
    notes.add('cram did not pass');
    notes.add('verify did not pass', 'exit 1 (2 drift)');
    expect(notes.list()).toEqual([
      'verify did not pass (2 runs): exit 1 (1 drift)',
      'cram did not pass',
    ]);
  });
});
