import type { Page } from '@playwright/test';
import { callApi } from './api';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The library's search as newsroom editors type it in a hurry: without marks, with the tone mark
 * in the other place, with Ð (U+00D0, pasted from elsewhere) for Đ; a quoted phrase found in the
 * body only, shown with the words marked.
 */

const rows = (page: Page) => page.getByTestId('article-row');
const idle = (page: Page) => expect(page.locator('.library')).toHaveAttribute('data-idle', 'true');
const headlines = (page: Page) => rows(page).locator('.headline-line a');
const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function search(page: Page, query: string) {
  const box = page.getByTestId('library-search');
  await box.fill(query);
  await expect(page.getByTestId('library-count')).toHaveText(/bài khớp$/);
  await idle(page);
}

test('typed without marks, with the tone in either place, with Ð for Đ: each finds the other', async ({ app: page }) => {
  const articles: Array<Record<string, unknown>> = [
    { headline: 'Bình Thủy đẩy mạnh học tập suốt đời' },
    { headline: 'Lễ hội ở quận Ninh Kiều' },
    { headline: 'Hòa giải ở cơ sở', sapo: 'Tổ hòa giải làm việc.' },
    { headline: 'Hoà nhạc mùa thu' },
    { headline: 'Ðảng bộ phường An Hòa họp' },
    { headline: 'Đại hội đảng viên quận Cái Răng' },
    { headline: 'Giá lúa tăng mạnh', body: body('Thương lái cho biết vụ mùa bội thu ở huyện Phong Điền.') },
    { headline: 'Mùa nước nổi', body: body('Vụ lúa thu đông; mùa nước về, bội phần vui.') },
  ];
  for (const input of articles) expect((await callApi(page, 'createArticle', input)).ok).toBe(true);
  await page.reload();
  await idle(page);

  await search(page, 'binh thuy');
  await expect(headlines(page)).toHaveText(['Bình Thủy đẩy mạnh học tập suốt đời']);

  // "hoà" finds "hòa" and the other way round (the search box does not care where the mark sits).
  for (const query of ['hoà', 'hòa', 'HOÀ']) {
    await search(page, query);
    await expect(page.getByTestId('library-count')).toHaveText('3 bài khớp');
    await expect(headlines(page)).toContainText(['Hòa giải ở cơ sở']);
    await expect(headlines(page)).toContainText(['Hoà nhạc mùa thu']);
  }

  for (const query of ['\u00D0ảng', 'đảng', 'Đảng']) {
    await search(page, query);
    await expect(page.getByTestId('library-count')).toHaveText('2 bài khớp');
    await expect(headlines(page)).toContainText(['Ðảng bộ phường An Hòa họp']);
    await expect(headlines(page)).toContainText(['Đại hội đảng viên quận Cái Răng']);
  }

  // A phrase only the body has, in curly quotes as Word types them: the one article where the
  // words stand together, the snippet marking them.
  await search(page, '“vu mua boi thu”');
  await expect(headlines(page)).toHaveText(['Giá lúa tăng mạnh']);
  const snippet = rows(page).getByTestId('snippet');
  await expect(snippet).toContainText('vụ mùa bội thu ở huyện Phong Điền');
  await expect(snippet.locator('mark')).toHaveText(['vụ mùa bội thu']);
  // Without quotes, both.
  await search(page, 'vu mua boi thu');
  await expect(page.getByTestId('library-count')).toHaveText('2 bài khớp');
  await expectNoAxeViolations(page);
});
