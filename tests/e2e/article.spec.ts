import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CHIEF_EDITOR, chooseProfile, expect, expectNoAxeViolations, screenshot, test, startNewArticle, type Host } from './fixtures';

/**
 * Two people on one article: the reporter's page has saved it once; an editor then opens it in
 * another window and saves a change there. Returns the editor's page (still open).
 */
async function editedElsewhere(page: Page, host: Host, browser: Browser, headline: string, edit: (other: Page) => Promise<void>): Promise<Page> {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(headline);
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  const other = await (await browser.newContext()).newPage();
  await other.goto(host.url);
  await chooseProfile(other, CHIEF_EDITOR.name);
  await other.goto(page.url());
  await edit(other);
  await expect(other.getByTestId('save-state')).toHaveText(/Đã lưu/);
  return other;
}

const HEADLINE = 'Bình Thủy đẩy mạnh việc học tập';
const SAPO = 'Quận Bình Thủy (TP Cần Thơ) triển khai nhiều mô hình học tập suốt đời cho người dân.';
const BODY = ['Sáng 27/11, UBND quận Bình Thủy tổ chức hội nghị tổng kết phong trào.', 'Ông Nguyễn Văn Đức, Chủ tịch UBND quận, phát biểu.'];

test('a reporter types a Vietnamese article, reloads, and finds it intact in the list and on disk', async ({ app: page, host }) => {
  await startNewArticle(page);
  const headline = page.getByLabel('Tít', { exact: true });
  await headline.click();
  await page.keyboard.type(HEADLINE);
  await page.getByLabel('Sapo').click();
  await page.keyboard.type(SAPO);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(BODY[0]!);
  await page.keyboard.press('Enter');
  // Some input methods hand over decomposed text; it must be stored composed.
  await page.keyboard.insertText(BODY[1]!.normalize('NFD'));
  await expect(page.getByTestId('slug')).toHaveValue('binh-thuy-day-manh-viec-hoc-tap');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu lúc \d\d:\d\d/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'editor-vi');

  await page.reload();
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  const row = page.getByTestId('article-row').filter({ hasText: HEADLINE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Bản nháp');
  await screenshot(page, 'library-vi');

  await row.getByRole('link', { name: HEADLINE }).click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  await expect(page.getByLabel('Sapo')).toHaveValue(SAPO);
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText(BODY);

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const onDisk = JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8'));
  expect(onDisk.headline).toBe(HEADLINE.normalize('NFC'));
  expect(onDisk.sapo).toBe(SAPO.normalize('NFC'));
  const paragraphs = onDisk.body.content.map((p: { content: Array<{ text: string }> }) => p.content[0]!.text);
  expect(paragraphs).toEqual(BODY.map((p) => p.normalize('NFC')));
  for (const text of [onDisk.headline, onDisk.sapo, ...paragraphs]) expect(text.normalize('NFC')).toBe(text);
});

test('autosave keeps what was typed a moment before the page closed', async ({ app: page, host, browser }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Tin sắp đóng');
  await page.getByTestId('body-editor').fill('Đoạn cuối cùng vừa gõ xong');
  await page.close({ runBeforeUnload: true });

  const again = await (await browser.newContext()).newPage();
  await again.goto(host.url);
  await chooseProfile(again, CHIEF_EDITOR.name);
  await expect(again.getByTestId('article-row').filter({ hasText: 'Tin sắp đóng' })).toHaveCount(1);
  await again.getByRole('link', { name: 'Tin sắp đóng' }).click();
  await expect(again.getByTestId('body-editor')).toHaveText('Đoạn cuối cùng vừa gõ xong');
  await again.close();
});

test('a stale save is refused with a conflict, and the reporter chooses what to keep', async ({ app: page, host, browser }) => {
  const other = await editedElsewhere(page, host, browser, 'Bài hai người sửa', (p) => p.getByLabel('Sapo').fill('Sapo của biên tập viên'));

  await page.getByLabel('Sapo').fill('Sapo của phóng viên');
  await expect(page.getByTestId('save-state')).toContainText('vừa được lưu ở nơi khác');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);

  await other.reload();
  await expect(other.getByLabel('Sapo')).toHaveValue('Sapo của phóng viên');
  await other.close();
});

test('articles go to the trash and come back', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Bài sẽ xóa');
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  await page.getByRole('button', { name: 'Chuyển “Bài sẽ xóa” vào thùng rác' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển' })).toContainText('Bài sẽ xóa');
  await expect(page.getByText('Chưa có bài viết nào')).toBeVisible();
  await page.getByRole('button', { name: 'Thùng rác' }).click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Khôi phục “Bài sẽ xóa”' }).click();
  await page.getByRole('button', { name: 'Bài viết', exact: true }).click();
  await expect(page.getByTestId('article-row').filter({ hasText: 'Bài sẽ xóa' })).toHaveCount(1);
});

test('search finds headlines typed without marks', async ({ app: page }) => {
  for (const title of ['Quận ủy Ninh Kiều họp phiên cuối năm', 'Giá lúa tăng mạnh']) {
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill(title);
    await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
    await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  }
  await page.getByLabel('Tìm bài viết').fill('quan uy');
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await expect(page.getByTestId('article-row')).toContainText('Quận ủy Ninh Kiều');
});

test('opening an article saves nothing (no new revision, no conflict with another window)', async ({ app: page, host }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Chỉ mở ra xem');
  await page.getByTestId('body-editor').click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.keyboard.insertText('Ô đầu');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const revision = async () => JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8')).revision as number;
  const before = await revision();

  await page.reload();
  await expect(page.getByTestId('body-editor').locator('table')).toBeVisible();
  // The app says when it is quiet: the editor settled, nothing waiting to be saved.
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await expect(page.getByTestId('save-state')).not.toHaveText(/chưa lưu/);
  expect(await revision()).toBe(before);
});

test('after a conflict, "load the latest version" shows the other version, body included, and saves nothing over it', async ({ app: page, host, browser }) => {
  const other = await editedElsewhere(page, host, browser, 'Hai người cùng sửa', async (p) => {
    await p.getByTestId('body-editor').click();
    await p.keyboard.insertText('Bản của biên tập viên');
  });

  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('Bản của phóng viên');
  await expect(page.getByTestId('save-state')).toContainText('vừa được lưu ở nơi khác');
  await page.getByRole('button', { name: 'Tải bản mới nhất' }).click();
  await expect(page.getByTestId('body-editor')).toHaveText('Bản của biên tập viên');
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await other.reload();
  await expect(other.getByTestId('body-editor')).toHaveText('Bản của biên tập viên');
  await other.close();
});

test('leaving an article while a conflict is unresolved keeps the reporter\'s version as a new article', async ({ app: page, host, browser }) => {
  const other = await editedElsewhere(page, host, browser, 'Tin đang tranh chấp', (p) => p.getByLabel('Sapo').fill('Sapo của biên tập viên'));
  await other.close();

  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('Đoạn văn phóng viên vừa viết, không được mất.');
  await expect(page.getByTestId('save-state')).toContainText('vừa được lưu ở nơi khác');
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  const copy = page.getByTestId('article-row').filter({ hasText: 'Tin đang tranh chấp (bản của tôi khi xung đột)' });
  await expect(copy).toHaveCount(1);
  await copy.getByRole('link').click();
  await expect(page.getByTestId('body-editor')).toHaveText('Đoạn văn phóng viên vừa viết, không được mất.');
});
