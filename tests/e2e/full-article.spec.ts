import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test, startNewArticle } from './fixtures';

const PHOTO = fileURLToPath(new URL('../fixtures/images/cau-can-tho.png', import.meta.url));

async function pickFile(page: Page, trigger: () => Promise<void>) {
  const chooser = page.waitForEvent('filechooser');
  await trigger();
  await (await chooser).setFiles(PHOTO);
}

test('an article with every block type, a featured photo and a photo in the body survives a reload', async ({ app: page, host }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Cần Thơ khánh thành cầu mới');
  await page.getByLabel('Sapo').fill('Cây cầu nối hai quận trung tâm được đưa vào sử dụng.');
  await page.getByLabel('Tác giả').fill('Minh Anh');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' });
  const tags = page.getByTestId('tag-input');
  await tags.fill('Giao thông');
  await tags.press('Enter');
  await tags.fill('Cần Thơ,');

  // Featured photo with caption, credit and alt text.
  await pickFile(page, () => page.getByRole('button', { name: 'Chọn ảnh đại diện…' }).click());
  await expect(page.getByTestId('featured-preview')).toBeVisible();
  await page.getByLabel('Chú thích').fill('Trong ảnh: cầu mới lúc khánh thành');
  await page.getByLabel('Nguồn ảnh').fill('Ảnh: Quốc Huy');
  await page.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Cây cầu dây văng bắc qua sông');

  const editor = page.getByTestId('body-editor');
  await editor.click();
  const run = async (name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true }).click();
  await page.keyboard.insertText('Sáng nay, thành phố khánh thành cầu mới.');
  await page.keyboard.press('Enter');
  await run('Tiêu đề phụ');
  await page.keyboard.insertText('Công trình trọng điểm');
  await page.keyboard.press('Enter');
  await run('Tiêu đề nhỏ');
  await page.keyboard.insertText('Quy mô');
  await page.keyboard.press('Enter');
  await run('Trích dẫn');
  await page.keyboard.insertText('Cầu giúp người dân đi lại thuận tiện hơn.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await run('Trích dẫn nổi bật');
  await page.keyboard.insertText('Một ngày vui của thành phố');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await run('Danh sách chấm');
  await page.keyboard.insertText('Dài 1,2 km');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Rộng 20 m');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await run('Danh sách số');
  await page.keyboard.insertText('Khởi công 2024');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Nước là H');
  await run('Chỉ số dưới');
  await page.keyboard.insertText('2');
  await run('Chỉ số dưới');
  await page.keyboard.insertText('O, diện tích 5 m');
  await run('Chỉ số trên');
  await page.keyboard.insertText('2');
  await run('Chỉ số trên');
  await page.keyboard.insertText(', ');
  await run('Đậm');
  await page.keyboard.insertText('đậm');
  await run('Đậm');
  await page.keyboard.insertText(' và ');
  await run('Nghiêng');
  await page.keyboard.insertText('nghiêng');
  await run('Nghiêng');
  await page.keyboard.press('Enter');
  await run('Đường phân cách');
  await pickFile(page, () => run('Chèn ảnh'));
  const dialog = page.getByRole('dialog', { name: 'Ảnh trong bài' });
  await dialog.getByLabel('Chú thích').fill('Trong ảnh: người dân đi bộ trên cầu');
  await dialog.getByLabel('Nguồn ảnh').fill('Ảnh: Minh Anh');
  await dialog.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Người dân đi bộ trên cầu');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await run('Chèn bảng');
  await page.keyboard.insertText('Hạng mục');

  await expect(editor.locator('figure.figure img')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/, { timeout: 10_000 });
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu thành một phiên bản/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'editor-full-article');

  await page.reload();
  const body = page.getByTestId('body-editor');
  await expect(body.locator('h2')).toHaveText('Công trình trọng điểm');
  await expect(body.locator('h3')).toHaveText('Quy mô');
  await expect(body.locator(':scope > blockquote')).toHaveText('Cầu giúp người dân đi lại thuận tiện hơn.');
  await expect(body.locator('.pull-quote')).toHaveText('Một ngày vui của thành phố');
  await expect(body.locator('ul li')).toHaveText(['Dài 1,2 km', 'Rộng 20 m']);
  await expect(body.locator('ol li')).toHaveText(['Khởi công 2024']);
  await expect(body.locator('sub')).toHaveText('2');
  await expect(body.locator('sup')).toHaveText('2');
  await expect(body.locator('strong')).toHaveText('đậm');
  await expect(body.locator('em')).toHaveText('nghiêng');
  await expect(body.locator('hr')).toHaveCount(1);
  await expect(body.locator('figure.figure figcaption')).toHaveText('Trong ảnh: người dân đi bộ trên cầu Ảnh: Minh Anh');
  await expect(body.locator('table td, table th').first()).toHaveText('Hạng mục');
  await expect(page.getByLabel('Tác giả')).toHaveValue('Minh Anh');
  await expect(page.getByRole('list', { name: 'Các từ khóa đã chọn' }).getByRole('listitem')).toHaveText(['Giao thông×', 'Cần Thơ×']);
  await expect(page.getByTestId('featured-preview')).toHaveAttribute('alt', 'Cây cầu dây văng bắc qua sông');

  await screenshot(page, 'editor-body', page.getByText('Nội dung', { exact: true }));

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const stored = JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8'));
  expect(stored.featuredImage).toMatchObject({ caption: 'Trong ảnh: cầu mới lúc khánh thành', credit: 'Ảnh: Quốc Huy' });
  expect(stored.section).toBe('thoi-su');
  expect(stored.tags).toEqual(['Giao thông', 'Cần Thơ']);
  expect(stored.body.content.map((b: { type: string }) => b.type)).toEqual([
    'paragraph', 'heading', 'heading', 'blockquote', 'pullQuote', 'bulletList', 'orderedList', 'paragraph', 'horizontalRule', 'figure', 'table',
  ]);
  const asset = await readFile(join(host.dataDir, 'assets', stored.featuredImage.assetId));
  expect(asset.subarray(1, 4).toString()).toBe('PNG');
});
