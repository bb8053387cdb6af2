import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import nspell from 'nspell';
import { en } from '../../shared/i18n/en';
import { defaultSettings } from '../../shared/model/settings';
import { vi } from '../../shared/i18n/vi';
import { CHIEF_EDITOR, createProfile, expect, profileDialog, profileSwitcher, startNewArticle, test } from './fixtures';

/**
 * Every string in both languages (issue 14): the Vietnamese interface's screens show no English.
 * A word on screen (its text, and the labels, titles, placeholders and alt texts a screen reader
 * or a tooltip shows) counts as English when it is
 * - a word of the English interface text (shared/i18n/en.ts) that the Vietnamese text never uses, or
 * - an English word (the English dictionary the spellchecker ships) that is not a Vietnamese
 *   syllable (its Vietnamese dictionary: "to", "can", "long" are Vietnamese too),
 * unless the Vietnamese interface text uses it itself, the test typed it, or it is a name below.
 */

/** Names kept as they are in the Vietnamese interface, and why. */
const NAMES: Record<string, string> = {
  newsdesk: 'the product’s name',
  word: 'Microsoft Word, a program the articles are imported from',
  html: 'a file format',
  rss: 'a feed format',
  url: 'an address’s technical name',
  email: 'the usual Vietnamese word for e-mail',
  sapo: 'the Vietnamese newsroom’s word for the lead',
  shift: 'a key’s name as printed on it, in shortcuts (Ctrl+Shift+Z)',
  alt: 'a key’s name as printed on it, in shortcuts (Ctrl+Alt+N)',
};

const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}+/gu) ?? [];
const valuesOf = (messages: unknown): string[] =>
  Object.values(messages as Record<string, unknown>).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));
const vocabulary = (messages: unknown) => new Set(valuesOf(messages).flatMap(words).map((w) => w.toLowerCase()));

const viWords = vocabulary(vi);
const englishInterfaceWords = new Set([...vocabulary(en)].filter((w) => !viWords.has(w)));
const dictionary = (name: string) =>
  nspell({ aff: readFileSync(join(process.cwd(), 'node_modules', name, 'index.aff')), dic: readFileSync(join(process.cwd(), 'node_modules', name, 'index.dic')) });
const englishDictionary = dictionary('dictionary-en');
const vietnameseDictionary = dictionary('dictionary-vi');

/** What the test typed into the library: the user's words, not the interface's. */
const HEADLINE = 'Cầu Cần Thơ đón khách du lịch dịp cuối năm';
const SAPO = 'Lượng khách qua cầu tăng mạnh trong tuần đầu tháng Mười Hai.';
const BODY = 'Sở Du lịch thành phố cho biết các điểm tham quan đều kín chỗ.';
const INITIALS = words(CHIEF_EDITOR.name).map((w) => w[0]).join(''); // "TH", the profile's badge
/** The newsroom's data as a new library has it (sections, abbreviations such as “CB”) and the folders shown: not interface text either. */
const data = [JSON.stringify(defaultSettings()), homedir()];
const typed = new Set([HEADLINE, SAPO, BODY, CHIEF_EDITOR.name, INITIALS, ...data].flatMap(words).map((w) => w.toLowerCase()));

function isEnglish(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 2 || !/^[a-z]+$/.test(lower) || viWords.has(lower) || typed.has(lower) || NAMES[lower]) return false;
  if (englishInterfaceWords.has(lower)) return true;
  return englishDictionary.correct(word) && !vietnameseDictionary.correct(word) && !vietnameseDictionary.correct(lower);
}

/** The text a user can see or hear on the page as it is: visible text, the labels of controls, tooltips, placeholders, alt texts, options. */
async function textsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.body.innerText, document.title];
    for (const element of document.querySelectorAll('*')) {
      for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    for (const option of document.querySelectorAll('option')) texts.push(option.label || option.text);
    // The article's own text is the user's (shown in the editor and the preview), not the interface's.
    return texts;
  });
}

const leaks: string[] = [];

async function checkScreen(page: Page, screen: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const found = new Map<string, string>();
  for (const text of await textsOnScreen(page)) {
    for (const word of words(text)) {
      if (isEnglish(word) && !found.has(word)) found.set(word, text.length > 120 ? `${text.slice(Math.max(0, text.indexOf(word) - 50), text.indexOf(word) + 60)}` : text);
    }
  }
  for (const [word, context] of found) leaks.push(`${screen}: “${word}” in “${context.replace(/\s+/g, ' ').trim()}”`);
}

test('the Vietnamese interface shows no English on its screens and dialogs', async ({ page, host }) => {
  test.setTimeout(180_000);
  leaks.length = 0;
  // The library's folder is shown in Settings: its random name (say “newsdesk-e2e-otU1DH”) is not interface text.
  for (const word of words(host.dataDir)) typed.add(word.toLowerCase());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The gate: "Who are you?", before any profile exists.
  await page.goto(host.url);
  await expect(profileDialog(page)).toBeVisible();
  await checkScreen(page, 'profile gate');
  await createProfile(page, CHIEF_EDITOR);

  // The library, empty, then with an article.
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
  await checkScreen(page, 'empty library');

  // The editor with an article: the details beside it, then each side panel.
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  await page.getByLabel('Sapo').fill(SAPO);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(BODY);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/phiên bản/);
  await checkScreen(page, 'editor');
  for (const [panel, screen] of [
    ['preview', 'preview'],
    ['review', 'review panel'],
    ['history', 'history'],
    ['checklist', 'checklist'],
    ['inspector', 'article details'],
  ] as const) {
    await page.getByTestId(`toggle-${panel}`).click();
    await expect(page.getByTestId(`toggle-${panel}`)).toHaveAttribute('aria-pressed', 'true');
    await checkScreen(page, screen);
  }

  // The link dialog, on a selected word.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  const linkDialog = page.getByRole('dialog');
  await expect(linkDialog).toBeVisible();
  await checkScreen(page, 'link dialog');
  await page.keyboard.press('Escape');
  await expect(linkDialog).toBeHidden();

  // Two versions compared.
  await page.getByTestId('toggle-history').click();
  const history = page.getByTestId('history-panel');
  await history.getByLabel('Đặt tên cho bản đang viết').fill('Bản đầu');
  await history.getByRole('button', { name: 'Lưu phiên bản' }).click();
  const first = history.getByTestId('history-entry').filter({ hasText: 'Bản đầu' });
  await expect(first).toBeVisible();
  const firstRevision = Number(await first.getAttribute('data-revision'));
  await page.getByLabel('Sapo').fill(`${SAPO} ${BODY}`);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await page.keyboard.press('Control+s');
  const latest = history.getByTestId('history-entry').first();
  await expect.poll(async () => Number(await latest.getAttribute('data-revision'))).toBeGreaterThan(firstRevision);
  await expect(latest).toHaveAttribute('data-kind', 'named');
  await first.getByLabel('Chọn để so sánh').check();
  await latest.getByLabel('Chọn để so sánh').check();
  await history.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await checkScreen(page, 'compare view');
  await page.goBack();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);

  // An older version, opened from the history.
  if ((await page.getByTestId('toggle-history').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('toggle-history').click();
  await first.getByRole('link', { name: 'Xem' }).click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/revision/);
  // The older version's own heading: the editor's (visually hidden) h1 is still there until the hash change is handled.
  await expect(page.getByTestId('revision-view').getByRole('heading', { level: 1 })).toBeVisible();
  await checkScreen(page, 'older version');
  await page.goBack();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);

  // Find and replace, opened from the keyboard.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+h');
  await expect(page.getByRole('button', { name: /Thay tất cả/ })).toBeVisible();
  await checkScreen(page, 'find and replace');
  await page.keyboard.press('Escape');

  // The library with the article in it, and the bulk actions on a selected row.
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
  await expect(page.getByText(HEADLINE)).toBeVisible();
  await page.getByRole('row').filter({ hasText: HEADLINE }).getByRole('checkbox').check();
  await checkScreen(page, 'library with a selected article');
  for (const [button, screen] of [
    ['Đổi trạng thái…', 'bulk status dialog'],
    ['Xuất ra thư mục…', 'bulk export dialog'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await checkScreen(page, screen);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // Settings, and site export.
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('button', { name: 'Lưu cài đặt' })).toBeVisible();
  await checkScreen(page, 'settings');
  await page.getByRole('link', { name: 'Xuất trang web' }).click();
  await expect(page.getByRole('button', { name: 'Xuất trang web', exact: true })).toBeVisible();
  await checkScreen(page, 'site export');
  await page.getByRole('button', { name: 'Chọn thư mục…' }).last().click();
  await expect(page.getByRole('dialog', { name: 'Thư mục xuất', exact: true })).toBeVisible();
  await checkScreen(page, 'folder chooser');
  await page.keyboard.press('Escape');

  // The profile dialog, opened from the top bar.
  await profileSwitcher(page).click();
  await expect(profileDialog(page)).toBeVisible();
  await checkScreen(page, 'profile dialog');

  expect(leaks, 'English words on the Vietnamese interface').toEqual([]);
  expect(errors, 'errors thrown in the page').toEqual([]);
});

test('the check notices English on a Vietnamese screen', async ({ page, host }) => {
  leaks.length = 0;
  await page.goto(host.url);
  await createProfile(page, CHIEF_EDITOR);
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
  await checkScreen(page, 'library');
  expect(leaks).toEqual([]);
  // An English label, an English word in a Vietnamese sentence, a tooltip in English.
  await page.evaluate(() => {
    const note = document.createElement('p');
    note.textContent = 'Không có bài nào. Loading';
    const button = document.createElement('button');
    button.setAttribute('aria-label', 'Close');
    button.title = 'Bỏ qua';
    document.querySelector('main')!.append(note, button);
  });
  await checkScreen(page, 'library');
  expect(leaks.map((leak) => leak.replace(/ in .*/, ''))).toEqual(['library: “Loading”', 'library: “Close”']);
});
