/**
 * Commands that list every object of a kind (`docker ps -a`, `docker images`, `docker volume
 * ls`, `docker network ls`, without a filter), and what the page typed before one: the judge
 * reads their rows as a reader does (judge/listing-rows.ts). Pure.
 */

/** What the page had done before the command, as far as listings need it. */
export interface ListingContext {
  /** Every word the page's earlier commands typed (names, images, volumes). */
  pageWords: ReadonlySet<string>;
  /** Images every page starts with: their rows need not be shown. */
  images: readonly string[];
}

const listingCommand =
  /^\s*(?:sudo\s+)?docker\s+(?:ps|container\s+(?:ls|list|ps)|images|image\s+(?:ls|list)|volume\s+(?:ls|list)|network\s+(?:ls|list))((?:\s+-[-\w]+(?:=\S+)?)*)\s*$/;

/** Whether the command lists every object of its kind (no filter, no name). */
export function isListingCommand(command: string): boolean {
  const match = listingCommand.exec(command);
  if (!match) return false;
  return !/(?:^|\s)(?:-f|--filter)(?:[\s=]|$)/.test(match[1] ?? '');
}

/** What the page's earlier commands typed, word by word (`name:tag` also as `name`). */
export function collectWords(commands: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const command of commands)
    for (const raw of command.split(/[\s=]+/)) {
      const word = raw.replace(/^['"]|['"]$/g, '');
      if (word === '' || word.startsWith('-')) continue;
      words.add(word);
      for (const part of word.split(/[:@/]/)) if (part !== '') words.add(part);
    }
  return words;
}
