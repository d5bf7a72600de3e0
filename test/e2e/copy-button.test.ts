import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(siteUrl).origin,
  });
  page = await context.newPage();
  await page.goto(`${siteUrl}fixtures/transcripts/`);
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks the real copy button of the n-th code block and reads what reached the clipboard. */
async function copyBlock(index: number): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const block = page.locator('.expressive-code').nth(index);
  await block.hover();
  await block.locator('.copy button').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('copy button', () => {
  it('copies only the commands of a transcript, with continuations and heredoc bodies', async () => {
    expect(await copyBlock(0)).toBe(
      [
        'docker run --rm \\',
        '  alpine echo hello',
        "cat > Dockerfile <<'EOF'",
        '# syntax=docker/dockerfile:1',
        'FROM alpine',
        'EOF',
        'docker image ls',
      ].join('\n'),
    );
  });

  it('copies the commands of a root transcript, whose prompt is `#`', async () => {
    expect(await copyBlock(1)).toBe('id -u\nwhoami');
  });

  it('copies a script as shown, comments included', async () => {
    expect(await copyBlock(2)).toBe('# clean up\ndocker system prune -f');
  });

  it.each([
    [
      3,
      'a `bash` fence of `$` prompts, without prompts, comment or output',
      'docker pull busybox\ndocker run --rm busybox echo hi',
    ],
    [
      4,
      'an interactive session, with what is typed in it',
      'docker run -it --rm busybox sh\nhostname\nexit',
    ],
    [
      5,
      'a heredoc without `> `, its body kept',
      'cat <<EOF > notes.txt\n# a line of the file\nEOF\ncat notes.txt',
    ],
    [6, 'a Windows block, without its prompt', 'docker ps'],
  ])('copies from block %i, %s', async (index, _what, expected) => {
    expect(await copyBlock(index)).toBe(expected);
  });

  it('marks the output wildcards as elided, keeping their text', async () => {
    const elided = await page
      .locator('.expressive-code')
      .first()
      .locator('.elided')
      .evaluateAll((elements) =>
        elements.map((element) => [element.textContent, element.getAttribute('title')]),
      );
    expect(elided).toEqual([
      ['[..]', 'varies from run to run'],
      ['[..]', 'varies from run to run'],
      ['[..]', 'varies from run to run'],
      ['...', 'varies from run to run'],
    ]);
  });
});
