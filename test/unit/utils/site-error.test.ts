import { describe, expect, it } from 'vitest';
import { SiteError } from '../../../src/utils/site-error.ts';

describe('SiteError', () => {
  it('starts its message with file:line and carries code, hint and position', () => {
    const cause = new Error('underlying');
    const error = new SiteError('DIAGRAM_INVALID', 'Mermaid cannot draw this diagram', {
      position: { file: 'src/content/docs/a.mdx', line: 7, column: 3 },
      hint: 'Fix it.',
      cause,
    });
    expect(error.message).toBe('src/content/docs/a.mdx:7:3: Mermaid cannot draw this diagram');
    expect(error).toMatchObject({
      name: 'SiteError',
      code: 'DIAGRAM_INVALID',
      hint: 'Fix it.',
      cause,
    });
    expect([error.line, error.column]).toEqual([7, 3]);
  });

  it('has no location when there is no position', () => {
    const error = new SiteError('BROWSER_NOT_FOUND', 'No Chromium found', { hint: 'Install it.' });
    expect(error.message).toBe('No Chromium found');
    expect([error.line, error.column, error.position]).toEqual([undefined, undefined, undefined]);
  });
});
