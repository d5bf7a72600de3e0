/**
 * Notes about a benchmark's runs (a run that failed, drifted, timed out). The same problem in
 * several rounds is one note with a count, keeping the first occurrence's details.
 */
export interface Notes {
  add(headline: string, detail?: string): void;
  list(): string[];
}

export function createNotes(): Notes {
  const seen = new Map<string, { count: number; detail: string | undefined }>();
  return {
    add(headline, detail) {
      const entry = seen.get(headline);
      if (entry) entry.count++;
      else seen.set(headline, { count: 1, detail });
    },
    list: () =>
      [...seen].map(([headline, { count, detail }]) => {
        const times = count > 1 ? ` (${count} runs)` : '';
        return `${headline}${times}${detail ? `: ${detail}` : ''}`;
      }),
  };
}
