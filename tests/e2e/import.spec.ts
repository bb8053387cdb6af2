import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

test('a Word document becomes a new article: headline, bold sapo, body, table and its photo', async ({ app: page, host }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập từ Word/TXT…' }).click();
  await (await chooser).setFiles(fixture('bai-viet.docx'));
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('Bình Thủy đẩy mạnh việc học tập');
  await expect(page.getByLabel('Sapo')).toHaveValue('Quận Bình Thủy triển khai nhiều mô hình học tập suốt đời cho người dân.');
  await expect(page.getByTestId('notice')).toContainText('1 ảnh');
  const body = page.getByTestId('body-editor');
  await expect(body.locator('p').first()).toHaveText('Sáng 27/11, UBND quận tổ chức hội nghị tổng kết phong trào.');
  await expect(body.locator('h2')).toHaveText('Các mô hình');
  await expect(body.locator('em')).toHaveText('“Học tập là việc cả đời.”');
  await expect(body.locator('figure.figure img')).toHaveAttribute('alt', 'Cầu Cần Thơ nhìn từ bờ sông');
  await expect(body.locator('table')).toContainText('Số điểm học tập');

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const stored = JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8'));
  expect(stored.body.content.map((b: { type: string }) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'figure', 'table']);
  const figure = stored.body.content[3].attrs;
  expect((await readFile(join(host.dataDir, 'assets', figure.assetId))).subarray(1, 4).toString()).toBe('PNG');
});

test('a text file becomes a new article, its wrapped paragraphs joined', async ({ app: page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(fixture('tin-van.txt'));
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('Giá lúa tăng mạnh trong tuần');
  await expect(page.getByTestId('body-editor').locator('p')).toHaveText([
    'Theo Sở Nông nghiệp, giá lúa IR 50404 tăng 200 đồng mỗi ký so với tuần trước.',
    'Nông dân phấn khởi.',
  ]);
});
