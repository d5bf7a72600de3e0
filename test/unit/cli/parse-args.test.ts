import { describe, expect, it } from 'vitest';
import { defaultPatterns, parseCliArgs } from '../../../scripts/lib/cli/parse-args.ts';

describe('parseCliArgs', () => {
  it('has defaults that verify every page', () => {
    const options = parseCliArgs([]);
    expect(options).toMatchObject({
      patterns: defaultPatterns,
      mode: { kind: 'verify' },
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
        '--retries',
        '2',
      ]),
    ).toEqual({
      patterns: ['docs/a.md'],
      mode: { kind: 'update' },
      jobs: 3,
      isJobsFixed: true,
      retries: 2,
      reporters: ['github', 'junit=out/junit.xml'],
      shard: { index: 2, total: 4 },
      docker: 'host',
      legs: ['28.5/containerd', '26.1/overlay2'],
      mirrors: ['http://127.0.0.1:5555'],
      timeoutSeconds: 30,
      isStrict: false,
      isHelp: false,
    });
  });

  it('records what a run proved, which an update would change', () => {
    expect(parseCliArgs(['--record']).mode).toEqual({ kind: 'record' });
    expect(() => parseCliArgs(['--record', '--update'])).toThrow(
      '--record records what a run proved, and --update changes the docs after it',
    );
  });

  it('reviews as an update a person decides, which a record cannot follow either', () => {
    expect(parseCliArgs(['--review']).mode).toEqual({ kind: 'review' });
    expect(parseCliArgs(['--update', '--review']).mode).toEqual({ kind: 'review' });
    expect(() => parseCliArgs(['--review', '--record'])).toThrow(
      '--record records what a run proved',
    );
  });

  it.each([
    [['--update'], '--update'],
    [['--review'], '--update'],
    [['--record'], '--record'],
    [['--check-record'], '--check-record'],
    [['--shard', '1/2'], '--shard'],
  ])('refuses --watch with %j', (argv, flag) => {
    expect(() => parseCliArgs(['--watch', ...argv])).toThrow(`--watch cannot go with ${flag}`);
  });

  it.each([
    [['--update'], '--update'],
    [['--review'], '--update'],
    [['--record'], '--record'],
  ])('refuses --check-record with %j: it runs nothing', (argv, flag) => {
    expect(() => parseCliArgs(['--check-record', ...argv])).toThrow(
      `--check-record runs nothing, so it cannot go with ${flag}`,
    );
    expect(parseCliArgs(['--check-record']).mode).toEqual({ kind: 'check-record' });
  });

  it('watches with the human reporter only', () => {
    expect(parseCliArgs(['--watch']).mode).toEqual({ kind: 'watch' });
    expect(() => parseCliArgs(['--watch', '--reporter', 'json'])).toThrow(
      '--watch prints what changed to the terminal; it cannot go with --reporter json',
    );
  });

  it('travels the pages in reading order, recorded or not, never updated, sharded or watched', () => {
    expect(parseCliArgs(['--journey']).mode).toEqual({ kind: 'journey', isRecord: false });
    expect(parseCliArgs(['--journey', '--record']).mode).toEqual({
      kind: 'journey',
      isRecord: true,
    });
    expect(() => parseCliArgs(['--journey', '--update'])).toThrow(
      '--journey cannot go with --update, which writes what a page prints alone; a journey runs it after the pages before it',
    );
    expect(() => parseCliArgs(['--journey', '--update', '--review'])).toThrow(
      '--journey cannot go with --update',
    );
    expect(() => parseCliArgs(['--journey', '--watch'])).toThrow(
      '--journey cannot go with --watch, which re-runs pages alone as you save them',
    );
    expect(() => parseCliArgs(['--journey', '--check-record'])).toThrow(
      '--journey cannot go with --check-record, which runs nothing',
    );
    expect(() => parseCliArgs(['--journey', '--shard', '1/2'])).toThrow(
      '--journey cannot go with --shard, which splits the pages',
    );
  });

  it('runs a failed page again with --retries, never in a journey or with --check-record', () => {
    expect(parseCliArgs([]).retries).toBe(0);
    expect(parseCliArgs(['--retries', '2']).retries).toBe(2);
    expect(parseCliArgs(['--retries', '1', '--update']).mode).toEqual({ kind: 'update' });
    expect(() => parseCliArgs(['--journey', '--retries', '1'])).toThrow(
      '--journey cannot go with --retries, which runs a failed page again alone',
    );
    expect(parseCliArgs(['--journey', '--retries', '0']).mode.kind).toBe('journey');
    expect(() => parseCliArgs(['--check-record', '--retries', '1'])).toThrow(
      '--check-record runs nothing, so it cannot go with --retries',
    );
  });

  it.each([
    [['--retries=-1'], '--retries takes a number of 0 or more'],
    [['--retries', '1.5'], '--retries takes a whole number'],
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
