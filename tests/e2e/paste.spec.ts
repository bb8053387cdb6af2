import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test, type Host, startNewArticle } from './fixtures';

const fixtures = fileURLToPath(new URL('../fixtures/paste/', import.meta.url));
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** A real paste event, as the browser fires it for Ctrl+V, with the clipboard's flavours. */
async function paste(editor: Locator, data: { html?: string; text: string }) {
  await editor.evaluate((element, { html, text }) => {
    const clipboardData = new DataTransfer();
    if (html) clipboardData.setData('text/html', html);
    clipboardData.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, data);
}

async function newArticle(page: Page) {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Bài dán');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  return editor;
}

/** The stored body once the save after the paste has reached the disk (it holds the editor's text). */
async function stored(page: Page, host: Host): Promise<string> {
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const read = async () => JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8')).body;
  const text = (node: { text?: string; content?: unknown[] }): string => (node.text ?? '') + (node.content ?? []).map((c) => text(c as never)).join('');
  await expect.poll(async () => text(await read()) === (await page.getByTestId('body-editor').textContent())?.normalize('NFC'), { timeout: 10_000 }).toBe(true);
  return JSON.stringify(await read());
}

test('pasting from Word gives real lists and clean text', async ({ app: page, host }) => {
  const editor = await newArticle(page);
  await paste(editor, { html: fixture('word.html'), text: 'Sáng 27/11…' });
  await expect(editor.locator(':scope > ul > li')).toHaveCount(2);
  await expect(editor.locator(':scope > ul > li > ul > li')).toHaveText(['Thư viện phường']);
  await expect(editor.locator(':scope > ol > li')).toHaveCount(2);
  await expect(editor).toContainText('Ông Đức cho biết.');
  const body = await stored(page, host);
  expect(body).not.toMatch(/mso|o:p|·|\u00A0|\u00D0/);
  expect(body).toContain('"type":"bulletList"');
});

test('pasting from Google Docs keeps only the real bold', async ({ app: page, host }) => {
  const editor = await newArticle(page);
  await paste(editor, { html: fixture('gdocs.html'), text: 'Giá lúa tăng…' });
  await expect(editor.locator('strong')).toHaveText(['Giá lúa tăng']);
  await expect(editor.locator('h2')).toHaveText('Diễn biến giá');
  const body = await stored(page, host);
  expect(body).not.toContain('docs-internal-guid');
});

test('pasting from a web page runs nothing and keeps no script, handler or javascript: link', async ({ app: page, host }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const editor = await newArticle(page);
  await paste(editor, { html: fixture('web.html'), text: 'Tin nóng' });
  await expect(editor).toContainText('liên kết tốt');
  const html = await editor.innerHTML();
  expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|<img/i);
  const body = await stored(page, host);
  expect(body).not.toMatch(/javascript:|data:text/i);
  expect(dialogs).toEqual([]);
});

test('TCVN3 text from Word is converted, with a notice that can undo the conversion', async ({ app: page, host }) => {
  const editor = await newArticle(page);
  await paste(editor, { html: fixture('tcvn3-word.html'), text: 'thµnh phè' });
  await expect(editor).toContainText('Uỷ ban nhân dân quận Bình Thủy đẩy mạnh việc học tập.');
  await expect(page.getByTestId('notice')).toContainText('TCVN3');
  await page.getByRole('button', { name: 'Giữ nguyên như khi dán' }).click();
  await expect(editor).toContainText('Uû ban nh©n d©n');
  await expect(editor).not.toContainText('Uỷ ban nhân dân');
  expect(await stored(page, host)).toContain('Uû ban');
});

test('plain VNI text is converted and keeps its paragraphs', async ({ app: page, host }) => {
  const editor = await newArticle(page);
  await paste(editor, { text: fixture('vni.txt') });
  await expect(editor.locator('p')).toHaveText(['Thành phố Cần Thơ đẩy mạnh học tập suốt đời.', 'Người dân huyện Phong Điền tham gia.']);
  expect(await stored(page, host)).toContain('Người dân huyện Phong Điền');
});

test('what an article cannot hold as pasted is kept with its text, and the notice says what changed', async ({ app: page, host }) => {
  const editor = await newArticle(page);
  await paste(editor, {
    html: '<ol start="-4"><li>Mục âm</li></ol><table><tr><td colspan="2">Ô gộp hai cột</td></tr><tr><td>Ninh Kiều</td><td>42</td></tr></table>',
    text: 'Mục âm',
  });
  await expect(page.getByTestId('notice')).toContainText('2 thuộc tính ngoài phạm vi');
  await expect(editor).toContainText('Ô gộp hai cột');
  await screenshot(page, 'paste-notice');
  const body = JSON.parse(await stored(page, host)) as { content: Array<{ type: string; attrs?: unknown; content: Array<{ content: unknown[] }> }> };
  const list = body.content.find((block) => block.type === 'orderedList')!;
  expect(list.attrs).toBeUndefined();
  const table = body.content.find((block) => block.type === 'table')!;
  // The merged cell is split back, so both rows have two cells and the columns line up.
  expect(table.content.map((row) => row.content.length)).toEqual([2, 2]);
});
