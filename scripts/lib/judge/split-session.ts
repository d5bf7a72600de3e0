/**
 * An interactive session that goes on in later fences ran as one terminal; each fence is
 * judged on its own share of the screen: the fence's share starts at the prompt where its
 * first line was typed. Pure.
 */
import { matchContainerPrompt } from '../core/prompts.ts';
import type { SessionPart } from '../extract/snippet.ts';

/** The screen's lines, split into the first fence's share and each later fence's. */
export function splitSession(
  lines: readonly string[],
  typed: readonly string[],
  parts: readonly SessionPart[],
): { own: string[]; parts: string[][] } {
  const starts: number[] = [];
  let from = 0;
  for (const part of parts) {
    const first = (typed[part.typedFrom] ?? '').trim();
    let at = from;
    for (; at < lines.length; at++) {
      const line = lines[at] ?? '';
      const prompt = matchContainerPrompt(line);
      if (prompt !== undefined && line.slice(prompt.length).trim() === first) break;
    }
    starts.push(at);
    from = Math.min(at + 1, lines.length);
  }
  const ends = [...starts.slice(1), lines.length];
  return {
    own: lines.slice(0, starts[0] ?? lines.length),
    parts: starts.map((start, index) => lines.slice(start, Math.max(start, ends[index] ?? start))),
  };
}
