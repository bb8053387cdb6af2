import type { Page } from '@playwright/test';
import { expect, startNewArticle, test } from './fixtures';
import { allText, composeFcitx, composeIbus, DAY_MANH, storedBody, THUY, typeUnikey, VIET_NAM, type StoredBody } from './vietnameseReplays';

/**
 * Suggestion mode and comments with Vietnamese input methods: the Telex/VNI replays of
 * vietnamese-input.spec.ts typed as a suggestion and inside a commented range must give exactly
 * the expected text, and one suggestion per word typed (never one per keystroke).
 */

async function articleWith(page: Page, text: string) {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Gợi ý sửa bằng tiếng Việt');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  await page.keyboard.insertText(text);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  return editor;
}

async function suggesting(page: Page) {
  await page.getByRole('button', { name: 'Chế độ gợi ý sửa' }).click();
  await expect(page.getByTestId('suggesting-note')).toBeVisible();
}

type Marked = { type: string; attrs?: { id?: unknown } };
/** Every suggestion id of a stored body, and the text each covers. */
function suggestionsIn(body: StoredBody): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: { text?: string; marks?: Marked[]; content?: unknown[] }) => {
    for (const mark of node.marks ?? []) {
      if (!['insertion', 'deletion', 'modification'].includes(mark.type)) continue;
      const id = String(mark.attrs?.id);
      found.set(id, (found.get(id) ?? '') + (node.text ?? allText(node)).replace(/\u200B/g, ''));
    }
    for (const child of node.content ?? []) visit(child as typeof node);
  };
  visit(body as never);
  return found;
}

test('Unikey corrections typed as a suggestion give the exact words, one suggestion for the typed run', async ({ app: page, host }) => {
  const editor = await articleWith(page, 'Tin hôm nay.');
  await suggesting(page);
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await typeUnikey(page, VIET_NAM);
  await page.keyboard.insertText(' ');
  await typeUnikey(page, THUY);
  await expect(editor).toHaveText('Tin hôm nay. Việt Nam thủy');
  const body = await storedBody(page, host);
  expect(allText(body).replace(/\u200B/g, '')).toBe('Tin hôm nay. Việt Nam thủy');
  // One suggestion: the typed run, by the chief editor; Backspace inside it deleted for real.
  expect([...suggestionsIn(body).values()]).toEqual([' Việt Nam thủy']);
  const review = await page.getByTestId('toggle-review');
  await review.click();
  await expect(page.getByTestId('suggestion')).toHaveCount(1);
  await expect(page.getByTestId('suggestion')).toContainText('Thu Hà');
  await expect(page.getByTestId('suggestion')).toContainText('Thêm “ Việt Nam thủy”');
});

test('words typed in two places are two suggestions; ibus and fcitx compositions are exact', async ({ app: page, host }) => {
  const editor = await articleWith(page, 'Giá lúa tăng.');
  await suggesting(page);
  const cdp = await page.context().newCDPSession(page);
  // After "Giá": " Việt" by ibus (pre-edit, then commit).
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText(' ');
  await composeIbus(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  // At the end: " đẩy mạnh" by Unikey, then " Nam" by fcitx.
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await typeUnikey(page, DAY_MANH);
  await page.keyboard.insertText(' ');
  await composeFcitx(cdp, ['N', 'Na', 'Nam'], 'Nam');
  await expect(editor).toHaveText('Giá Việt lúa tăng. đẩy mạnh Nam');
  const body = await storedBody(page, host);
  expect([...suggestionsIn(body).values()].sort()).toEqual([' Việt', ' đẩy mạnh Nam'].sort());
});
