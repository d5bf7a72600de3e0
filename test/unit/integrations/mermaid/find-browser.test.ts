import { describe, expect, it } from 'vitest';
import { findBrowserExecutable } from '../../../../src/integrations/mermaid/find-browser.ts';

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findBrowserExecutable', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(
      findBrowserExecutable(
        { CHROMIUM_PATH: '/opt/chrome/chrome' },
        existing('/opt/chrome/chrome', '/usr/bin/chromium'),
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it('takes the first known location that exists', () => {
    expect(
      findBrowserExecutable({}, existing('/usr/bin/google-chrome', '/usr/bin/chromium-browser')),
    ).toBe('/usr/bin/chromium-browser');
  });

  it('fails on a CHROMIUM_PATH that does not exist, even when another browser does', () => {
    expect(() =>
      findBrowserExecutable({ CHROMIUM_PATH: '/nowhere/chrome' }, existing('/usr/bin/chromium')),
    ).toThrow(/CHROMIUM_PATH points at \/nowhere\/chrome, which does not exist/);
  });

  it('fails with a hint to install Chromium when there is none', () => {
    try {
      findBrowserExecutable({}, existing());
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'BROWSER_NOT_FOUND',
        message: expect.stringContaining(
          '/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome',
        ),
        hint: expect.stringContaining('apt-get install chromium'),
      });
    }
  });
});
