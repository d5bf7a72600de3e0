import { describe, expect, it } from 'vitest';
import {
  findLineNaming,
  listLeftBy,
  listStillThere,
  startLedger,
  updateLedger,
} from '../../../../scripts/lib/judge/journey/track-leftovers.ts';
import type { Inventory } from '../../../../scripts/lib/run/journey/inventory.ts';
import { extractValidPage } from '../../../helpers/extract-page.ts';

const empty: Inventory = { containers: [], images: [], volumes: [], networks: [], files: [] };

const registries = extractValidPage(
  [
    '```console',
    '$ docker pull busybox',
    '$ docker run -d --name registry -p 5000:5000 registry:2',
    '$ mkdir notes',
    '$ docker run busybox true',
    '```',
  ].join('\n'),
  'registries.mdx',
);

describe('the ledger of a journey', () => {
  it('gives what a page made to the page, at the line that names it', () => {
    const after: Inventory = {
      containers: [
        { id: 'c1', name: 'registry', image: 'registry:2', isRunning: true, ports: [5000] },
        { id: 'c2', name: 'jolly_hopper', image: 'busybox', isRunning: false, ports: [] },
      ],
      images: ['busybox:latest', 'registry:2'],
      volumes: ['4f2e'],
      networks: [],
      files: ['notes'],
    };
    const ledger = updateLedger(startLedger(empty), after, registries);
    expect(listLeftBy(ledger)).toEqual([
      {
        subject: {
          kind: 'container',
          name: 'registry',
          id: 'c1',
          image: 'registry:2',
          isRunning: true,
        },
        page: { file: 'registries.mdx', line: 3 },
      },
      {
        subject: { kind: 'port', port: 5000, container: 'registry' },
        page: { file: 'registries.mdx', line: 3 },
      },
      {
        subject: {
          kind: 'container',
          name: 'jolly_hopper',
          id: 'c2',
          image: 'busybox',
          isRunning: false,
        },
        page: { file: 'registries.mdx', line: 5 },
      },
      {
        subject: { kind: 'image', name: 'busybox:latest' },
        page: { file: 'registries.mdx', line: 2 },
      },
      { subject: { kind: 'image', name: 'registry:2' }, page: { file: 'registries.mdx', line: 3 } },
      {
        subject: { kind: 'volume', name: '4f2e' },
        page: { file: 'registries.mdx', line: undefined },
      },
      { subject: { kind: 'file', path: 'notes' }, page: { file: 'registries.mdx', line: 4 } },
    ]);
  });

  it('keeps the first page that made something, forgets what is gone, and owns nothing from before', () => {
    const before: Inventory = { ...empty, images: ['mine:1'] };
    const first = updateLedger(startLedger(before), { ...before, volumes: ['data'] }, registries);
    const later = extractValidPage('```console\n$ docker volume ls\n```\n', 'later.mdx');
    const second = updateLedger(first, { ...before, volumes: ['data'], networks: ['net'] }, later);
    expect(listLeftBy(second).map((entry) => [entry.subject, entry.page.file])).toEqual([
      [{ kind: 'volume', name: 'data' }, 'registries.mdx'],
      [{ kind: 'network', name: 'net' }, 'later.mdx'],
    ]);
    expect(listStillThere(second, { ...empty, networks: ['net'] })).toHaveLength(1);
  });

  it('finds a port where the page publishes it, not in a longer number', () => {
    const page = extractValidPage(
      '```console\n$ echo 15000:1\n$ docker run -p 5000:80 x\n```\n',
      'p.mdx',
    );
    expect(findLineNaming(page, { kind: 'port', port: 5000, container: 'x' })).toBe(3);
  });
});
