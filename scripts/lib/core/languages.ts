/**
 * Fence languages that hold shell: console-like ones are transcripts (prompts, commands and
 * their output), the others scripts. The verifier runs both; the site's copy button copies
 * only a transcript's commands.
 */
export const transcriptLanguages = ['console', 'shell-session'] as const;
export type TranscriptLanguage = (typeof transcriptLanguages)[number];
export const scriptLanguages = ['sh', 'bash', 'shell'] as const;
export const shellLanguages = [...transcriptLanguages, ...scriptLanguages] as const;
export type ShellLanguage = (typeof shellLanguages)[number];

export function isShellLanguage(language: string | null | undefined): language is ShellLanguage {
  return (shellLanguages as readonly string[]).includes(language ?? '');
}

export function isTranscriptLanguage(
  language: string | null | undefined,
): language is TranscriptLanguage {
  return (transcriptLanguages as readonly string[]).includes(language ?? '');
}
