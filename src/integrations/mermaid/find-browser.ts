import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SiteError } from '../../utils/site-error.ts';

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

/** `CHROMIUM_PATH=none`: use no browser (the dev server then draws diagrams in the reader's). */
export const noBrowser = 'none';

/** Where to look on macOS: the app bundles Chrome, Chromium and Edge install, system-wide or per user. */
function macOsCandidates(env: NodeJS.ProcessEnv): string[] {
  const apps = [
    'Google Chrome.app/Contents/MacOS/Google Chrome',
    'Chromium.app/Contents/MacOS/Chromium',
    'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ];
  const folders = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
  return folders.flatMap((folder) => apps.map((app) => `${folder}/${app}`));
}

/** Where to look on Windows: machine-wide installs under Program Files, per-user ones under LocalAppData. */
function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
    (root): root is string => Boolean(root),
  );
  const executables = [
    'Google\\Chrome\\Application\\chrome.exe',
    'Chromium\\Application\\chrome.exe',
    'Microsoft\\Edge\\Application\\msedge.exe',
  ];
  return roots.flatMap((root) => executables.map((executable) => `${root}\\${executable}`));
}

/** Where Debian, Ubuntu, Fedora, snap and GitHub's runners put Chromium, Chrome or Edge. */
const linuxCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/bin/microsoft-edge',
];

/** The places a browser is looked for on `platform`, most likely first. */
export function listBrowserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') return macOsCandidates(env);
  if (platform === 'win32') return windowsCandidates(env);
  return linuxCandidates;
}

const installHints: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Install Google Chrome, Chromium or Microsoft Edge in /Applications',
  win32: 'Install Google Chrome or Microsoft Edge',
  linux: 'Install Chromium (Debian/Ubuntu: `apt-get install chromium`)',
};

function installHint(platform: NodeJS.Platform): string {
  const install = installHints[platform] ?? installHints.linux;
  return `${install}, or point CHROMIUM_PATH at a Chromium, Chrome or Edge binary. Diagrams are drawn at build time by mermaid running in it.`;
}

/**
 * The browser to draw diagrams and run end-to-end tests with: `CHROMIUM_PATH` when set (and
 * then it must exist), otherwise the first of {@link listBrowserCandidates} that exists.
 * Throws BROWSER_NOT_FOUND, with an install hint for the platform, when there is none.
 */
export function findBrowserExecutable(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): string {
  const configured = env.CHROMIUM_PATH;
  const hint = installHint(platform);
  if (configured === noBrowser) {
    throw new SiteError('BROWSER_NOT_FOUND', 'CHROMIUM_PATH=none: this needs a browser', {
      hint: `Unset CHROMIUM_PATH to find one. ${hint}`,
    });
  }
  if (configured) {
    if (exists(configured)) return configured;
    throw new SiteError(
      'BROWSER_NOT_FOUND',
      `CHROMIUM_PATH points at ${configured}, which does not exist`,
      { hint },
    );
  }
  const candidates = listBrowserCandidates(platform, env);
  const found = candidates.find((candidate) => exists(candidate));
  if (found) return found;
  throw new SiteError(
    'BROWSER_NOT_FOUND',
    `No browser found: CHROMIUM_PATH is not set and none of ${candidates.join(', ')} exists`,
    { hint },
  );
}

/** Whether {@link findBrowserExecutable} would find a browser, without throwing. */
export function hasBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): boolean {
  try {
    findBrowserExecutable(env, exists, platform);
    return true;
  } catch {
    return false;
  }
}
