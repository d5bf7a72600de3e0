/**
 * Splits a fence's meta string (everything after the language) into tokens, the way
 * Expressive Code reads it, so our options can live next to its own (`title="..."`,
 * `{1-3}`, `/regex/`) without breaking highlighting.
 */

export type MetaToken =
  | { kind: 'option'; key: string; value: string | true; column: number }
  /** Expressive Code's bare `{1,3-5}` ranges, `"text"` and `/regex/` markers. */
  | { kind: 'marker'; text: string; column: number };

export type MetaParseResult =
  | { ok: true; tokens: MetaToken[] }
  | { ok: false; message: string; column: number };

const escapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" };

function readQuoted(meta: string, start: number): { value: string; end: number } | undefined {
  const quote = meta[start];
  let value = '';
  for (let index = start + 1; index < meta.length; index++) {
    const char = meta[index] ?? '';
    if (char === quote) return { value, end: index + 1 };
    if (char === '\\' && index + 1 < meta.length) {
      const next = meta[index + 1] ?? '';
      value += escapes[next] ?? `\\${next}`;
      index++;
    } else {
      value += char;
    }
  }
  return undefined;
}

function readUntil(meta: string, start: number, closing: string): number | undefined {
  const end = meta.indexOf(closing, start + 1);
  return end === -1 ? undefined : end + 1;
}

/** Reads a value that is quoted, a `{...}` range list, or runs to the next space. */
function readValue(meta: string, start: number): { value: string; end: number } | undefined {
  const first = meta[start];
  if (first === '"' || first === "'") return readQuoted(meta, start);
  if (first === '{') {
    const end = readUntil(meta, start, '}');
    return end === undefined ? undefined : { value: meta.slice(start, end), end };
  }
  let end = start;
  while (end < meta.length && !/\s/.test(meta[end] ?? '')) end++;
  return { value: meta.slice(start, end), end };
}

export function parseFenceMeta(meta: string): MetaParseResult {
  const tokens: MetaToken[] = [];
  let index = 0;
  while (index < meta.length) {
    const char = meta[index] ?? '';
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const column = index;
    if (char === '{' || char === '/' || char === '"' || char === "'") {
      const closing = char === '{' ? '}' : char;
      const end =
        char === '"' || char === "'"
          ? readQuoted(meta, index)?.end
          : readUntil(meta, index, closing);
      if (end === undefined) return { ok: false, message: `Unclosed \`${char}\``, column };
      tokens.push({ kind: 'marker', text: meta.slice(index, end), column });
      index = end;
      continue;
    }
    const key = /^[A-Za-z][\w-]*/.exec(meta.slice(index))?.[0];
    if (!key)
      return { ok: false, message: `Unexpected \`${char}\`, expected an option name`, column };
    index += key.length;
    if (meta[index] !== '=') {
      tokens.push({ kind: 'option', key, value: true, column });
      continue;
    }
    const value = readValue(meta, index + 1);
    if (!value) return { ok: false, message: `Unclosed value of \`${key}\``, column };
    tokens.push({ kind: 'option', key, value: value.value, column });
    index = value.end;
  }
  return { ok: true, tokens };
}
