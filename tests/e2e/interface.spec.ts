import { CHIEF_EDITOR, chooseProfile, createProfile, expect, expectNoAxeViolations, screenshot, startHost, test } from './fixtures';

test('the interface switches to English and back, and remembers the choice', async ({ app: page, host }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();

  // The interface switches at once; the choice is written to the library after that.
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/saveSettings'));
  await page.getByLabel('Ngôn ngữ giao diện').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Article library' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await screenshot(page, 'library-en');

  // Remembered in the library, so a new tab (or a new launch on another port) opens in English.
  expect(await (await saved).json()).toMatchObject({ ok: true });
  const other = await (await page.context().browser()!.newContext()).newPage();
  await other.goto(host.url);
  await chooseProfile(other, CHIEF_EDITOR.name);
  await expect(other.getByRole('heading', { name: 'Article library' })).toBeVisible();
  await other.getByRole('button', { name: 'New article' }).click();
  await expect(other.getByLabel('Headline', { exact: true })).toBeVisible();
  await expectNoAxeViolations(other);
  await screenshot(other, 'editor-en');
  await other.close();

  await page.getByLabel('Interface language').selectOption('vi');
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
});

test('works with the keyboard alone, with visible focus', async ({ app: page }) => {
  await expectNoAxeViolations(page);
  // Tab from the top of the page to "New article" and press Enter.
  let found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await page.keyboard.press('Tab');
    found = (await page.evaluate(() => document.activeElement?.textContent)) === 'Bài viết mới';
  }
  expect(found).toBe(true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tít', { exact: true })).toBeVisible();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByLabel('Tít', { exact: true }).evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.type('Gõ bằng bàn phím');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu thành một phiên bản lúc \d\d:\d\d/);
  // The shortcut for a new article works from anywhere.
  await page.keyboard.press('Control+Alt+n');
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('opened without the token, the page says how to open it', async ({ page, host }) => {
  await page.goto(host.origin);
  await expect(page.getByRole('heading', { name: 'Cần mở Newsdesk bằng địa chỉ đầy đủ' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('files moved aside on opening are reported to the user', async ({ page }) => {
  const { makeTempDir, removeDir } = await import('../helpers/tempDir');
  const { writeFile } = await import('node:fs/promises');
  const dir = await makeTempDir('newsdesk-e2e-');
  await writeFile(`${dir}/library.json`, '{ broken', 'utf8');
  const { host, process: child } = await startHost(dir);
  try {
    await page.goto(host.url);
    await createProfile(page, CHIEF_EDITOR);
    await expect(page.getByRole('heading', { name: 'Một số tệp hỏng đã được chuyển sang một bên' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await removeDir(dir);
  }
});

test('an article with one bad field opens repaired, and the repair is reported with the original kept', async ({ page }) => {
  const { makeTempDir, removeDir } = await import('../helpers/tempDir');
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  const dir = await makeTempDir('newsdesk-e2e-');
  const original = JSON.parse(await readFile('tests/fixtures/articles/v1/bai-v1-2.json', 'utf8'));
  await mkdir(`${dir}/articles`, { recursive: true });
  await writeFile(`${dir}/articles/bai-v1-2.json`, JSON.stringify({ ...original, tags: 'Cần Thơ, Giao thông' }), 'utf8');
  const { host, process: child } = await startHost(dir);
  try {
    await page.goto(host.url);
    await createProfile(page, CHIEF_EDITOR);
    await page.getByRole('link', { name: 'Tin ngắn viết trước khi có tin liên quan' }).click();
    await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('Tin ngắn viết trước khi có tin liên quan');
    const banner = page.getByRole('region', { name: 'Một số tệp hỏng đã được chuyển sang một bên hoặc sửa lại' });
    await expect(banner).toContainText('(phần: từ khóa)');
    await expect(banner).toContainText('bản gốc được giữ nguyên tại');
    await screenshot(page, 'repaired-article');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect(banner).toBeHidden();
  } finally {
    child.kill('SIGTERM');
    await removeDir(dir);
  }
});

test('the formatting toolbar is one tab stop, moved through with the arrow keys', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Bài viết mới' }).click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
  const toolbar = page.getByRole('toolbar', { name: 'Định dạng nội dung' });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await toolbar.getByRole('button', { name: 'Hoàn tác' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Làm lại' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Chế độ gợi ý sửa' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Hoàn tác' })).toBeFocused();
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
});
