import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures';

/**
 * The command palette, with the keyboard alone: Ctrl+Shift+P and Ctrl+K open it, typing without
 * diacritics finds a command, Enter runs it where the user was, Esc closes it and the focus goes
 * back; in the article body Ctrl+K on a selection is still the link.
 */

const palette = (page: Page) => page.getByRole('dialog', { name: /^(Bảng lệnh|Command palette)$/ });
const combobox = (page: Page) => palette(page).getByRole('combobox');
const options = (page: Page) => palette(page).getByRole('option');

/** The option the combobox points at (aria-activedescendant), as assistive technology reads it. */
async function activeOption(page: Page): Promise<string> {
  const id = await combobox(page).getAttribute('aria-activedescendant');
  expect(id, 'the combobox points at an option').toBeTruthy();
  return (await page.locator(`[id="${id}"]`).locator('.palette-label').textContent()) ?? '';
}

test('Ctrl+Shift+P and Ctrl+K open the palette; "bai moi" finds Bài viết mới and Enter opens a new article; Esc returns the focus', async ({ app: page }) => {
  // From the library's search box (reached with "/"): the palette opens over it, and Esc comes back to it.
  await page.keyboard.press('/');
  const search = page.getByTestId('library-search');
  await expect(search).toBeFocused();
  await page.keyboard.press('Control+Shift+P');
  await expect(palette(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
  await expect(combobox(page)).toHaveAttribute('aria-expanded', 'true');
  const listId = await combobox(page).getAttribute('aria-controls');
  await expect(page.locator(`[id="${listId}"]`)).toHaveAttribute('role', 'listbox');

  // What the library offers, each with its shortcut as Windows and Linux print it; the article body's commands are not here.
  const newArticle = options(page).filter({ hasText: 'Bài viết mới' });
  await expect(newArticle).toHaveCount(1);
  await expect(newArticle.locator('kbd')).toHaveText('Ctrl+Alt+N');
  await expect(options(page).filter({ hasText: 'Thư viện' }).locator('kbd')).toHaveText('Ctrl+Alt+L');
  await expect(options(page).filter({ hasText: 'Cài đặt' })).toHaveCount(1);
  await expect(options(page).filter({ hasText: 'Đậm' })).toHaveCount(0);
  await expect(options(page).filter({ hasText: 'Bảng lệnh' })).toHaveCount(0);
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
  await screenshot(page, 'command-palette');

  // Arrows move the active option (wrapping), as a listbox's do.
  const first = await activeOption(page);
  await page.keyboard.press('ArrowDown');
  expect(await activeOption(page)).not.toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await activeOption(page)).toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await activeOption(page)).toBe(await options(page).last().locator('.palette-label').textContent());

  // Typed without marks.
  await page.keyboard.type('bai moi');
  await expect(options(page)).toHaveText([/^Bài viết mới/]);
  expect(await activeOption(page)).toBe('Bài viết mới');
  await page.keyboard.type('x');
  await expect(options(page)).toHaveCount(0);
  await expect(palette(page).getByRole('status')).toHaveText('Không có lệnh nào khớp.');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(search).toBeFocused();

  // Ctrl+K in the library opens it too; Enter runs the command found.
  const before = page.url();
  await page.keyboard.press('Control+k');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.type('bai moi');
  await expect(options(page)).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
});

test('in the article body: Ctrl+K on a selection is the link, with the caret in text it is the palette; a command chosen acts on the selection', async ({ app: page }) => {
  await page.keyboard.press('Control+Alt+n');
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
  const editor = page.getByTestId('body-editor');
  await editor.focus();
  await page.keyboard.insertText('Phường Xuân Khánh');
  await page.keyboard.press('Shift+Home');
  // The editor has taken the selection when the status bar counts it.
  await expect(page.getByTestId('stat-selection')).toContainText('3 chữ');

  // A selection: Ctrl+K is the link.
  await page.keyboard.press('Control+k');
  const link = page.getByRole('dialog', { name: 'Liên kết' });
  await expect(link).toBeVisible();
  await expect(palette(page)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(link).toBeHidden();
  await expect(editor).toBeFocused();

  // The palette on the same selection: the body's commands are offered, and one runs on the selection.
  await page.keyboard.press('Control+Shift+P');
  await expect(combobox(page)).toBeFocused();
  await expect(options(page).filter({ hasText: 'Đậm' }).locator('kbd')).toHaveText('Ctrl+B');
  await expect(options(page).filter({ hasText: 'Lưu phiên bản' }).locator('kbd')).toHaveText('Ctrl+S');
  await screenshot(page, 'command-palette-editor');
  await page.keyboard.type('dam');
  expect(await activeOption(page)).toBe('Đậm');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(editor).toBeFocused();
  await expect(editor.locator('strong')).toHaveText('Phường Xuân Khánh');

  // The caret in plain text: Ctrl+K is the palette; Esc returns to the body where the caret was.
  await page.keyboard.press('End');
  await page.keyboard.insertText(' mới');
  await page.keyboard.press('Control+k');
  await expect(combobox(page)).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Liên kết' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Gone from the page once the focus and the caret are back.
  await expect(palette(page)).toHaveCount(0);
  await expect(editor).toBeFocused();
  await page.keyboard.insertText('!');
  await expect(editor).toHaveText('Phường Xuân Khánh mới!');
});

test('the palette speaks English when the interface does (switched from the palette itself)', async ({ app: page }) => {
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('tieng anh');
  expect(await activeOption(page)).toBe('Giao diện tiếng Anh (English)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Library', exact: true })).toBeVisible();

  await page.keyboard.press('Control+Shift+P');
  await expect(palette(page)).toHaveAccessibleName('Command palette');
  await expect(combobox(page)).toHaveAccessibleName('Search commands');
  await expect(options(page).filter({ hasText: 'New article' }).locator('kbd')).toHaveText('Ctrl+Alt+N');
  await expect(options(page).filter({ hasText: 'New article' }).locator('.palette-group')).toHaveText('File');
  await page.keyboard.type('viet');
  expect(await activeOption(page)).toBe('Vietnamese interface (Tiếng Việt)');
  await expectNoAxeViolations(page);
  await screenshot(page, 'command-palette-en');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Thư viện', exact: true })).toBeVisible();
});
