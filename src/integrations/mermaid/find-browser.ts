import { existsSync } from 'node:fs';
import { SiteError } from '../../utils/site-error.ts';

/** Where Debian, Ubuntu and GitHub's runners put Chromium or Chrome. */
export const browserCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const;

/**
 * Flags for a headless Chromium that never phones home: builds and tests run offline, and
 * `--no-sandbox` because CI containers run as root.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

const installHint =
  'Install Chromium (Debian/Ubuntu: `apt-get install chromium`) or point CHROMIUM_PATH at a ' +
  'Chromium or Chrome binary. Diagrams are drawn at build time by mermaid running in it.';

/**
 * The browser to draw diagrams and run end-to-end tests with: `CHROMIUM_PATH` when set
 * (and then it must exist), otherwise the first of {@link browserCandidates} that exists.
 */
export function findBrowserExecutable(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new SiteError(
      'BROWSER_NOT_FOUND',
      `CHROMIUM_PATH points at ${configured}, which does not exist`,
      {
        hint: installHint,
      },
    );
  }
  const found = browserCandidates.find((candidate) => exists(candidate));
  if (found) return found;
  throw new SiteError(
    'BROWSER_NOT_FOUND',
    `No Chromium found: CHROMIUM_PATH is not set and none of ${browserCandidates.join(', ')} exists`,
    { hint: installHint },
  );
}
