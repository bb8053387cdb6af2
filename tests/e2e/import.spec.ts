import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
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

test('a Word document in the newsroom’s shape: the photo before the text is the featured photo, with its caption and credit; the right-aligned name is the byline', async ({ app: page, host }) => {
  const png = await readFile(fileURLToPath(new URL('../fixtures/images/cau-can-tho.png', import.meta.url)));
  const docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 64, height: 40 } })] }),
            new Paragraph({ children: [new TextRun('Trong ảnh: cầu Cần Thơ. Ảnh: Minh Anh')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Cần Thơ mở thêm tuyến xe buýt')] }),
            new Paragraph({ children: [new TextRun('Từ ngày 1/12, tuyến xe buýt số 9 nối bến Ninh Kiều với sân bay.')] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('Minh Anh - Quốc Huy')] }),
          ],
        },
      ],
    }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập từ Word/TXT…' }).click();
  await (await chooser).setFiles({ name: 'xe-buyt.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });

  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('Cần Thơ mở thêm tuyến xe buýt');
  await expect(page.getByTestId('notice')).toContainText('Ảnh đầu bài đã thành ảnh đại diện. Tác giả: Minh Anh - Quốc Huy.');
  const featured = page.getByRole('group', { name: 'Ảnh đại diện' });
  await expect(featured.getByRole('img', { name: 'Cầu Cần Thơ' })).toBeVisible();
  await expect(featured.getByLabel('Chú thích')).toHaveValue('Trong ảnh: cầu Cần Thơ.');
  await expect(featured.getByLabel('Nguồn ảnh')).toHaveValue('Ảnh: Minh Anh');
  await expect(page.getByLabel('Tác giả', { exact: true })).toHaveValue('Minh Anh - Quốc Huy');
  // Neither the photo, its caption nor the byline is repeated in the body.
  const body = page.getByTestId('body-editor');
  await expect(body.locator('p')).toHaveText(['Từ ngày 1/12, tuyến xe buýt số 9 nối bến Ninh Kiều với sân bay.']);
  await expect(body.getByRole('img')).toHaveCount(0);

  const id = new URL(page.url()).hash.replace('#/article/', '');
  const stored = JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8'));
  expect(stored.byline).toBe('Minh Anh - Quốc Huy');
  expect(stored.featuredImage).toMatchObject({ caption: 'Trong ảnh: cầu Cần Thơ.', credit: 'Ảnh: Minh Anh', alt: 'Cầu Cần Thơ' });
  expect(await readFile(join(host.dataDir, 'assets', stored.featuredImage.assetId))).toEqual(png);
});
