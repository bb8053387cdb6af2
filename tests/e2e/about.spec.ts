import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as T;

/** What the build wrote for the About dialog (scripts/licenses.mjs), and what is installed. */
const built = readJson<{ builtAt: string; packages: { name: string }[] }>('dist/renderer/licenses.json');
const appVersion = readJson<{ version: string }>('package.json').version;
const react = readJson<{ version: string; license: string }>('node_modules/react/package.json');
const reactLicense = readFileSync(`${root}node_modules/react/LICENSE`, 'utf8').trim();

/** Tabs from the top of the page until the top bar's About button has the focus, then presses Enter. */
async function openAboutWithKeyboard(page: Page, label: string) {
  const button = page.getByRole('button', { name: label, exact: true });
  let reached = false;
  for (let i = 0; i < 25 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await button.evaluate((element) => element === document.activeElement);
  }
  expect(reached, `Tab reaches “${label}”`).toBe(true);
  await page.keyboard.press('Enter');
}

test('About Newsdesk opens from the top bar with the keyboard: version, build date, data folder, and every shipped licence with its text', async ({ app: page, host }) => {
  await openAboutWithKeyboard(page, 'Giới thiệu');
  const about = page.getByRole('dialog', { name: 'Giới thiệu Newsdesk' });
  await expect(about).toBeVisible();
  await expect(about.getByRole('button', { name: 'Đóng' })).toBeFocused();

  await expect(about.getByTestId('about-version')).toHaveText(appVersion);
  await expect(about.getByTestId('about-data-dir')).toHaveText(host.dataDir);
  const builtAt = about.getByTestId('about-built').locator('time');
  await expect(builtAt).toHaveAttribute('datetime', built.builtAt);
  await expect(builtAt).toHaveText(/^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d\/\d\d\/\d{4} - \d\d:\d\d$/);

  const list = about.getByTestId('about-license-list');
  await expect(list.getByRole('listitem')).toHaveCount(built.packages.length);
  const reactEntry = list.getByRole('listitem').filter({ has: page.locator('.about-package', { hasText: /^react$/ }) });
  await expect(reactEntry).toHaveCount(1);
  await expect(reactEntry.locator('.about-package-version')).toHaveText(react.version);
  await expect(reactEntry.locator('.about-license-id')).toHaveText('MIT');
  expect(react.license).toBe('MIT');

  // Its text, opened from the keyboard.
  const summary = reactEntry.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(reactEntry.locator('details')).toHaveAttribute('open', '');
  await expect(reactEntry.locator('pre')).toHaveText(reactLicense);
  await expect(reactEntry.locator('pre')).toContainText('Permission is hereby granted, free of charge');

  await expectNoAxeViolations(page);
  await screenshot(page, 'about-vi');

  // Esc closes it and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  await expect(page.getByRole('button', { name: 'Giới thiệu', exact: true })).toBeFocused();
});

test('About Newsdesk speaks English when the interface does', async ({ app: page, host }) => {
  await page.getByLabel('Ngôn ngữ giao diện').selectOption('en');
  await expect(page.getByRole('button', { name: 'About', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const about = page.getByRole('dialog', { name: 'About Newsdesk' });
  await expect(about.getByTestId('about-data-dir')).toHaveText(host.dataDir);
  await expect(about.getByText(`Newsdesk uses ${built.packages.length} open-source packages`)).toBeVisible();
  await expect(about.getByTestId('about-built').locator('time')).toHaveText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d\d\/\d\d\/\d{4} - \d\d:\d\d$/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'about-en');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
});
