import type { SourcePosition } from '../../../scripts/lib/core/errors.ts';
import { SiteError } from '../../utils/site-error.ts';
import type { AccessibilityField } from './check-accessibility.ts';

const fieldMeanings: Record<AccessibilityField, string> = {
  accTitle: 'an accessible title (`accTitle: …`)',
  accDescr: 'an accessible description (`accDescr: …` or `accDescr { … }`)',
};

/**
 * Every diagram must name and describe itself, because the SVG is all a screen reader gets:
 * mermaid turns these lines into the SVG's `<title>` and `<desc>`.
 */
export function createInaccessibleDiagramError(
  missing: readonly AccessibilityField[],
  fence: SourcePosition,
): SiteError {
  const expected = missing.map((field) => fieldMeanings[field]).join(' and ');
  return new SiteError(
    'DIAGRAM_INACCESSIBLE',
    `Unexpected mermaid diagram without ${missing.join(' or ')}, expected ${expected}`,
    {
      position: fence,
      hint:
        'Add the missing lines right after the diagram type, for example:\n' +
        '  flowchart LR\n' +
        '    accTitle: How a container reaches the network\n' +
        '    accDescr: The container talks to a bridge, which forwards to the host.\n' +
        'See https://mermaid.js.org/config/accessibility.html',
    },
  );
}

/**
 * A diagram mermaid could not draw. `line` counts inside the diagram, so the position is
 * the fence's line plus it: line 1 of the diagram is the line after the opening fence.
 */
export function createInvalidDiagramError(
  failure: { message: string; line: number | undefined },
  fence: SourcePosition,
): SiteError {
  const position = { file: fence.file, line: fence.line + (failure.line ?? 0) };
  const where = failure.line === undefined ? '' : ` (diagram line ${failure.line})`;
  return new SiteError(
    'DIAGRAM_INVALID',
    `Mermaid cannot draw this diagram${where}: ${failure.message}`,
    {
      position,
      hint:
        'Fix the diagram so mermaid accepts it; paste it into https://mermaid.live to see the ' +
        'problem as you edit. The line is counted from the top of the file.',
    },
  );
}
