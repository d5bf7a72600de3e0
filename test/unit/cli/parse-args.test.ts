import { describe, expect, it } from 'vitest';
import { defaultPatterns, parseCliArgs } from '../../../scripts/lib/cli/parse-args.ts';

describe('parseCliArgs', () => {
  it('has defaults that verify every page', () => {
    const options = parseCliArgs([]);
    expect(options).toMatchObject({
      patterns: defaultPatterns,
      isUpdate: false,
      reporters: ['human'],
      docker: 'auto',
      timeoutSeconds: 120,
    });
    expect(options.jobs).toBeGreaterThanOrEqual(1);
  });

  it('reads every option', () => {
    expect(
      parseCliArgs([
        'docs/a.md',
        '--update',
        '--jobs',
        '3',
        '--reporter',
        'github',
        '--reporter',
        'junit=out/junit.xml',
        '--shard',
        '2/4',
        '--docker',
        'host',
        '--leg',
        '28.5/containerd',
        '--leg',
        '26.1/overlay2',
        '--registry-mirror',
        'http://127.0.0.1:5555',
        '--timeout',
        '30',
      ]),
    ).toEqual({
      patterns: ['docs/a.md'],
      isUpdate: true,
      isRecord: false,
      isCheckRecord: false,
      jobs: 3,
      reporters: ['github', 'junit=out/junit.xml'],
      shard: { index: 2, total: 4 },
      docker: 'host',
      legs: ['28.5/containerd', '26.1/overlay2'],
      mirrors: ['http://127.0.0.1:5555'],
      timeoutSeconds: 30,
      isHelp: false,
    });
  });

  it('records what a run proved, which an update would change', () => {
    expect(parseCliArgs(['--record']).isRecord).toBe(true);
    expect(() => parseCliArgs(['--record', '--update'])).toThrow(
      '--record records what a run proved, and --update changes the docs after it',
    );
  });

  it.each([
    [['--jobs', '0'], '--jobs takes a number of 1 or more'],
    [['--jobs', 'many'], 'Invalid input: expected number, received NaN'],
    [['--shard', '5/4'], '--shard i/n needs 1 <= i <= n'],
    [['--shard', 'half'], '--shard takes i/n, e.g. 2/4'],
    [['--docker', 'podman'], '--docker takes auto, sandbox or host'],
    [['--registry-mirror', 'nope'], '--registry-mirror takes a URL such as http://127.0.0.1:5555'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
