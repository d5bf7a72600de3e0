import { describe, expect, it } from 'vitest';
import { findMissingAccessibility } from '../../../../src/integrations/mermaid/check-accessibility.ts';

describe('findMissingAccessibility', () => {
  it.each([
    ['both lines', 'flowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B', []],
    [
      'a block description',
      'sequenceDiagram\n  accTitle: T\n  accDescr {\n    D\n  }\n  A->>B: hi',
      [],
    ],
    ['no title', 'flowchart LR\n  accDescr: D\n  A --> B', ['accTitle']],
    ['no description', 'flowchart LR\n  accTitle: T\n  A --> B', ['accDescr']],
    ['neither', 'flowchart LR\n  A --> B', ['accTitle', 'accDescr']],
    [
      'empty lines',
      'flowchart LR\n  accTitle:\n  accDescr:   \n  A --> B',
      ['accTitle', 'accDescr'],
    ],
    [
      'lines commented out',
      'flowchart LR\n  %% accTitle: T\n  %% accDescr: D',
      ['accTitle', 'accDescr'],
    ],
    [
      'the words in a label',
      'flowchart LR\n  A[accTitle: T] --> B[accDescr: D]',
      ['accTitle', 'accDescr'],
    ],
  ])('with %s', (_, source, expected) => {
    expect(findMissingAccessibility(source)).toEqual(expected);
  });
});
