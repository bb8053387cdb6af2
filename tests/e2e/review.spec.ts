import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, expectNoAxeViolations, screenshot, startNewArticle, test } from './fixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { vnuErrors } from '../helpers/vnu';
import { moveThrough } from './workflow';

const HEADLINE = 'Cần Thơ khởi công cầu Trần Hoàng Na';
const SAPO = 'Sáng 27/11, UBND TP Cần Thơ khởi công cầu Trần Hoàng Na nối quận Ninh Kiều với quận Cái Răng, tổng vốn hơn 1.000 tỉ đồng.';
const FIRST = 'Cây cầu dài 1,2 km, rộng 30 m, dự kiến hoàn thành sau hai năm thi công.';
const QUOTE = 'Ông Trần Việt Trường cho biết thành phố sẽ bảo đảm tiến độ và chất lượng công trình.';

test('an editor names a version, edits, compares the two, exports the record and restores the older one', async ({ app: page }) => {
  test.setTimeout(120_000);
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  await page.getByLabel('Sapo').fill(SAPO);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(FIRST);
  await page.keyboard.press('Enter');
  await page.keyboard.type(QUOTE);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');

  // Name this version in the history panel.
  await page.getByTestId('toggle-history').click();
  const panel = page.getByTestId('history-panel');
  await panel.getByLabel('Đặt tên cho bản đang viết').fill('Bản gửi thư ký');
  await panel.getByRole('button', { name: 'Lưu phiên bản' }).click();
  const named = panel.getByTestId('history-entry').filter({ hasText: 'Bản gửi thư ký' });
  await expect(named).toBeVisible();
  const namedRevision = Number(await named.getAttribute('data-revision'));

  // Edit again: the headline, a tone mark, a sentence split off as its own paragraph, bold on a name.
  await page.getByLabel('Tít', { exact: true }).fill(`${HEADLINE} hơn 1.000 tỉ đồng`);
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Nhà thầu cam kết thi công cả ngày lẫn đêm.');
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/phiên bản/);
  // The save state may already read "saved as a version" from naming the first one (same minute),
  // so wait for the history list itself to show the new version at its top.
  const latest = panel.getByTestId('history-entry').first();
  await expect.poll(async () => Number(await latest.getAttribute('data-revision'))).toBeGreaterThan(namedRevision);
  await expect(latest).toHaveAttribute('data-kind', 'named');
  const laterRevision = Number(await latest.getAttribute('data-revision'));
  await expectNoAxeViolations(page);
  await screenshot(page, 'history-panel');

  // Compare the two named versions.
  await panel.getByTestId('history-entry').filter({ hasText: 'Bản gửi thư ký' }).getByLabel('Chọn để so sánh').check();
  await latest.getByLabel('Chọn để so sánh').check();
  await panel.getByTestId('compare-selected').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  const counts = page.getByTestId('compare-counts');
  // The headline, the slug that follows it, and one paragraph: 4 + 10 syllables added.
  await expect(counts).toHaveText('Thêm 14 âm tiết, bớt 0 âm tiết, 3 chỗ thay đổi');
  // Side by side: the inserted words are marked on the later side only.
  await expect(view.locator('.diff-body ins')).toHaveCount(1);
  await expect(view.locator('.diff-body ins')).toContainText('Nhà thầu cam kết thi công cả ngày lẫn đêm.');
  await expect(view.locator('.diff-fields ins').first()).toContainText('hơn 1.000 tỉ đồng');
  await expectNoAxeViolations(page);
  await screenshot(page, 'compare-side-by-side');

  // From change to change with the keyboard.
  await page.keyboard.press('n');
  await expect(page.getByTestId('change-position')).toHaveText('Thay đổi 1/3');
  await expect(page.locator('[data-change="0"]')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('[data-change="2"]')).toBeFocused();
  await expect(page.locator('[data-change="2"]')).toContainText('Nhà thầu');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('change-position')).toHaveText('Thay đổi 2/3');

  await page.getByTestId('mode-inline').click();
  await expect(view.locator('.diff-inline ins')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await screenshot(page, 'compare-inline');

  // The record: one HTML file that passes vnu and axe.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-record').click();
  const file = await (await download).path();
  const record = await readFile(file, 'utf8');
  expect(record).toContain('Biên bản so sánh phiên bản');
  expect(record).toContain(`Bản ${namedRevision}`);
  expect(record).toContain('“Bản gửi thư ký”');
  expect(record).not.toMatch(/<script|<link|src="http/);
  const dir = await makeTempDir('newsdesk-record-');
  try {
    const copy = join(dir, 'bien-ban.html');
    await writeFile(copy, record);
    expect(await vnuErrors([copy], dir)).toEqual([]);
    const reader = await page.context().newPage();
    await reader.goto(pathToFileURL(copy).href);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Biên bản so sánh phiên bản');
    await expectNoAxeViolations(reader);
    await screenshot(reader, 'diff-record');
    await reader.close();
  } finally {
    await removeDir(dir);
  }

  // Bring the older version back: a new version, the later one still in the history.
  await page.getByTestId('restore-older').click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  await expect(page.getByTestId('body-editor')).not.toContainText('Nhà thầu cam kết');
  // (The history panel is still the one beside the editor.)
  await expect(page.getByTestId('history-panel').getByTestId('history-entry').first()).toHaveAttribute('data-kind', 'restore');
  await expect(page.getByTestId('history-panel').getByTestId('history-entry').filter({ hasText: `bản ${laterRevision}` })).not.toHaveCount(0);

  // Exporting the article keeps the version exported.
  const exported = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  await exported;
  await expect(page.getByTestId('history-panel').getByTestId('history-entry').first()).toHaveAttribute('data-kind', 'export');

  // A kept version opens read-only.
  await page.getByTestId('history-panel').getByTestId('history-entry').filter({ hasText: 'Bản gửi thư ký' }).getByRole('link', { name: 'Xem' }).click();
  await expect(page.getByTestId('revision-view')).toContainText('chỉ xem');
  await expect(page.frameLocator('iframe').locator('h1')).toHaveText(HEADLINE);
  await expect(page.getByTestId('revision-view').getByRole('textbox')).toHaveCount(0);
});

test('publishing an article with an error is refused with the list, and a rule set to a warning in Settings lets it through', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Ngập nặng trên đường Nguyễn Văn Cừ sau mưa lớn');
  await page.getByLabel('Sapo').fill('Mưa lớn kéo dài hai giờ chiều qua khiến nhiều tuyến đường ở quận Ninh Kiều ngập sâu, xe máy chết máy hàng loạt...');
  await page.getByTestId('body-editor').click();
  await page.keyboard.type('Nước ngập  sâu nửa mét trên đường Nguyễn Văn Cừ.');
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await moveThrough(page, ['submitted', 'approved']);
  await page.getByTestId('status').selectOption('published');

  // Refused: the checklist opens with the errors first, each naming its rule.
  const panel = page.getByTestId('checklist-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Chưa đăng được');
  await expect(page.getByTestId('checklist-summary')).toHaveAttribute('data-errors', '1');
  const findings = panel.getByTestId('finding');
  await expect(findings.first()).toHaveAttribute('data-rule', 'byline');
  await expect(findings.first()).toContainText('Lỗi');
  await expect(findings.first()).toContainText('Tên tác giả');
  await expect(panel.locator('[data-rule="ellipsis"]')).toContainText('Cảnh báo');
  await expect(panel.locator('[data-rule="double-space"]')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'checklist-refused');

  // Each item jumps to its place: the double space is selected in the text.
  await panel.locator('[data-rule="double-space"] button').click();
  // The editor takes the focus, and with it draws the selection, at the next frame (Tiptap's focus), after the click returns.
  await expect.poll(() => page.evaluate(() => JSON.stringify(window.getSelection()?.toString()))).toBe(JSON.stringify('  '));
  // The byline is in the inspector: it opens there, focused.
  await findings.first().locator('button').click();
  await expect(page.getByLabel('Tác giả')).toBeFocused();
  await expect(page.getByTestId('status')).toHaveValue('approved');

  // In Settings the newsroom makes a missing byline a warning: publishing goes through.
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  const settings = page.getByTestId('checklist-settings');
  await settings.locator('select[data-rule="byline"]').selectOption('warning');
  await expectNoAxeViolations(page);
  await screenshot(page, 'checklist-settings', settings);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
  await page.goBack();
  await expect(page.getByTestId('status')).toBeVisible();
  await page.getByTestId('status').selectOption('published');
  await expect(page.getByTestId('status')).toHaveValue('published');
});
