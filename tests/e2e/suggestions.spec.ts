import type { CDPSession, Page } from '@playwright/test';
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
  // The button hands the keyboard back to the text at the next frame (Tiptap's focus): keys
  // pressed before that reach the button, not the text, on a busy machine.
  await expect(page.getByTestId('body-editor')).toBeFocused();
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
  await expect(page.getByTestId('suggestion')).toContainText('Thêm “Việt Nam thủy”');
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
  // The page shows the word at once; the editor may take it in a moment later (the next test
  // makes that moment last): the keys below do not wait for it, as a person's do not.
  await expect(editor).toHaveText('Giá Việt lúa tăng.');
  // At the end: " đẩy mạnh" by Unikey, then " Nam" by fcitx.
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await typeUnikey(page, DAY_MANH);
  await expect(editor).toHaveText('Giá Việt lúa tăng. đẩy mạnh');
  await page.keyboard.insertText(' ');
  await composeFcitx(cdp, ['N', 'Na', 'Nam'], 'Nam');
  await expect(editor).toHaveText('Giá Việt lúa tăng. đẩy mạnh Nam');
  const body = await storedBody(page, host);
  expect([...suggestionsIn(body).values()].sort()).toEqual([' Việt', ' đẩy mạnh Nam'].sort());
});

test('a space typed before the editor is told where the caret went goes there, and the word composed next after it', async ({ app: page, host }) => {
  // On a busy machine Chromium delivers selectionchange after the next input (input goes first):
  // here it is held back, so the editor still has its caret at the end when the space is typed.
  const editor = await articleWith(page, 'Giá lúa tăng.');
  await suggesting(page);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
    const hold = (event: Event) => event.stopImmediatePropagation();
    (window as unknown as { holdSelectionChange: typeof hold }).holdSelectionChange = hold;
    window.addEventListener('selectionchange', hold, true);
  });
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText(' ');
  await page.evaluate(() => {
    window.removeEventListener('selectionchange', (window as unknown as { holdSelectionChange: (event: Event) => void }).holdSelectionChange, true);
    document.dispatchEvent(new Event('selectionchange'));
  });
  await composeIbus(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  await expect(editor).toHaveText('Giá Việt lúa tăng.');
  const body = await storedBody(page, host);
  expect([...suggestionsIn(body).values()]).toEqual([' Việt']);
});

/**
 * Holds back what the editor does on a timer when an input method's composition ends (ProseMirror
 * takes the composed text in 20 ms after compositionend), as a busy machine does: Chromium runs
 * input before timers. The timers set while compositionend is handled wait until `release`.
 */
async function holdCompositionEndTimers(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { heldTimers: Array<() => void> };
    w.heldTimers = [];
    const realSetTimeout = window.setTimeout;
    const holding = ((callback: (...args: unknown[]) => void, _delay?: number, ...args: unknown[]) => {
      w.heldTimers.push(() => callback(...args));
      return 0;
    }) as typeof window.setTimeout;
    // Capture on the window runs before the editor's handler, bubbling on the window after it.
    window.addEventListener('compositionend', () => (window.setTimeout = holding), true);
    window.addEventListener('compositionend', () => (window.setTimeout = realSetTimeout));
  });
  return {
    held: () => page.evaluate(() => (window as unknown as { heldTimers: unknown[] }).heldTimers.length),
    release: () => page.evaluate(() => (window as unknown as { heldTimers: Array<() => void> }).heldTimers.splice(0).forEach((run) => run())),
  };
}

test('keys typed right after an ibus word, before the editor has taken the word in, go where they are typed', async ({ app: page, host }) => {
  // In suggestion mode the composed word is an insertion (<ins>) in the document while the page
  // still has it bare, as the browser typed it, until the editor takes the composition in.
  const editor = await articleWith(page, 'Giá lúa tăng.');
  await suggesting(page);
  const cdp = await page.context().newCDPSession(page);
  const timers = await holdCompositionEndTimers(page);
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText(' ');
  await composeIbus(cdp, ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
  await expect.poll(timers.held).toBeGreaterThan(0);
  // Still held: End, then " đẩy mạnh" by Unikey at the end of the paragraph.
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await typeUnikey(page, DAY_MANH);
  await expect(editor).toHaveText('Giá Việt lúa tăng. đẩy mạnh');
  await timers.release();
  await expect(editor).toHaveText('Giá Việt lúa tăng. đẩy mạnh');
  const body = await storedBody(page, host);
  expect([...suggestionsIn(body).values()].sort()).toEqual([' Việt', ' đẩy mạnh'].sort());
});

/**
 * ibus as Chromium delivers it with its keys: each key the input method takes is a keydown
 * "Process" (keyCode 229) before the pre-edit's update; the word is committed at the end.
 */
async function composeIbusKeys(cdp: CDPSession, steps: string[], commit: string) {
  const key = { windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Process' };
  for (const text of steps) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  }
  await cdp.send('Input.insertText', { text: commit });
}

test('a word composed by ibus in place of one deleted with Backspace, or of a selected one, is exact and follows the deleted word', async ({ app: page, host }) => {
  // Suggestion mode keeps a deleted word and puts the word typed in its place after it; the input
  // method's pre-edit must start there, or the browser loses its composition ("ggạo").
  const editor = await articleWith(page, 'Giá lúa tăng.');
  await suggesting(page);
  const cdp = await page.context().newCDPSession(page);
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Giá lúa'.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'lúa'.length; i++) await page.keyboard.press('Backspace');
  await expect(editor.locator('del')).toHaveText('lúa');
  await composeIbusKeys(cdp, ['g', 'ga', 'gao', 'gạo'], 'gạo');
  await expect(editor).toHaveText('Giá lúagạo tăng.');
  // "tăng" selected, then "giảm" composed over it.
  await selectInFirstParagraph(page, 'Giá lúagạo '.length, 'tăng'.length);
  await composeIbusKeys(cdp, ['g', 'gi', 'gia', 'giam', 'giảm'], 'giảm');
  await expect(editor).toHaveText('Giá lúagạo tănggiảm.');
  const body = await storedBody(page, host);
  expect([...suggestionsIn(body).values()].sort()).toEqual(['lúagạo', 'tănggiảm'].sort());
  await page.getByTestId('toggle-review').click();
  await expect(page.getByTestId('suggestion')).toHaveCount(2);
});

/** The article file as stored (read once the status bar says nothing waits to be saved). */
async function stored(page: Page, host: { dataDir: string }) {
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(`${host.dataDir}/articles/${id}.json`, 'utf8')) as {
    body: StoredBody;
    comments: Array<{ anchor: { from: number; to: number } | null; quote: string; resolved: unknown; messages: Array<{ text: string; by: string }> }>;
    suggestions: Array<{ id: string; by: string }>;
  };
}

/** Selects `length` characters after the first `offset` of the editor's first paragraph, with the keyboard, and waits until the editor has it. */
async function selectInFirstParagraph(page: Page, offset: number, length: number) {
  await page.getByTestId('body-editor').locator('p').first().click();
  await page.keyboard.press('Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  // The status bar counts the selection once the editor has taken it.
  await expect(page.getByTestId('stat-selection')).toHaveText(new RegExp(`, ${length} ký tự$`));
}

async function commentOn(page: Page, offset: number, length: number, text: string) {
  await selectInFirstParagraph(page, offset, length);
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByTestId('new-comment');
  await form.getByLabel('Bình luận mới').fill(text);
  await form.getByRole('button', { name: 'Gửi bình luận' }).click();
  await expect(page.getByTestId('comment-thread').filter({ hasText: text })).toBeVisible();
}

for (const mode of ['editing', 'suggesting'] as const) {
  test(`typing Telex and VNI inside a commented range (${mode}): exact text, and the comment covers it`, async ({ app: page, host }) => {
    const editor = await articleWith(page, 'Giá lúa tăng mạnh.');
    await commentOn(page, 4, 8, 'Tăng bao nhiêu?');
    await expect(editor.locator('.comment-anchor')).toHaveText('lúa tăng');
    if (mode === 'suggesting') await suggesting(page);
    const cdp = await page.context().newCDPSession(page);
    // Inside the range, after "lúa ": "Việt Nam" by Unikey, then "đẩy" by an ibus pre-edit, each
    // followed by a space. (Typed where the next letter differs from the typed one: a space typed
    // right beside a space is the same text either way round, and the browser may report it as either.)
    await editor.locator('p').first().click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await typeUnikey(page, VIET_NAM);
    await page.keyboard.insertText(' ');
    await composeIbus(cdp, ['đ', 'đâ', 'đẩ', 'đẩy'], 'đẩy');
    await page.keyboard.insertText(' ');
    await expect(editor.locator('p').first()).toHaveText('Giá lúa Việt Nam đẩy tăng mạnh.');
    // The highlight starts and ends where it did (in suggestion mode the suggested words between are drawn as suggestions).
    await expect(editor.locator('.comment-anchor').first()).toHaveText(/^lúa/);
    await expect(editor.locator('.comment-anchor').last()).toHaveText(/tăng$/);
    // (Read as the highlight's whole text: a misspelling underline the spellchecker drew while the
    // words were half typed, on a busy machine, splits the highlight in two until it checks again.)
    if (mode === 'editing') await expect.poll(async () => (await editor.locator('.comment-anchor').allTextContents()).join('')).toBe('lúa Việt Nam đẩy tăng');
    const file = await stored(page, host);
    expect(allText(file.body).replace(/\u200B/g, '')).toBe('Giá lúa Việt Nam đẩy tăng mạnh.');
    expect(file.comments).toHaveLength(1);
    expect(file.comments[0]!.quote).toBe('lúa Việt Nam đẩy tăng');
    expect(file.comments[0]!.anchor).not.toBeNull();
    if (mode === 'suggesting') {
      expect([...suggestionsIn(file.body).values()]).toEqual(['Việt Nam đẩy ']);
      expect(file.suggestions.map((s) => s.by)).toEqual(['Thu Hà']);
    } else expect(suggestionsIn(file.body).size).toBe(0);
  });
}

test('formatting and whole paragraphs as suggestions: accept one, reject another, reject all brings the text back', async ({ app: page, host }) => {
  const editor = await articleWith(page, 'Một hai ba.');
  await suggesting(page);
  // Bold on "Một" (a formatting suggestion), and a new paragraph typed after the first.
  await selectInFirstParagraph(page, 0, 3);
  await page.keyboard.press('Control+b');
  // Each step waits for the editor to show it: the bold, then the selection gone (the caret at
  // the end of the line), so that no key lands on a state the editor has not reached yet.
  await expect(editor.locator('strong')).toHaveText('Một');
  await page.keyboard.press('End');
  await expect(page.getByTestId('stat-selection')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(editor.locator('p')).toHaveCount(2);
  await page.keyboard.insertText('Đoạn mới.');
  await page.getByTestId('toggle-review').click();
  const items = page.getByTestId('suggestion');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Đổi định dạng “Một”');
  await expect(items.last()).toContainText('Thêm “Đoạn mới.”');
  await expect(editor.locator('strong')).toHaveText('Một');
  // Reject the bold, accept the paragraph.
  await items.first().getByTestId('reject').click();
  await expect(editor.locator('strong')).toHaveCount(0);
  await items.first().getByTestId('accept').click();
  await expect(items).toHaveCount(0);
  await expect(editor.locator('p')).toHaveText(['Một hai ba.', 'Đoạn mới.']);
  let file = await stored(page, host);
  expect(suggestionsIn(file.body).size).toBe(0);
  expect(file.suggestions).toEqual([]);
  expect(file.body.content.map(allText)).toEqual(['Một hai ba.', 'Đoạn mới.']);

  // More suggestions, then "Từ chối tất cả": the text as it was.
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Bốn');
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await expect(page.getByTestId('stat-selection')).toHaveText(/, 9 ký tự$/);
  await page.keyboard.press('Backspace');
  await expect(items).toHaveCount(2);
  await page.getByTestId('reject-all').click();
  await expect(items).toHaveCount(0);
  await expect(editor.locator('p')).toHaveText(['Một hai ba.', 'Đoạn mới.']);
  file = await stored(page, host);
  expect(file.body.content.map(allText)).toEqual(['Một hai ba.', 'Đoạn mới.']);
});

test('a comment whose text is deleted is kept, detached, with its words', async ({ app: page, host }) => {
  const editor = await articleWith(page, 'Ông Nguyễn Văn A phát biểu.');
  await commentOn(page, 4, 12, 'Ghi rõ chức vụ.');
  await editor.locator('p').first().click();
  await selectInFirstParagraph(page, 4, 12);
  await page.keyboard.press('Backspace');
  await expect(editor.locator('p').first()).toHaveText('Ông  phát biểu.');
  const thread = page.getByTestId('comment-thread');
  await expect(thread).toHaveAttribute('data-state', 'detached');
  await expect(thread).toContainText('Nguyễn Văn A');
  await expect(thread).toContainText('Đoạn chữ của bình luận này đã bị xóa');
  const file = await stored(page, host);
  expect(file.comments).toMatchObject([{ anchor: null, quote: 'Nguyễn Văn A', resolved: null, messages: [{ text: 'Ghi rõ chức vụ.', by: 'Thu Hà' }] }]);
  // Opened again: still there, still detached; nothing about it reaches the page.
  await page.reload();
  // The side panel chosen last is open again.
  await expect(page.getByTestId('toggle-review')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('comment-thread')).toHaveAttribute('data-state', 'detached');
  await page.getByTestId('toggle-preview').click();
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('body')).not.toContainText('Ghi rõ chức vụ');
});
