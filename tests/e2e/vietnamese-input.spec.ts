import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test, type Host, startNewArticle } from './fixtures';

/**
 * Vietnamese input as the input methods deliver it, replayed in Chromium:
 * - ibus-bamboo / fcitx5-unikey with a pre-edit: composition updates, then a commit;
 * - Unikey / EVKey without a pre-edit: letters, then Backspace and the corrected syllable.
 * The editor must neither duplicate nor lose a character, and must store NFC.
 */

/** ibus style: each keystroke updates the pre-edit, the word is committed at the end. */
async function composeIbus(cdp: CDPSession, steps: string[], commit: string) {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
}

/** fcitx5 style: the pre-edit is cleared before the commit arrives. */
async function composeFcitx(cdp: CDPSession, steps: string[], commit: string) {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await cdp.send('Input.insertText', { text: commit });
}

type UnikeyStep = string | { back: number };

/** Unikey/EVKey style: real Backspace key presses between inserted characters. */
async function typeUnikey(page: Page, steps: UnikeyStep[]) {
  for (const step of steps) {
    if (typeof step === 'string') await page.keyboard.insertText(step);
    else for (let i = 0; i < step.back; i++) await page.keyboard.press('Backspace');
  }
}

// What Unikey sends for "Vieejt Nam", "thuyr" and "ddaayr manhj" typed in Telex.
const VIET_NAM: UnikeyStep[] = ['V', 'i', 'e', { back: 1 }, 'ê', { back: 1 }, 'ệ', 't', ' ', 'N', 'a', 'm'];
const THUY: UnikeyStep[] = ['t', 'h', 'u', 'y', { back: 2 }, 'ủy'];
const DAY_MANH: UnikeyStep[] = ['d', { back: 1 }, 'đ', 'a', { back: 1 }, 'â', 'y', { back: 2 }, 'ẩy', ' ', 'm', 'a', 'n', 'h', { back: 3 }, 'ạnh'];

async function openNewArticle(page: Page) {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Gõ tiếng Việt');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  return editor;
}

/**
 * The body as stored on disk, once it holds what the editor shows (composition is applied by the
 * editor a moment after the input method commits, so the file is read until the two agree).
 */
async function storedBody(page: Page, host: Host) {
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const read = async () => JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8')).body as StoredBody;
  await expect
    .poll(async () => allText(await read()) === (await page.getByTestId('body-editor').textContent())?.normalize('NFC'), { timeout: 10_000 })
    .toBe(true);
  return read();
}

type StoredBody = { content: Array<{ type: string; content?: Array<{ type: string; text?: string; marks?: Array<{ type: string }>; content?: unknown[] }> }> };

function allText(node: unknown): string {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(allText).join('');
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
