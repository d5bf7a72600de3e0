import { describe, expect, it } from 'vitest';
import {
  findBrowserExecutable,
  hasBrowser,
  listBrowserCandidates,
} from '../../../../src/integrations/mermaid/find-browser.ts';

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

const macChrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const windowsEnv = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
};

describe('findBrowserExecutable', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(
      findBrowserExecutable(
        { CHROMIUM_PATH: '/opt/chrome/chrome' },
        existing('/opt/chrome/chrome', '/usr/bin/chromium'),
        'linux',
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it('takes the first known location that exists', () => {
    expect(
      findBrowserExecutable(
        {},
        existing('/usr/bin/google-chrome', '/usr/bin/chromium-browser'),
        'linux',
      ),
    ).toBe('/usr/bin/chromium-browser');
  });

  it('finds Chrome, Chromium and Edge where macOS installs them, also per user', () => {
    expect(findBrowserExecutable({}, existing(macChrome), 'darwin')).toBe(macChrome);
    const userEdge = '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowserExecutable({ HOME: '/Users/ada' }, existing(userEdge), 'darwin')).toBe(
      userEdge,
    );
  });

  it('finds Chrome and Edge where Windows installs them, machine-wide or per user', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowserExecutable(windowsEnv, existing(edge), 'win32')).toBe(edge);
    const userChrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowserExecutable(windowsEnv, existing(userChrome, edge), 'win32')).toBe(edge);
    expect(findBrowserExecutable(windowsEnv, existing(userChrome), 'win32')).toBe(userChrome);
  });

  it('looks only where the platform installs browsers', () => {
    expect(listBrowserCandidates('darwin', {})).not.toContain('/usr/bin/chromium');
    expect(listBrowserCandidates('linux', windowsEnv)).not.toContainEqual(
      expect.stringContaining('msedge.exe'),
    );
  });

  it('fails on a CHROMIUM_PATH that does not exist, even when another browser does', () => {
    expect(() =>
      findBrowserExecutable(
        { CHROMIUM_PATH: '/nowhere/chrome' },
        existing('/usr/bin/chromium'),
        'linux',
      ),
    ).toThrow(/CHROMIUM_PATH points at \/nowhere\/chrome, which does not exist/);
  });

  it('CHROMIUM_PATH=none turns the browser off, and what needs one says so', () => {
    const env = { CHROMIUM_PATH: 'none' };
    expect(() => findBrowserExecutable(env, existing('/usr/bin/chromium'), 'linux')).toThrow(
      /CHROMIUM_PATH=none/,
    );
    expect(hasBrowser(env, existing('/usr/bin/chromium'), 'linux')).toBe(false);
    expect(hasBrowser({}, existing('/usr/bin/chromium'), 'linux')).toBe(true);
  });

  it.each([
    ['linux', 'apt-get install chromium'],
    ['darwin', '/Applications'],
    ['win32', 'Microsoft Edge'],
  ] as const)('without a browser on %s, the hint says how to get one there', (platform, hint) => {
    try {
      findBrowserExecutable(platform === 'win32' ? windowsEnv : {}, existing(), platform);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'BROWSER_NOT_FOUND',
        message: expect.stringContaining(listBrowserCandidates(platform, windowsEnv)[0] ?? ''),
        hint: expect.stringContaining(hint),
      });
    }
  });
});
