/**
 * The app's Content-Security-Policy allows no inline style; the preview, which shows the published
 * page with its inline stylesheet, is a document of its own (PREVIEW_ROUTE) with its own policy.
 * Through the web host, as the other e2e tests: the app page's header, then a whole article written
 * and previewed (styles applied, the page's own font) without one policy violation in the app or
 * in the preview.
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { CHIEF_EDITOR, createProfile, expect, startNewArticle, test } from './fixtures';

/** Violations the page's own documents report (securitypolicyviolation), and Chromium's console reports from any frame. */
async function watchViolations(page: Page): Promise<{ reported: () => Promise<string[]>; console: string[] }> {
  const consoleReports: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  return {
    console: consoleReports,
    reported: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

test('the app is served with style-src self; the preview shows the styled page without a policy violation', async ({ page, host }) => {
  const violations = await watchViolations(page);
  const response = await page.goto(host.url);
  const policy = (await response!.allHeaders())['content-security-policy']!;
  expect(policy).toMatch(/(^|;)\s*style-src 'self'\s*(;|$)/);
  expect(policy).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
  expect(policy).not.toContain('unsafe-inline');

  await createProfile(page, CHIEF_EDITOR);
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Phố đi bộ Cần Thơ mở cửa');
  await page.getByLabel('Sapo').fill('Phố đi bộ ven sông đón khách từ tối nay.');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('Người dân đổ về bến Ninh Kiều.');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  await page.getByTestId('toggle-preview').click();

  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('h1')).toHaveText('Phố đi bộ Cần Thơ mở cửa');
  // The page's inline stylesheet applies in the preview: its font, not the browser's default.
  await expect(frame.locator('h1')).toHaveCSS('font-family', /Noto Serif/);
  await expect.poll(() => frame.locator('html').evaluate(() => document.fonts.check('16px "Noto Serif"', 'Phố'))).toBe(true);
  // The preview's document is served with its own policy, from the app's origin.
  const previewPolicy = await page.evaluate(async () => (await fetch('/preview.html')).headers.get('content-security-policy'));
  expect(previewPolicy).toContain("style-src 'unsafe-inline'");
  expect(previewPolicy).toContain("script-src 'none'");

  // An edit reaches the preview, still without a violation.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Đêm đầu tiên rất đông.');
  await expect(frame.locator('.body p').first()).toHaveText('Người dân đổ về bến Ninh Kiều. Đêm đầu tiên rất đông.');

  expect(await violations.reported()).toEqual([]);
  expect(violations.console).toEqual([]);

  // The watch itself works: an inline style attribute in the app is refused and reported.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<span style="color: red">probe</span>';
    document.body.append(probe);
  });
  await expect.poll(() => violations.reported()).toEqual([expect.stringMatching(/^style-src-attr inline/)]);
});
