import { linesWildcard, lineWildcard } from '../core/wildcards.ts';

/**
 * Elisions as people write them in documented output, read as the verifier's wildcards when
 * a page or project enables them (`output.elisions`): `…` or `[...]` alone on a line stands
 * for any lines, inside a line for any text; `<placeholder>` for any text within the line.
 * `<none>` and `<missing>` are Docker's own words (`docker images`, `docker history`), never
 * placeholders. Pure; the documented side only.
 */
const ellipsis = /…|\[\.\.\.\]/g;
const placeholder = /<(?!none>|missing>)[A-Za-z][\w .:/-]*>/g;

export function expandElisions(line: string): string {
  const trimmed = line.trim();
  if (trimmed === '…' || trimmed === '[...]') return linesWildcard;
  return line.replace(ellipsis, lineWildcard).replace(placeholder, lineWildcard);
}
