/**
 * Listings whose rows depend on what else exists on the machine (`docker ps -a`, `docker
 * images`, `docker volume ls`, `docker network ls`, without a filter): a tutorial shows its
 * author's other containers and images, which no reader has. Such a listing is read as a
 * reader reads it: its header as written, each row the page's own commands created exactly
 * (a row naming something an earlier command of the page named), and any other row only by
 * its shape (a row of the header's columns), whether the machine has it or not. A row the
 * machine has that the page did not create (an image pulled before the page) need not be
 * shown. Pure.
 */
import { isListingCommand, type ListingContext } from '../extract/listing-commands.ts';

/** Which column names a row's object, by the header's first words. */
const headers: { pattern: RegExp; column: (fields: string[]) => string | undefined }[] = [
  { pattern: /^CONTAINER ID {2,}/, column: (fields) => fields.at(-1) },
  { pattern: /^REPOSITORY {2,}/, column: (fields) => fields[0] },
  { pattern: /^IMAGE {2,}ID {2,}/, column: (fields) => fields[0]?.split(':')[0] },
  { pattern: /^DRIVER {2,}VOLUME NAME/, column: (fields) => fields.at(-1) },
  { pattern: /^NETWORK ID {2,}/, column: (fields) => fields[1] },
];

const fieldsOf = (line: string) => line.trim().split(/ {2,}/);

export interface ListingRows {
  /** Documented rows (by index) that may stand for no printed row. */
  optional: Set<number>;
  /** Printed rows (by index) left out: objects the page did not create, not shown. */
  foreign: Set<number>;
}

/**
 * The rows of a listing that are compared by shape only (documented) or not at all
 * (printed), for a command that lists everything; none for other commands or output.
 * `isShown(i)`: whether printed row `i` matches some documented line.
 */
export function findListingRows(
  command: string,
  documented: readonly string[],
  printed: readonly string[],
  context: ListingContext,
  isShown: (index: number) => boolean,
): ListingRows {
  const none = { optional: new Set<number>(), foreign: new Set<number>() };
  if (!isListingCommand(command)) return none;
  const headerIndex = documented.findIndex((line) => line.trim() !== '');
  const header = documented[headerIndex] ?? '';
  const kind = headers.find(({ pattern }) => pattern.test(header));
  if (!kind) return none;
  const columns = fieldsOf(header).length;
  const optional = new Set<number>();
  documented.forEach((line, index) => {
    if (index <= headerIndex || line.trim() === '') return;
    const fields = fieldsOf(line);
    const isRowShaped = fields.length >= 2 && fields.length <= columns;
    const name = kind.column(fields);
    if (isRowShaped && (name === undefined || !context.pageWords.has(name))) optional.add(index);
  });
  const foreign = new Set<number>();
  const images = new Set(context.images.flatMap((image) => [image, image.split(':')[0] ?? image]));
  printed.forEach((line, index) => {
    if (line === printed[0] || isShown(index)) return;
    const name = kind.column(fieldsOf(line));
    if (name !== undefined && images.has(name) && !context.pageWords.has(name)) foreign.add(index);
  });
  return { optional, foreign };
}
