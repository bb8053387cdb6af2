import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeViolations, chooseFolder, expect, profileDialog, profileSwitcher, screenshot, startNewArticle, test } from './fixtures';

/**
 * Accessibility (issue 14): every screen and dialog passes axe-core's WCAG 2 A and AA rules; an
 * article is written, previewed, saved and exported with the keyboard alone, the focus visible at
 * every stop; the text follows the size the user chose for the browser or the system.
 */

const PHOTO = fileURLToPath(new URL('../fixtures/images/cau-can-tho.png', import.meta.url));
const HEADLINE = 'Cầu Cần Thơ đón khách du lịch dịp cuối năm';
const SAPO = 'Lượng khách qua cầu tăng mạnh trong tuần đầu tháng Mười Hai.';
const BODY = 'Sở Du lịch thành phố cho biết các điểm tham quan đều kín chỗ.';
/** The preview's page is the published page, which tests/e2e/site-quality.spec.ts checks with axe page by page. */
const PREVIEW = '[data-testid="preview-frame"]';

/** Violations found on the tour, by screen: all of them reported at the end rather than the first alone. */
type Found = string[];

/**
 * axe on the screen as it stands, in the light theme and, where the build has themes (data-theme
 * on <html>, following the system's unless the user chose), in the dark one as the system asks for it.
 */
async function check(page: Page, found: Found, screen: string): Promise<void> {
  for (const violation of await axeViolations(page, { exclude: PREVIEW })) found.push(`${screen}: ${violation}`);
  if (!(await page.locator('html').getAttribute('data-theme'))) return;
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  for (const violation of await axeViolations(page, { exclude: PREVIEW })) found.push(`${screen} (dark): ${violation}`);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

async function expectIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
}

/** Opens a side panel of the editor (its toggle pressed) and waits until it is shown. */
async function showPanel(page: Page, panel: string): Promise<void> {
  const toggle = page.getByTestId(`toggle-${panel}`);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

/**
 * Every screen and dialog, checked by axe where it stands: the library (empty, with rows, a filter
 * open, the bulk dialogs), the editor with each side panel, the link and figure dialogs, find and
 * replace, an older version, two versions compared, settings, site export before and after an
 * export, the folder chooser, the profile dialog, About, bundles sent and received.
 */
async function tour(page: Page, dataDir: string, shots: string): Promise<Found> {
  const found: Found = [];
  await check(page, found, 'empty library');

  // The editor: an article written, each side panel shown.
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  await page.getByLabel('Sapo').fill(SAPO);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(BODY);
  await expectIdle(page);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu thành một phiên bản/);
  for (const panel of ['inspector', 'preview', 'review', 'history', 'checklist']) {
    await showPanel(page, panel);
    if (panel === 'preview') await expect(page.frameLocator(PREVIEW).locator('h1')).toHaveText(HEADLINE);
    await check(page, found, `editor with ${panel}`);
  }
  await screenshot(page, `${shots}-editor-checklist`);

  // The link dialog, on a selected word.
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  const linkDialog = page.getByRole('dialog');
  await expect(linkDialog).toBeVisible();
  await check(page, found, 'link dialog');
  await page.keyboard.press('Escape');
  await expect(linkDialog).toBeHidden();

  // The figure dialog, for a photo put in the body.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar').getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
  await (await chooser).setFiles(PHOTO);
  const figureDialog = page.getByRole('dialog', { name: 'Ảnh trong bài' });
  await expect(figureDialog).toBeVisible();
  await check(page, found, 'figure dialog');
  await figureDialog.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Cây cầu bắc qua sông');
  await figureDialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(figureDialog).toBeHidden();

  // Find and replace, opened from the keyboard.
  await page.keyboard.press('Control+h');
  await expect(page.getByRole('button', { name: /Thay tất cả/ })).toBeVisible();
  await page.keyboard.type('tham quan');
  await expect(page.getByTestId('find-status')).toHaveText(/^1\/\d+ kết quả$/);
  await check(page, found, 'find and replace');
  await page.keyboard.press('Escape');

  // An older version, and two versions compared.
  await expectIdle(page);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu thành một phiên bản/);
  await showPanel(page, 'history');
  const history = page.getByTestId('history-panel');
  const entries = history.getByTestId('history-entry');
  await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(2);
  await entries.nth(1).getByRole('link', { name: 'Xem' }).click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/revision/);
  // The older version's own heading: the editor's (visually hidden) h1 is still there until the hash change is handled.
  await expect(page.getByTestId('revision-view').getByRole('heading', { level: 1 })).toBeVisible();
  await check(page, found, 'older version');
  await page.goBack();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  await showPanel(page, 'history');
  await entries.nth(1).getByLabel('Chọn để so sánh').check();
  await entries.nth(0).getByLabel('Chọn để so sánh').check();
  await history.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await check(page, found, 'compare view');
  await page.goBack();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);

  // The library with rows, a filter open, a row chosen and each bulk dialog.
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  await expect(page.getByRole('link', { name: HEADLINE })).toBeVisible();
  await check(page, found, 'library with rows');
  await page.getByTestId('filter-section').locator('summary').click();
  await expect(page.getByTestId('filter-section').getByLabel('Thời sự')).toBeVisible();
  await check(page, found, 'library with a filter open');
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: `Chọn bài “${HEADLINE}”` }).check();
  await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 1 bài');
  await check(page, found, 'library with a chosen row');
  await screenshot(page, `${shots}-library`);
  for (const button of ['bulk-status', 'bulk-section', 'bulk-tags', 'bulk-export-open']) {
    await page.getByTestId(button).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await check(page, found, `bulk dialog ${button}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // Bundles: the chosen article sent (a notice), then received back (its summary).
  const bundles = join(dataDir, '..', `bundles-${Date.now()}`);
  await mkdir(bundles, { recursive: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('send-articles').click();
  const bundle = join(bundles, 'gui.newsdesk');
  await (await download).saveAs(bundle);
  await expect(page.getByTestId('notice')).toContainText('Đã đóng gói');
  await check(page, found, 'bundle sent');
  const bundleChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhận bài…' }).click();
  await (await bundleChooser).setFiles(bundle);
  const summary = page.getByTestId('bundle-summary');
  await expect(summary).toBeVisible();
  await check(page, found, 'bundle received');
  await page.keyboard.press('Escape');
  await expect(summary).toBeHidden();

  // Settings, site export before and after an export, the folder chooser.
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('button', { name: 'Lưu cài đặt' })).toBeVisible();
  await check(page, found, 'settings');
  await page.getByRole('link', { name: 'Xuất trang web' }).click();
  await expect(page.getByRole('button', { name: 'Xuất trang web', exact: true })).toBeVisible();
  await check(page, found, 'site export');
  await page.getByRole('button', { name: 'Chọn thư mục…' }).last().click();
  const folders = page.getByRole('dialog', { name: 'Thư mục xuất', exact: true });
  await expect(folders.getByTestId('folder-current')).not.toBeEmpty();
  await check(page, found, 'folder chooser');
  await page.keyboard.press('Escape');
  await expect(folders).toBeHidden();
  await chooseFolder(page, 'Thư mục xuất', dirname(dataDir), `site-${Date.now()}`);
  await page.getByRole('button', { name: 'Xuất trang web', exact: true }).click();
  await expect(page.getByTestId('site-result')).toContainText('Đã xuất');
  await check(page, found, 'site export done');
  await screenshot(page, `${shots}-site-export`);

  // The profile dialog and About, from the top bar.
  await profileSwitcher(page).click();
  await expect(profileDialog(page)).toBeVisible();
  await check(page, found, 'profile dialog');
  await page.keyboard.press('Escape');
  await expect(profileDialog(page)).toBeHidden();
  await page.getByRole('button', { name: 'Giới thiệu', exact: true }).click();
  const about = page.getByRole('dialog', { name: /Newsdesk/ });
  await expect(about.getByTestId('about-data-dir')).toHaveText(dataDir);
  await check(page, found, 'about');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  return found;
}

test('every screen and dialog has no axe violation', async ({ app: page, host }) => {
  // (Every screen and dialog, each in both themes: some 2.5 minutes on a busy two-core machine.)
  test.setTimeout(360_000);
  expect(await tour(page, host.dataDir, 'a11y-light')).toEqual([]);
});

/**
 * What the focused element shows: null when it has a focus indicator (an outline of some width
 * and colour, or a ring drawn as a box shadow), else what is focused without one. The body's
 * editable area draws its ring on the editor's frame (around the toolbar and the text).
 */
async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing is focused';
    const target = element instanceof HTMLElement && element.isContentEditable ? (element.closest('.article-editor') ?? element) : element;
    const style = getComputedStyle(target);
    const transparent = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
    const ring = style.boxShadow !== 'none' && !transparent(style.boxShadow);
    if (outline || ring) return null;
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    return `${element.tagName.toLowerCase()} “${name}” is focused with no visible focus indicator`;
  });
}

async function expectVisibleFocus(page: Page): Promise<void> {
  expect(await focusProblem(page)).toBeNull();
}

/**
 * Presses Tab (or Shift+Tab) until `isTarget` says the focused element is the one (it may be
 * already: a dialog focuses its first control), the focus visible at every stop.
 */
async function tabTo(page: Page, what: string, isTarget: (element: Element) => boolean, { back = false, max = 60 } = {}): Promise<void> {
  const reached = () => page.evaluate(`(${isTarget.toString()})(document.activeElement)`);
  for (let i = 0; i < max; i++) {
    if (await reached()) return expectVisibleFocus(page);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
  }
  if (await reached()) return;
  throw new Error(`${what} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

const labelled = (label: string) =>
  new Function('element', `return element.labels?.[0]?.textContent?.trim() === ${JSON.stringify(label)}`) as (element: Element) => boolean;
const named = (name: string) =>
  new Function('element', `return (element.getAttribute('aria-label') ?? element.textContent?.trim()) === ${JSON.stringify(name)}`) as (element: Element) => boolean;
const withTestId = (id: string) => new Function('element', `return element.dataset?.testid === ${JSON.stringify(id)}`) as (element: Element) => boolean;

test('an article is written, previewed, saved and exported with the keyboard alone, the focus always visible', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const out = join(dirname(host.dataDir), `ban-phim-${Date.now()}`);
  await mkdir(out);

  // "Who are you?": the name typed, the role chosen with the arrow keys, the profile created with Enter.
  await page.goto(host.url);
  const gate = profileDialog(page);
  await expect(gate.getByLabel('Họ và tên')).toBeFocused();
  await page.keyboard.type('Thu Hà');
  await tabTo(page, 'the role', labelled('Vai trò'));
  await page.keyboard.press('End');
  await expect(gate.getByLabel('Vai trò').locator('option:checked')).toHaveText('Tổng biên tập');
  await tabTo(page, 'Create profile', named('Tạo hồ sơ'));
  await page.keyboard.press('Enter');
  await expect(gate).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();

  // A new article by its shortcut; headline, sapo and body typed, each reached with Tab.
  await page.keyboard.press('Control+Alt+n');
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue('');
  await tabTo(page, 'the headline', labelled('Tít'));
  await page.keyboard.type(HEADLINE);
  await tabTo(page, 'the sapo', labelled('Sapo'));
  await page.keyboard.type(SAPO);
  await tabTo(page, 'the body', withTestId('body-editor'));
  await page.keyboard.type(BODY);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Nhiều khách sạn ven sông đã kín phòng đến hết tháng.');
  await expect(page.getByTestId('body-editor')).toContainText('kín phòng');

  // The section, in the article's details beside the text, chosen with the arrow keys.
  const section = page.getByLabel('Chuyên mục', { exact: true });
  await tabTo(page, 'the section', labelled('Chuyên mục'));
  await page.keyboard.press('ArrowDown');
  const chosen = (await section.locator('option:checked').textContent())?.trim();
  expect(chosen).toBeTruthy();

  // The preview, its toggle reached backwards from there.
  await tabTo(page, 'the preview toggle', withTestId('toggle-preview'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toggle-preview')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.frameLocator(PREVIEW).locator('h1')).toHaveText(HEADLINE);
  await expect(page.frameLocator(PREVIEW).locator('body')).toContainText('kín phòng');
  await expectVisibleFocus(page);

  // Saved as a version, then exported as one file by the shortcut.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu thành một phiên bản lúc \d\d:\d\d/);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const file = await (await download).path();
  expect(existsSync(file)).toBe(true);
  await expect(page.getByTestId('notice')).toContainText('Đã xuất tệp “cau-can-tho-don-khach-du-lich-dip-cuoi-nam.html”');
  await screenshot(page, 'a11y-keyboard-preview');

  // Exported into a folder: the dialog, the folder chooser (the path typed), Export, all from the keyboard.
  await tabTo(page, 'Export to a folder', named('Xuất vào thư mục…'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Xuất bài vào một thư mục' });
  await expect(dialog).toBeVisible();
  await tabTo(page, 'Choose folder', named('Chọn thư mục…'), { max: 10 });
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'Thư mục', exact: true });
  await expect(chooser).toBeVisible();
  await tabTo(page, 'the path', labelled('Đường dẫn'), { max: 20 });
  await page.keyboard.press('Control+a');
  await page.keyboard.type(out);
  await page.keyboard.press('Enter');
  await expect(chooser.getByTestId('folder-current')).toHaveText(out);
  await tabTo(page, 'Choose this folder', named('Chọn thư mục này'), { max: 20 });
  await screenshot(page, 'a11y-keyboard-folder-chooser');
  await page.keyboard.press('Enter');
  await expect(chooser).toBeHidden();
  await expect(dialog.getByTestId('folder-export-path')).toHaveText(out);
  await tabTo(page, 'Export', named('Xuất'), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText(`Đã xuất bài vào ${out}`);
  expect(existsSync(join(out, 'cau-can-tho-don-khach-du-lich-dip-cuoi-nam.html'))).toBe(true);
  expect(errors, 'errors thrown in the page').toEqual([]);
});

/** The computed font size, in pixels, of the first element `selector` finds. */
const fontSize = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

/** The library's rows whose text runs past the row's bottom (the rows have fixed heights). */
const clippedRows = (page: Page) =>
  page.getByTestId('article-row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const bottom = row.getBoundingClientRect().bottom;
      return [...row.querySelectorAll('td')].flatMap((cell) => {
        // The cell's content (a snippet's lines beyond the second are hidden on purpose), without its bottom padding.
        const end = cell.getBoundingClientRect().bottom - parseFloat(getComputedStyle(cell).paddingBottom);
        return end > bottom + 0.5 ? [`${cell.textContent?.trim().slice(0, 30)}: ${Math.round(end - bottom)} px cut off`] : [];
      });
    }),
  );

test('the text follows the default font size the user chose for the browser', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(BODY);
  await expectIdle(page);
  const body = await fontSize(page, '.body-editor p');
  const headline = await fontSize(page, '.headline-input');
  const library = page.getByRole('link', { name: 'Thư viện', exact: true });
  await library.click();
  const row = page.getByTestId('article-row').first();
  await expect(row).toContainText(HEADLINE);
  const cell = await fontSize(page, '[data-testid="article-row"] td');

  // Chromium's font size setting at "Very large" (Settings → Appearance), as the DevTools protocol sets it: 24 px instead of 16.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.getByRole('link', { name: HEADLINE }).click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  expect(await fontSize(page, '.body-editor p')).toBeCloseTo(body * 1.5, 1);
  expect(await fontSize(page, '.headline-input')).toBeCloseTo(headline * 1.5, 1);
  await screenshot(page, 'a11y-editor-larger-text');

  // The library's rows grow with their text: nothing cut off, in the list or in a search's results with their snippets.
  await library.click();
  await expect(row).toContainText(HEADLINE);
  expect(await fontSize(page, '[data-testid="article-row"] td')).toBeCloseTo(cell * 1.5, 1);
  expect(await clippedRows(page)).toEqual([]);
  await screenshot(page, 'a11y-library-larger-text');
  await page.getByLabel('Tìm bài viết').fill('tham quan');
  await expect(row.getByTestId('snippet')).toContainText('tham quan');
  expect(await clippedRows(page)).toEqual([]);
  await screenshot(page, 'a11y-search-larger-text');
});
