import { describe, expect, it } from 'vitest';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';
import { findPageFindings } from '../../../scripts/lib/report/findings.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const kernel = { name: 'KERNEL', shown: '6.8.0-45-generic', pattern: '\\d+\\.\\d+\\S*' };

const page = `---
verify:
  values:
    KERNEL: { shown: 6.8.0-45-generic, pattern: '\\d+\\.\\d+\\S*' }
---

\`\`\`console
$ uname -r
6.8.0-45-generic
$ docker run --rm busybox uname -r
6.8.0-45-generic
\`\`\`

\`\`\`console
$ docker run --rm debian:bookworm-slim uname -a
Linux 0123456789ab 6.8.0-45-generic #1 SMP x86_64 GNU/Linux
\`\`\`
`;

describe('compareOutput with named values', () => {
  it('lets a shown value stand for any text its pattern allows, and captures it', () => {
    const comparison = compareOutput(
      ['Kernel: 6.8.0-45-generic (x86_64)'],
      ['Kernel: 6.18.44-fc-v657 (x86_64)'],
      [kernel],
    );
    expect(comparison.matches).toBe(true);
    expect(comparison.values).toEqual([{ name: 'KERNEL', text: '6.18.44-fc-v657', origin: 0 }]);
  });

  it('drifts where the text does not fit the pattern', () => {
    expect(compareOutput(['6.8.0-45-generic'], ['unknown'], [kernel]).matches).toBe(false);
  });

  it('keeps wildcards and redactions working around a value', () => {
    const comparison = compareOutput(
      ['[..] 6.8.0-45-generic built 2024-01-02'],
      ['host 6.18.44 built 2026-11-26'],
      [kernel],
    );
    expect(comparison.matches).toBe(true);
    expect(comparison.values.map((value) => value.text)).toEqual(['6.18.44']);
  });

  it('without values, treats the shown text as any other text', () => {
    expect(compareOutput(['6.8.0-45-generic'], ['6.18.44'], []).matches).toBe(false);
  });
});

describe('bindValues, through judgePage', () => {
  it('binds a value to what its first occurrence printed and passes when every later one agrees', () => {
    const same = simulatePage(page, 'a.mdx', (step) =>
      step === 2
        ? ['Linux 9f8e7d6c5b4a 6.18.44-fc-v657 #1 SMP x86_64 GNU/Linux']
        : ['6.18.44-fc-v657'],
    );
    expect(same.results.map((snippet) => snippet.status)).toEqual(['pass', 'pass']);
    expect(same.values).toEqual([
      { name: 'KERNEL', shown: '6.8.0-45-generic', actual: '6.18.44-fc-v657', line: 9 },
    ]);
  });

  it('drifts where a later occurrence differs, naming the value and both texts', () => {
    const result = simulatePage(page, 'a.mdx', (step) =>
      step === 2 ? ['Linux 9f8e7d6c5b4a 6.18.45 #1 SMP x86_64 GNU/Linux'] : ['6.18.44'],
    );
    expect(result.results.map((snippet) => snippet.status)).toEqual(['pass', 'drift']);
    const [finding] = findPageFindings(result);
    expect(finding?.line).toBe(15);
    expect(finding?.summary).toBe('KERNEL differs from where the page first printed it');
    expect(finding?.details.map((line) => line.text)).toContain(
      '-KERNEL = 6.18.44  (a.mdx:9, first printed)',
    );
    expect(finding?.details.map((line) => line.text)).toContain('+KERNEL = 6.18.45  (a.mdx:16)');
  });

  it('binds per page and leg: another leg binds afresh', () => {
    const first = simulatePage(page, 'a.mdx', () => ['6.18.44'], '28.5/overlay2');
    const second = simulatePage(
      page,
      'a.mdx',
      (step) => (step === 2 ? ['Linux 9f8e7d6c5b4a 5.10.0 #1 SMP x86_64 GNU/Linux'] : ['5.10.0']),
      '26.1/overlay2',
    );
    expect(first.values[0]?.actual).toBe('6.18.44');
    expect(second.values[0]?.actual).toBe('5.10.0');
    expect(second.results.map((snippet) => snippet.status)).toEqual(['pass', 'pass']);
  });
});
