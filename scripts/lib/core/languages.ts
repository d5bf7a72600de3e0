/**
 * What a fence's language says about its block. The language only suggests; the block's
 * prompts decide (core/read-block.ts): a ```bash block of `$ ` lines is a transcript, a
 * ```console block without a prompt is output. Shared by the verifier and the site.
 */

/** Fences that show a terminal: prompts, commands and their output. */
export const transcriptLanguages = [
  'console',
  'shell-session',
  'sh-session',
  'shellsession',
  'terminal',
] as const;
/** Fences that hold shell code, unless their lines carry prompts. */
export const scriptLanguages = ['sh', 'bash', 'shell', 'zsh'] as const;
/** Fences of Windows shells: never run on Linux, reported as such. */
export const windowsLanguages = [
  'powershell',
  'pwsh',
  'ps',
  'ps1',
  'pwsh-session',
  'ps1con',
  'pscon',
  'doscon',
  'cmd',
  'bat',
  'batch',
] as const;

export type FenceFamily = 'transcript' | 'script' | 'windows' | 'untagged' | 'other';

/** The family of a fence language, case-insensitive; no language is `untagged`. */
export function familyOf(language: string | null | undefined): FenceFamily {
  const name = (language ?? '').toLowerCase();
  if (name === '') return 'untagged';
  const isIn = (list: readonly string[]) => list.includes(name);
  if (isIn(transcriptLanguages)) return 'transcript';
  if (isIn(scriptLanguages)) return 'script';
  if (isIn(windowsLanguages)) return 'windows';
  return 'other';
}
