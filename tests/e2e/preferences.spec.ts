import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { chooseFolder, chooseProfile, CHIEF_EDITOR, createProfile, expect, expectNoAxeViolations, screenshot, startNewArticle, test, type Host } from './fixtures';

/**
 * Preferences (issue 14, item 6): this computer's theme, the editor's type, the autosave delay,
 * the spellcheck languages and the interface language; and moving the library to another folder.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

const openSettings = async (page: Page) => {
  await page.getByRole('link', { name: /^(Cài đặt|Settings)$/ }).click();
  await expect(page.getByTestId('preferences')).toBeVisible();
};
const openLibrary = async (page: Page) => {
  await page.getByRole('link', { name: 'Thư viện' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện bài viết' })).toBeVisible();
};
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const editorFontSize = (page: Page) => page.getByTestId('body-editor').evaluate((element) => getComputedStyle(element).fontSize);
const idle = (page: Page) => expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');

test('the dark theme: the page follows, with WCAG AA contrast on the library, the editor and settings', async ({ app: page }) => {
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await background(page);
  await screenshot(page, 'theme-light-library');
  await openSettings(page);
  // The disabled Save keeps a visible label (it was white on white).
  const save = page.getByRole('button', { name: 'Lưu cài đặt' });
  await expect(save).toBeDisabled();
  const saveColors = await save.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
  expect(saveColors[0]).not.toBe(saveColors[1]);
  await screenshot(page, 'theme-light-settings');
  await openLibrary(page);
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Cần Thơ đón mùa nước nổi');
  await idle(page);
  await screenshot(page, 'theme-light-editor');

  await openSettings(page);
  await page.getByLabel('Màu giao diện').selectOption({ label: 'Tối' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).not.toBe(light);
  await expectNoAxeViolations(page);
  await screenshot(page, 'theme-dark-settings');
  // Focus rings stay visible on the dark page.
  await page.getByLabel('Màu giao diện').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { width: style.outlineWidth, color: style.outlineColor };
  });
  expect(ring.width).toBe('3px');
  expect(ring.color).toBe('rgb(138, 180, 248)');

  await openLibrary(page);
  await expect(page.getByRole('row').filter({ hasText: 'Cần Thơ đón mùa nước nổi' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'theme-dark-library');
  await page.getByRole('link', { name: 'Cần Thơ đón mùa nước nổi' }).click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('Cần Thơ đón mùa nước nổi');
  await page.getByTestId('body-editor').click();
  await page.keyboard.type('Nước về sớm, bà con chuẩn bị lưới. Họp meeting.');
  await idle(page);
  await expect(page.getByTestId('body-editor').locator('.misspelled')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'theme-dark-editor');

  // Kept on this computer: a reload keeps the dark theme.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Following the system: the page changes with it.
  await openSettings(page);
  await page.getByLabel('Màu giao diện').selectOption({ label: 'Theo hệ thống' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the editor’s font and size, the autosave delay and the spellcheck languages apply; the language switch still works', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Bài thử cỡ chữ');
  await idle(page);
  expect(await editorFontSize(page)).toBe('18px');
  const serif = await page.getByTestId('body-editor').evaluate((element) => getComputedStyle(element).fontFamily);
  expect(serif).toContain('Noto Serif');

  await openSettings(page);
  await page.getByLabel('Cỡ chữ khi soạn bài').selectOption({ label: 'Cỡ 24' });
  await page.getByLabel('Phông chữ khi soạn bài').selectOption({ label: 'Không chân' });
  await page.getByLabel('Kiểm tra chính tả').selectOption({ label: 'Chỉ tiếng Việt' });
  const delay = page.getByLabel('Tự động lưu sau (giây)');
  // Out of bounds: brought within 1–30 s.
  await delay.fill('90');
  await delay.press('Enter');
  await expect(delay).toHaveValue('30');
  await delay.fill('3');
  await delay.press('Enter');
  await expect(delay).toHaveValue('3');
  // Applied at once, not part of the newsroom's Save.
  await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');

  await openLibrary(page);
  await page.getByRole('link', { name: 'Bài thử cỡ chữ' }).click();
  await idle(page);
  expect(await editorFontSize(page)).toBe('24px');
  expect(await page.getByTestId('body-editor').evaluate((element) => getComputedStyle(element).fontFamily)).not.toContain('Noto Serif');
  // In rem: a larger system text size makes the article's text larger too.
  const scaled = await page.evaluate(() => {
    document.documentElement.style.fontSize = '20px';
    const size = getComputedStyle(document.querySelector('[data-testid="body-editor"]')!).fontSize;
    document.documentElement.style.fontSize = '';
    return size;
  });
  expect(scaled).toBe('30px');

  // Vietnamese only: an English word is underlined.
  await page.getByTestId('body-editor').click();
  const saves: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/saveArticle')) saves.push(Date.now());
  });
  await page.keyboard.type('Họp meeting');
  const typed = Date.now();
  await expect(page.getByTestId('body-editor').locator('.misspelled')).toHaveText(['meeting']);
  // Saved by itself after the 3 s chosen, not at the 1 s of before.
  await idle(page);
  expect(saves.length).toBeGreaterThan(0);
  expect(saves[0]! - typed).toBeGreaterThanOrEqual(2900);

  // Both languages: nothing underlined; none: nothing either, even a typo.
  await openSettings(page);
  await expect(page.getByLabel('Tự động lưu sau (giây)')).toHaveValue('3');
  await page.getByLabel('Kiểm tra chính tả').selectOption({ label: 'Tắt' });
  await openLibrary(page);
  await page.getByRole('link', { name: 'Bài thử cỡ chữ' }).click();
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' nghịx');
  await idle(page);
  await expect(page.getByTestId('body-editor')).toContainText('meeting nghịx');
  await expect(page.getByTestId('body-editor').locator('.misspelled')).toHaveCount(0);

  // The interface language, from Settings and from the top bar.
  await openSettings(page);
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Newsroom settings' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'On this computer' })).toBeVisible();
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  await page.getByTestId('language').selectOption('vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt tòa soạn' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Trên máy tính này' })).toBeVisible();
});

/** The web host with its own per-user folder (XDG_CONFIG_HOME) and no --data-dir: the library is where Newsdesk keeps it. */
async function startOwnHost(config: string): Promise<{ host: Host; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/electron/webhost.cjs', '--json'], {
    cwd: root,
    env: { ...process.env, XDG_CONFIG_HOME: config, NEWSDESK_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const host = await new Promise<Host>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve(JSON.parse(line) as Host);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  return { host, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test('moving the library: copied and checked into an empty folder, used from the next start, the old one removed when asked', async ({ page }) => {
  const dir = await makeTempDir('newsdesk-move-e2e-');
  const config = join(dir, 'config');
  const oldLibrary = join(config, 'Newsdesk', 'library');
  let running: ChildProcess | null = null;
  try {
    const first = await startOwnHost(config);
    running = first.child;
    expect(first.host.dataDir).toBe(oldLibrary);
    await page.goto(first.host.url);
    await createProfile(page, CHIEF_EDITOR);
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill('Bài theo thư viện sang nhà mới');
    await idle(page);

    await openSettings(page);
    const folder = page.getByTestId('library-folder');
    await expect(folder.getByTestId('library-path')).toHaveText(oldLibrary);
    // A bad folder: the library's own. Refused in the user's language, nothing changed.
    await chooseFolder(page, 'Chuyển tới thư mục', oldLibrary, 'ben-trong');
    await folder.getByRole('button', { name: 'Chuyển thư viện' }).click();
    await expect(folder.getByTestId('move-result')).toHaveText(/^Không thể chuyển thư viện vào chính nó.*không có gì thay đổi\.$/);
    expect(existsSync(join(config, 'Newsdesk', 'library-location.json'))).toBe(false);

    const target = await chooseFolder(page, 'Chuyển tới thư mục', dir, 'thu-vien-moi');
    await folder.getByRole('button', { name: 'Chuyển thư viện' }).click();
    await expect(folder.getByTestId('move-result')).toContainText(`Đã sao chép và kiểm tra từng tệp`);
    await expect(folder.getByTestId('move-result')).toContainText(target);
    await screenshot(page, 'library-moved', folder);
    expect(JSON.parse(readFileSync(join(config, 'Newsdesk', 'library-location.json'), 'utf8'))).toEqual({ dataDir: target, previous: oldLibrary });
    expect(existsSync(join(target, 'library.json'))).toBe(true);
    expect(existsSync(join(oldLibrary, 'library.json'))).toBe(true);
    // Until the restart, a change is refused with the reason (it would land in the old folder).
    await page.getByTestId('pref-theme').selectOption('dark');
    await page.getByLabel('Khẩu hiệu').fill('Khẩu hiệu mới');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Thư viện đã được chuyển tới ${target}` })).toBeVisible();

    await stopHost(first.child);
    running = null;
    const second = await startOwnHost(config);
    running = second.child;
    expect(second.host.dataDir).toBe(target);
    await page.goto(second.host.url);
    // A new address: the window asks who is working again (the profile is the library's, moved with it).
    await chooseProfile(page, CHIEF_EDITOR.name);
    await expect(page.getByRole('row').filter({ hasText: 'Bài theo thư viện sang nhà mới' })).toBeVisible();
    await openSettings(page);
    await expect(folder.getByTestId('library-path')).toHaveText(target);
    await expect(folder.getByTestId('old-library')).toHaveText(`Thư viện cũ vẫn còn ở ${oldLibrary}.`);
    page.once('dialog', (dialog) => void dialog.accept());
    await folder.getByRole('button', { name: 'Xóa thư viện cũ' }).click();
    await expect(folder.getByTestId('move-result')).toHaveText(`Đã xóa thư viện cũ ở ${oldLibrary}.`);
    await expect(folder.getByTestId('old-library')).toBeHidden();
    expect(existsSync(oldLibrary)).toBe(false);
    expect(existsSync(join(target, 'library.json'))).toBe(true);
  } finally {
    if (running) await stopHost(running);
    await removeDir(dir);
  }
});
