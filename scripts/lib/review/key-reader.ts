/**
 * Single keys from a terminal: its input in raw mode (no echo, no line editing, Ctrl-C as a
 * byte), each key handed out once, in the order typed. Restores the terminal on close.
 */

export interface KeyReader {
  /** The next key typed, or undefined when the input ended. */
  readKey(): Promise<string | undefined>;
  close(): void;
}

/** What `process.stdin` offers that reading keys needs. */
export interface KeyInput extends NodeJS.EventEmitter {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Splits a chunk into keys; an escape sequence (an arrow key) stays one key. */
export function splitKeys(chunk: string): string[] {
  if (chunk.startsWith('\u001b')) return [chunk];
  return [...chunk];
}

export function openKeyReader(input: KeyInput): KeyReader {
  const typed: string[] = [];
  const waiting: ((key: string | undefined) => void)[] = [];
  let hasEnded = false;
  const onData = (chunk: Buffer | string) => {
    typed.push(...splitKeys(chunk.toString()));
    while (waiting.length > 0 && typed.length > 0) waiting.shift()?.(typed.shift());
  };
  const onEnd = () => {
    hasEnded = true;
    for (const resolve of waiting.splice(0)) resolve(undefined);
  };
  input.setRawMode?.(true);
  input.on('data', onData);
  input.on('end', onEnd);
  input.resume();
  return {
    readKey() {
      const key = typed.shift();
      if (key !== undefined || hasEnded) return Promise.resolve(key);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
      onEnd();
    },
  };
}
