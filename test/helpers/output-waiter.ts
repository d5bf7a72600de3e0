// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escapes
const escapes = /\u001b\[[0-9;?]*[A-Za-z]/g;

export interface OutputWaiter {
  /** Adds output as it comes. */
  push(chunk: string): void;
  /** What came so far, ANSI-stripped, without carriage returns. */
  text(): string;
  /** Resolves once `text` has shown `count` times in all; rejects with the output after `timeoutMs`. */
  waitFor(text: string, count?: number, timeoutMs?: number): Promise<void>;
}

/** Collects a running program's output, for tests that act on what it printed. */
export function createOutputWaiter(): OutputWaiter {
  let raw = '';
  const listeners = new Set<() => void>();
  const text = () => raw.replace(escapes, '').replaceAll('\r', '');
  return {
    push(chunk) {
      raw += chunk;
      for (const listener of listeners) listener();
    },
    text,
    waitFor(wanted, count = 1, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (text().split(wanted).length - 1 < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`"${wanted}" (${count}×) never showed; the output:\n${text()}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}
