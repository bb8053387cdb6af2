import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, startNewArticle, test } from './fixtures';

const PHOTO = fileURLToPath(new URL('../fixtures/images/cau-can-tho.png', import.meta.url));

/** The body's first line is on screen, in the first viewport (nothing scrolled), above the status bar. */
async function expectBodyFirstLineVisible(page: Page) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const line = page.getByTestId('body-editor').locator('> *').first();
  const box = (await line.boundingBox())!;
  const statusBar = (await page.locator('.status-bar').boundingBox())!;
  expect(box.y).toBeGreaterThan(0);
  expect(box.y + Math.min(box.height, 30)).toBeLessThanOrEqual(statusBar.y);
  await expect(page.getByLabel('Tít', { exact: true })).toBeInViewport();
  await expect(page.getByLabel('Sapo')).toBeInViewport();
}

/** The editor's header is one row: the way back and every action at the same height. */
async function expectHeaderOnOneRow(page: Page) {
  const back = (await page.getByRole('link', { name: 'Về thư viện' }).boundingBox())!;
  const lineHeight = await page.getByRole('link', { name: 'Về thư viện' }).evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect(back.height).toBeLessThan(lineHeight * 1.5);
  const buttons = page.locator('.editor-actions button');
  const tops = await buttons.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
  expect(tops.length).toBeGreaterThanOrEqual(5);
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
  expect(Math.abs(tops[0]! - back.y)).toBeLessThan(back.height + 16);
}

test('the text comes first: headline, sapo and the body’s first line in the first viewport, with the details beside it or the preview', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Cần Thơ khánh thành cầu mới bắc qua sông Hậu, rút ngắn đường sang Vĩnh Long');
  await page.getByLabel('Sapo').fill('Sáng 28/11, UBND TP Cần Thơ khánh thành cây cầu dài 2,75 km, nối quận Cái Răng với huyện Long Hồ, rút ngắn đường sang Vĩnh Long còn 15 phút.');
  // Into the body as a reporter would: a click on its first line.
  await page.getByTestId('body-editor').click({ position: { x: 40, y: 20 } });
  await page.keyboard.insertText('Dòng đầu tiên của bài viết phải hiện ngay khi mở bài.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Đoạn thứ hai.');

  // The article's details stand beside the text: every one of them there, none above it.
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài viết' });
  await expect(inspector).toBeVisible();
  for (const label of ['Trạng thái', 'Chuyên mục', 'Tác giả', 'Đường dẫn', 'Từ khóa']) await expect(inspector.getByLabel(label, { exact: true })).toBeVisible();
  await expect(inspector.getByRole('group', { name: 'Ảnh đại diện' })).toBeVisible();
  await expect(inspector.getByRole('group', { name: 'Tin liên quan' })).toBeVisible();
  await expect(page.getByTestId('toggle-inspector')).toHaveAttribute('aria-pressed', 'true');
  // A toggle that is on looks on.
  await page.mouse.move(1, 400);
  const background = (testId: string) => page.getByTestId(testId).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('toggle-inspector')).not.toBe(await background('toggle-preview'));
  await expectBodyFirstLineVisible(page);
  await expectHeaderOnOneRow(page);
  await screenshot(page, 'writing-screen');
  await expectNoAxeViolations(page);

  // With the preview open, the text still comes first and the header still holds on one row.
  await page.getByTestId('toggle-preview').click();
  await expect(page.getByTestId('toggle-preview')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('toggle-inspector')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('preview-frame')).toBeVisible();
  await expect(inspector).toBeHidden();
  await expectBodyFirstLineVisible(page);
  await expectHeaderOnOneRow(page);
  await screenshot(page, 'writing-screen-preview');

  // With nothing beside it, the same; and the choice holds for the next article opened.
  await page.getByTestId('toggle-preview').click();
  await expect(page.getByTestId('preview-frame')).toBeHidden();
  await expectBodyFirstLineVisible(page);
  await page.reload();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(/Cần Thơ khánh thành/);
  await expect(inspector).toBeHidden();
  await page.getByTestId('toggle-inspector').click();
  await expect(inspector).toBeVisible();
});

test('an opened article with a photo, many tags and related articles still shows its first line without scrolling', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Bài có nhiều thông tin');
  const tags = page.getByTestId('tag-input');
  for (const tag of ['Cần Thơ', 'Giao thông', 'Đô thị', 'Hạ tầng', 'Sông Hậu', 'Vĩnh Long', 'Kinh tế']) {
    await tags.fill(tag);
    await tags.press('Enter');
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn ảnh đại diện…' }).click();
  await (await chooser).setFiles(PHOTO);
  await expect(page.getByTestId('featured-preview')).toBeVisible();
  await page.getByTestId('body-editor').click({ position: { x: 40, y: 20 } });
  await page.keyboard.insertText('Đoạn mở đầu.');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  await page.reload();
  await expect(page.getByTestId('body-editor')).toContainText('Đoạn mở đầu.');
  await expectBodyFirstLineVisible(page);
});

test('the slug field keeps its height when the tag list wraps', async ({ app: page }) => {
  await startNewArticle(page);
  const slug = page.getByTestId('slug');
  const before = (await slug.boundingBox())!.height;
  const tags = page.getByTestId('tag-input');
  for (const tag of ['Thành phố Cần Thơ', 'Giao thông đô thị', 'Hạ tầng', 'Quy hoạch', 'Sông Hậu', 'Du lịch', 'Kinh tế biển', 'Giáo dục']) {
    await tags.fill(tag);
    await tags.press('Enter');
  }
  await expect(page.getByRole('list', { name: 'Các từ khóa đã chọn' }).getByRole('listitem')).toHaveCount(8);
  expect((await slug.boundingBox())!.height).toBe(before);
});

test('the library’s columns hold their headers and dates on one line at 1280 px; the headline takes the spare width', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Thành phố Cần Thơ triển khai đồng bộ nhiều giải pháp nâng cao chất lượng giáo dục, y tế và đời sống người dân vùng ven');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Văn hóa - Giải trí' });
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  const table = page.locator('.article-table');
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  // How many lines each element's text takes: the distinct tops of its text's boxes (of the text
  // alone: a header's sort button is a box of its own around its text).
  const oneLine = async (locator: ReturnType<typeof page.locator>) =>
    locator.evaluateAll((elements) =>
      elements.map((element) => {
        const tops = new Set<number>();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 1) tops.add(Math.round(rect.top));
        }
        return tops.size <= 1;
      }),
    );
  expect(await oneLine(table.locator('th'))).not.toContain(false);
  expect(await oneLine(table.locator('td time'))).toEqual([true]);
  expect(await oneLine(table.locator('td .badge'))).toEqual([true]);
  const widths = await table.locator('thead th').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().width));
  const total = widths.reduce((a, b) => a + b, 0);
  // (The first column holds the checkboxes that choose articles to send.)
  const headline = widths[1]!;
  expect(headline).toBe(Math.max(...widths));
  expect(headline / total).toBeGreaterThan(0.4);
});
