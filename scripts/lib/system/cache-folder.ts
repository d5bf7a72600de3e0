import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The project's folder in the user's cache: `${XDG_CACHE_HOME:-$HOME/.cache}/docker-fundamentals`.
 * An empty or relative XDG_CACHE_HOME is ignored, as the XDG Base Directory spec requires.
 */
export function resolveCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const { XDG_CACHE_HOME: xdg, HOME: home } = env;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home || homedir(), '.cache');
  return join(base, 'docker-fundamentals');
}
