/**
 * Who left what in a journey: after each page, what the reader's Docker and folders hold is
 * compared with what was there before; anything new is the page's, with the first line of
 * the page that names it (its `--name`, its `-p`, the file it writes), and anything gone is
 * forgotten. What was there before the first page belongs to no page. Pure.
 */
import type { Page } from '../../extract/snippet.ts';
import { listCommandSteps } from '../../extract/snippet.ts';
import type { Inventory } from '../../run/journey/inventory.ts';
import type { LeftBy, LeftoverSubject, PagePlace } from '../causes.ts';

export interface LedgerEntry {
  /** Identity across inventories: a container by its ID, the rest by name or path. */
  key: string;
  subject: LeftoverSubject;
  /** The page that made it; undefined when it was there before the journey. */
  page: PagePlace | undefined;
}

export type Ledger = readonly LedgerEntry[];

/** Everything an inventory holds, keyed. */
export function listSubjects(inventory: Inventory): { key: string; subject: LeftoverSubject }[] {
  return [
    ...inventory.containers.flatMap((container) => [
      {
        key: `container:${container.id}`,
        subject: {
          kind: 'container' as const,
          name: container.name,
          id: container.id,
          image: container.image,
          isRunning: container.isRunning,
        },
      },
      ...container.ports.map((port) => ({
        key: `port:${port}:${container.id}`,
        subject: { kind: 'port' as const, port, container: container.name },
      })),
    ]),
    ...inventory.images.map((name) => ({
      key: `image:${name}`,
      subject: { kind: 'image' as const, name },
    })),
    ...inventory.volumes.map((name) => ({
      key: `volume:${name}`,
      subject: { kind: 'volume' as const, name },
    })),
    ...inventory.networks.map((name) => ({
      key: `network:${name}`,
      subject: { kind: 'network' as const, name },
    })),
    ...inventory.files.map((path) => ({
      key: `file:${path}`,
      subject: { kind: 'file' as const, path },
    })),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name standing as a word of its own in a text (`registry`, not `my-registry`). */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w-])`).test(text);
}

/** How a page would write a subject: a container's name, `5000:`, an image's repository. */
export function wordsOf(subject: LeftoverSubject): string[] {
  switch (subject.kind) {
    case 'port':
      return [`${subject.port}:`];
    case 'image': {
      const repository = subject.name.replace(/:[^:/]+$/, '');
      return [repository.replace(/^(?:docker\.io\/)?library\//, '')];
    }
    case 'file':
      return [subject.path.replace(/^~\//, '').split('/')[0] ?? subject.path];
    default:
      return [subject.name];
  }
}

/** The first line of the page whose command (or written file) names the subject. */
export function findLineNaming(page: Page, subject: LeftoverSubject): number | undefined {
  const words = wordsOf(subject);
  const isNamed = (text: string) =>
    subject.kind === 'port'
      ? words.some((word) => new RegExp(`(?<!\\d)${escapeRegExp(word)}`).test(text))
      : words.some((word) => mentions(text, word));
  const named = findLine(page, isNamed);
  if (named !== undefined || subject.kind !== 'container') return named;
  // A container with a name Docker made up: the first command that runs its image.
  const image = wordsOf({ kind: 'image', name: subject.image })[0] ?? subject.image;
  return findLine(page, (text) => /\b(?:run|create|up)\b/.test(text) && mentions(text, image));
}

function findLine(page: Page, isNamed: (text: string) => boolean): number | undefined {
  for (const snippet of page.snippets) {
    if (snippet.body.kind === 'file' && isNamed(snippet.body.path)) return snippet.line;
    for (const step of listCommandSteps(snippet)) if (isNamed(step.command)) return step.line;
  }
  return undefined;
}

/** The ledger before the first page: whatever is there belongs to no page. */
export function startLedger(inventory: Inventory): Ledger {
  return listSubjects(inventory).map(({ key, subject }) => ({ key, subject, page: undefined }));
}

/** The ledger after `page` ran, from what is there now. */
export function updateLedger(ledger: Ledger, inventory: Inventory, page: Page): Ledger {
  const known = new Map(ledger.map((entry) => [entry.key, entry]));
  return listSubjects(inventory).map(({ key, subject }) => {
    const earlier = known.get(key);
    if (earlier) return { ...earlier, subject };
    return { key, subject, page: { file: page.file, line: findLineNaming(page, subject) } };
  });
}

/** What earlier pages left, as causes name it. */
export function listLeftBy(ledger: Ledger): LeftBy[] {
  return ledger.flatMap((entry) =>
    entry.page ? [{ subject: entry.subject, page: entry.page }] : [],
  );
}

/** What earlier pages left that the inventory still holds. */
export function listStillThere(ledger: Ledger, inventory: Inventory): LeftBy[] {
  const present = new Set(listSubjects(inventory).map((item) => item.key));
  return listLeftBy(ledger.filter((entry) => present.has(entry.key)));
}
