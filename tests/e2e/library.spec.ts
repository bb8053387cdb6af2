import { readdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { chooseFolder, expect, expectNoAxeViolations, screenshot, test } from './fixtures';
import { openSeeded } from './seededLibrary';

/**
 * The library at newsroom scale: a table of every matching article read page by page as it
 * scrolls, sortable by any column, filtered, searched in full text, and acted on in bulk.
 */

const library = (page: Page) => page.getByTestId('library-scroll');
const rows = (page: Page) => page.getByTestId('article-row');
const idle = (page: Page) => expect(page.locator('.library')).toHaveAttribute('data-idle', 'true');
const headlines = (page: Page) => rows(page).locator('.headline-line a').allTextContents();

test('a 10,000-article library: every article reachable, sorted and filtered in the service, first rows at once', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { close } = await openSeeded(page, 10_000);
  try {
    await expect(page.getByTestId('library-count')).toHaveText('10.000 bài viết');
    await expect(page.getByRole('table', { name: 'Thư viện bài viết' })).toHaveAttribute('aria-rowcount', '10001');
    await idle(page);
    // Only the rows around the screen exist.
    expect(await rows(page).count()).toBeLessThan(80);
    const mark = await page.evaluate(() => performance.getEntriesByName('newsdesk:library-first-row').length);
    expect(mark).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'library-10000-1366');

    // To the end with the keyboard: the last article is there.
    await rows(page).first().getByRole('link').focus();
    await page.keyboard.press('End');
    await expect(page.locator('tr[aria-rowindex="10001"] a')).toBeFocused();
    await expect(page.locator('tr[aria-rowindex="10001"]')).toHaveAttribute('data-testid', 'article-row');
    // And by dragging the scrollbar to the middle: the rows there are read.
    await library(page).evaluate((box) => box.scrollTo({ top: box.scrollHeight / 2 }));
    // The scroll is handled at the next frame: until then the list is still idle, with the rows End
    // reached. Rows of the middle first, then idle (their pages read).
    const middle = (trs: Element[]) => trs.some((tr) => Math.abs(Number(tr.getAttribute('aria-rowindex')) - 5001) < 3000);
    await expect.poll(() => rows(page).evaluateAll(middle)).toBe(true);
    await idle(page);
    await expect(rows(page).filter({ hasText: /^Tin số/ }).first()).toBeVisible();

    // Sorted by headline in Vietnamese order, numbers as numbers; the other way round.
    await page.getByTestId('sort-headline').click();
    await expect(page.locator('th', { has: page.getByTestId('sort-headline') })).toHaveAttribute('aria-sort', 'ascending');
    await idle(page);
    expect((await headlines(page)).slice(0, 3).map((h) => h.split(':')[0])).toEqual(['Tin số 0', 'Tin số 1', 'Tin số 2']);
    await page.getByTestId('sort-headline').click();
    await expect(page.locator('th', { has: page.getByTestId('sort-headline') })).toHaveAttribute('aria-sort', 'descending');
    await idle(page);
    expect((await headlines(page))[0]).toMatch(/^Tin số 9999:/);

    // A filter: one section of six.
    await page.getByTestId('filter-section').locator('summary').click();
    await page.getByTestId('filter-section').getByLabel('Thể thao').check();
    await expect(page.getByTestId('library-count')).toHaveText('1.666 bài khớp');
    await idle(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'library-filter-open');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filter-section').getByLabel('Thể thao')).toBeHidden();
    await expect(rows(page).first()).toContainText('Thể thao');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('clear-filters').click();
    await expect(page.getByTestId('library-count')).toHaveText('10.000 bài viết');
    await idle(page);
    await screenshot(page, 'library-10000-1920');
  } finally {
    await close();
  }
});

test('the search finds a phrase only the body has, and shows where with the words marked', async ({ page }) => {
  const { close } = await openSeeded(page, 40, {
    tweak: (article, n) =>
      n === 17
        ? { ...article, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Du khách thích món cá lóc nướng trui ở chợ nổi Cái Răng.' }] }] } }
        : article,
  });
  try {
    await idle(page);
    await page.keyboard.press('/');
    await expect(page.getByTestId('library-search')).toBeFocused();
    await page.keyboard.type('ca loc nuong trui');
    // While the index is being built only headlines are searched; once it is ready, the list asks again.
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toContainText('Tin số 17:');
    const snippet = rows(page).getByTestId('snippet');
    await expect(snippet).toContainText('Nội dung: Du khách thích món cá lóc nướng trui ở chợ nổi');
    await expect(snippet.locator('mark').first()).toHaveText(/^cá( lóc nướng trui)?$/);
    await expect(page.getByTestId('library-count')).toHaveText('1 bài khớp');
    await expect(page.getByTestId('search-status')).toBeHidden();
    await expectNoAxeViolations(page);
    await screenshot(page, 'library-search-snippet');
  } finally {
    await close();
  }
});

test('the keyboard alone: / searches, arrows move, Space and Shift choose, Enter opens, the view is kept, Ctrl+Alt+N creates', async ({ page }) => {
  const { close } = await openSeeded(page, 30);
  try {
    await idle(page);
    await page.getByTestId('view-waiting').click();
    await idle(page);
    await page.getByTestId('sort-headline').click();
    await idle(page);
    await page.keyboard.press('/');
    await expect(page.getByTestId('library-search')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const link = (i: number) => rows(page).nth(i).locator('.headline-line a');
    await expect(link(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(link(1)).toBeFocused();
    const outline = await link(1).evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 1 bài');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(link(2)).toBeFocused();
    await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 2 bài');
    await page.keyboard.press('ArrowUp');
    const headline = (await link(1).textContent())!;
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(headline);

    // Back in the library: the same view and order.
    await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
    await expect(page.getByTestId('view-waiting')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('th', { has: page.getByTestId('sort-headline') })).toHaveAttribute('aria-sort', 'ascending');
    await idle(page);
    await page.keyboard.press('Control+Alt+n');
    await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
  } finally {
    await close();
  }
});

test('bulk actions on a selection: status through the workflow (refusals listed), section, tags, trash with undo, export, send', async ({ page }) => {
  const { close } = await openSeeded(page, 16);
  try {
    await idle(page);
    await page.getByTestId('sort-headline').click();
    await idle(page);

    // Every draft, chosen with the header's box, handed in at once.
    await page.getByTestId('filter-status').locator('summary').click();
    await page.getByTestId('filter-status').getByLabel('Bản nháp').check();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('library-count')).toHaveText('4 bài khớp');
    await idle(page);
    await page.getByRole('checkbox', { name: 'Chọn cả 4 bài khớp' }).click();
    await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 4 bài');
    await expectNoAxeViolations(page);
    await screenshot(page, 'library-selection');
    await page.getByTestId('bulk-status').click();
    const dialog = page.getByTestId('bulk-dialog');
    await dialog.getByLabel('Trạng thái').selectOption({ label: 'Chờ duyệt' });
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Áp dụng cho 4 bài' }).click();
    await expect(page.getByTestId('notice')).toContainText('Đổi trạng thái: 4 bài đã đổi.');
    await expect(page.getByText('Không có bài nào khớp với bộ lọc.')).toBeVisible();
    await page.getByTestId('clear-filters').click();
    await idle(page);

    // A new question starts a new selection. Three by headline: 0 and 1 (now waiting) go back to
    // draft; 2 is in review, which cannot.
    await expect(page.getByTestId('selection-count')).toBeHidden();
    await rows(page).nth(0).getByRole('checkbox').check();
    await rows(page).nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 3 bài');
    await page.getByTestId('bulk-status').click();
    await dialog.getByLabel('Trạng thái').selectOption({ label: 'Bản nháp' });
    await dialog.getByRole('button', { name: 'Áp dụng cho 3 bài' }).click();
    const report = page.getByTestId('bulk-result');
    await expect(report).toContainText('2 bài đã đổi, 1 bài không đổi được.');
    await expect(report.getByRole('listitem')).toHaveText([/^“Tin số 2: .*”: quy trình không có bước chuyển từ “Đang duyệt” sang “Bản nháp”\.$/]);
    await expectNoAxeViolations(page);
    await report.getByRole('button', { name: 'Đóng' }).click();

    await page.getByTestId('bulk-section').click();
    await dialog.getByLabel('Chuyên mục').selectOption({ label: 'Thể thao' });
    await dialog.getByRole('button', { name: 'Áp dụng cho 3 bài' }).click();
    await expect(page.getByTestId('notice')).toContainText('Đổi chuyên mục: 3 bài đã đổi.');
    await idle(page);
    for (const i of [0, 1, 2]) await expect(rows(page).nth(i)).toContainText('Thể thao');

    await page.getByTestId('bulk-tags').click();
    await dialog.getByLabel('Thêm từ khóa').fill('Bầu cử, Hội đồng nhân dân');
    await dialog.getByRole('button', { name: 'Áp dụng cho 3 bài' }).click();
    await expect(page.getByTestId('notice')).toContainText('Đổi từ khóa: 3 bài đã đổi.');
    await page.getByTestId('filter-tag').locator('summary').click();
    await page.getByTestId('filter-tag').getByLabel('Tìm từ khóa').fill('bau cu');
    await page.getByTestId('filter-tag').getByLabel('Bầu cử').check();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('library-count')).toHaveText('3 bài khớp');
    await idle(page);

    // Sent as one bundle, exported each into its own folder.
    await page.getByRole('checkbox', { name: 'Chọn cả 3 bài khớp' }).click();
    await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 3 bài');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gửi 3 bài đã chọn…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.newsdesk$/);
    await expect(page.getByTestId('notice')).toContainText('Đã đóng gói 3 bài');
    await page.getByTestId('bulk-export-open').click();
    const exportDialog = page.getByTestId('bulk-export');
    const outDir = await makeTempDir('newsdesk-e2e-bulk-export-');
    try {
      await chooseFolder(page, 'Thư mục xuất', outDir);
      await exportDialog.getByRole('button', { name: 'Xuất 3 bài' }).click();
      await expect(exportDialog.getByTestId('bulk-export-progress')).toContainText('Đã xuất 3/3 bài.');
      expect((await readdir(outDir)).sort()).toEqual(['tin-so-0', 'tin-so-1', 'tin-so-2']);
      await exportDialog.getByRole('button', { name: 'Đóng' }).click();
    } finally {
      await removeDir(outDir);
    }

    // Into the trash, and back with Undo.
    await page.getByTestId('bulk-trash').click();
    await expect(page.getByTestId('notice')).toContainText('Chuyển vào thùng rác: 3 bài đã đổi.');
    await expect(page.getByText('Không có bài nào khớp với bộ lọc.')).toBeVisible();
    await page.getByTestId('notice').getByRole('button', { name: 'Hoàn tác' }).click();
    await expect(page.getByTestId('library-count')).toHaveText('3 bài khớp');
  } finally {
    await close();
  }
});
