import type { Page } from '@playwright/test';
import { expect, test, startNewArticle } from './fixtures';
import { allText, composeFcitx, composeIbus, DAY_MANH, storedBody, THUY, typeUnikey, VIET_NAM } from './vietnameseReplays';

/**
 * Vietnamese input as the input methods deliver it, replayed in Chromium:
 * - ibus-bamboo / fcitx5-unikey with a pre-edit: composition updates, then a commit;
 * - Unikey / EVKey without a pre-edit: letters, then Backspace and the corrected syllable.
 * The editor must neither duplicate nor lose a character, and must store NFC.
 */

async function openNewArticle(page: Page) {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Gõ tiếng Việt');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  return editor;
}

test('Unikey-style corrections type "Việt Nam", "thủy" and "đẩy mạnh" exactly', async ({ app: page, host }) => {
  const editor = await openNewArticle(page);
  await typeUnikey(page, VIET_NAM);
  await page.keyboard.insertText(' ');
  await typeUnikey(page, THUY);
  await page.keyboard.insertText(' ');
  await typeUnikey(page, DAY_MANH);
  await expect(editor).toHaveText('Việt Nam thủy đẩy mạnh');
  const body = await storedBody(page, host);
  expect(allText(body)).toBe('Việt Nam thủy đẩy mạnh');
  expect(allText(body)).toBe(allText(body).normalize('NFC'));
});

test('ibus and fcitx compositions commit each word once', async ({ app: page, host }) => {
  const editor = await openNewArticle(page);
  const cdp = await page.context().newCDPSession(page);
  await composeIbus(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  await page.keyboard.insertText(' ');
  await composeFcitx(cdp, ['N', 'Na', 'Nam'], 'Nam');
  await page.keyboard.insertText(' ');
  // A decomposed commit (some engines send combining marks) is stored composed.
  await composeIbus(cdp, ['đ', 'đâ', 'đẩ', 'đẩy'], 'đẩy'.normalize('NFD'));
  await expect(editor).toHaveText(/^Việt Nam đ/);
  const body = await storedBody(page, host);
  expect(allText(body)).toBe('Việt Nam đẩy');
});

test('typing at the start of an empty paragraph, at bold and link boundaries and in a table cell', async ({ app: page, host }) => {
  const editor = await openNewArticle(page);
  const cdp = await page.context().newCDPSession(page);

  // Bold boundary: "Bình " plain, "Thủy" bold, " đẹp" plain again.
  await page.keyboard.insertText('Bình ');
  await page.keyboard.press('Control+b');
  await composeIbus(cdp, ['T', 'Th', 'Thu', 'Thủ', 'Thủy'], 'Thủy');
  await page.keyboard.press('Control+b');
  await typeUnikey(page, [' ', 'd', { back: 1 }, 'đ', 'e', 'p', { back: 2 }, 'ẹp']);

  // Start of an empty paragraph.
  await page.keyboard.press('Enter');
  await composeFcitx(cdp, ['Q', 'Qu', 'Quâ', 'Quận'], 'Quận');

  // Right after a link: the new text must not be lost or doubled.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Cổng UBND');
  await page.keyboard.press('Shift+Home');
  // The editor has taken the selection when the status bar counts it.
  await expect(page.getByTestId('stat-selection')).toContainText('2 chữ');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Địa chỉ').fill('cantho.gov.vn');
  await page.getByRole('button', { name: 'Gắn liên kết' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await typeUnikey(page, [' ', 't', 'h', 'a', 'n', 'h', { back: 3 }, 'ành', ' ', 'p', 'h', 'o', { back: 1 }, 'ố']);

  // First cell of a table.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await composeIbus(cdp, ['C', 'Cầ', 'Cần'], 'Cần');
  await typeUnikey(page, [' ', 'T', 'h', 'o', { back: 1 }, 'ơ']);

  await expect(editor.locator('p').first()).toHaveText('Bình Thủy đẹp');
  const body = await storedBody(page, host);
  const [first, second, third, table] = body.content;
  expect(first!.content!.map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join()])).toEqual([
    ['Bình ', ''],
    ['Thủy', 'bold'],
    [' đẹp', ''],
  ]);
  expect(allText(second)).toBe('Quận');
  expect(third!.content!.map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join()])).toEqual([
    ['Cổng UBND', 'link'],
    [' thành phố', ''],
  ]);
  expect(table!.type).toBe('table');
  expect(allText(table)).toBe('Cần Thơ');
});

test('markdown-style shortcuts make headings, quotes and lists', async ({ app: page, host }) => {
  await openNewArticle(page);
  for (const [prefix, text] of [
    ['## ', 'Tiêu đề phụ'],
    ['> ', 'Lời trích dẫn'],
  ] as const) {
    await page.keyboard.type(prefix);
    await page.keyboard.insertText(text);
    await page.keyboard.press('Enter');
    if (prefix === '> ') await page.keyboard.press('Enter');
  }
  await page.keyboard.type('- ');
  await page.keyboard.insertText('Ý một');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. ');
  await page.keyboard.insertText('Bước một');
  const body = await storedBody(page, host);
  expect(body.content.map((b) => b.type)).toEqual(['heading', 'blockquote', 'bulletList', 'orderedList']);
  expect(body.content.map(allText)).toEqual(['Tiêu đề phụ', 'Lời trích dẫn', 'Ý một', 'Bước một']);
});
