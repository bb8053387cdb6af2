import type { Browser, Page, Route } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { startSyncServer, type SyncServer, type SyncUser } from '../helpers/syncServer';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { callApi } from './api';
import { axeViolations, CHIEF_EDITOR, createProfile, expect, screenshot, startHost, startNewArticle, test } from './fixtures';

/**
 * Team sync's interface (issue 15): Settings → Đồng bộ nhóm, the top bar's indicator, the
 * library's conflict mark, the editor's banner and the conflict screen.
 *
 * The first tests answer the sync's methods themselves (page.route), so every state, failure
 * and conflict can be shown and checked with axe in both themes whatever the server does; the
 * last drives two libraries against a real sync server (tests/helpers/syncServer.ts).
 */

type Json = Record<string, unknown>;

const OFF_STATUS = {
  server: '',
  database: 'newsdesk',
  user: '',
  password: 'none',
  state: 'off',
  lastSyncAt: null,
  pending: 0,
  conflicts: [],
  refused: [],
  error: null,
  progress: null,
};

/** Answers one API method with `value` (ok) for as long as the page lives. */
async function answer(page: Page, method: string, value: (input: Json) => unknown): Promise<void> {
  await page.route(`**/api/${method}`, async (route: Route) => {
    const input = (route.request().postDataJSON() ?? {}) as Json;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: value(input) }) });
  });
}

/** axe in the light theme and in the dark one (as the system asks for it). */
async function axeBothThemes(page: Page, screen: string): Promise<string[]> {
  const found = (await axeViolations(page, { exclude: '[data-testid="preview-frame"]' })).map((v) => `${screen}: ${v}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  found.push(...(await axeViolations(page, { exclude: '[data-testid="preview-frame"]' })).map((v) => `${screen} (dark): ${v}`));
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  return found;
}

test.describe('with the sync methods answered by the test', () => {
  test('settings: each failure in words, the password never shown back, the status and its signals, the indicator; axe in both themes', async ({ app: page }) => {
    // An article the status can name as in conflict and as refused.
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill('Chợ nổi Cái Răng vào mùa cao điểm');
    const id = /#\/article\/([a-z0-9-]+)/.exec(page.url())![1]!;
    await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');

    let status: Json = { ...OFF_STATUS };
    const saved: Json[] = [];
    await answer(page, 'getSyncStatus', () => status);
    await answer(page, 'saveSyncSettings', (input) => {
      saved.push(input);
      status = {
        ...status,
        server: input.server,
        database: input.database,
        user: input.user,
        password: 'memory',
        state: 'idle',
        lastSyncAt: new Date().toISOString(),
        pending: 2,
        conflicts: [{ id, headline: 'Chợ nổi Cái Răng vào mùa cao điểm', versions: 2 }],
        refused: [{ id, headline: 'Chợ nổi Cái Răng vào mùa cao điểm', reason: 'only editors may publish' }],
        unreadable: [{ id, headline: 'Chợ nổi Cái Răng vào mùa cao điểm', by: 'Quốc Huy', reason: 'newer', detail: 'article format 9' }],
      };
      return status;
    });
    const reasons = ['bad_address', 'unreachable', 'unauthorized', 'no_database', 'forbidden', 'no_password', 'insecure_storage'];
    let tests = 0;
    await answer(page, 'testSyncConnection', () => {
      const reason = reasons[tests++] ?? null;
      return { ok: reason === null, reason, user: 'Minh Anh', roles: reason ? [] : ['reporter'], message: reason ?? '' };
    });
    await answer(page, 'setSyncPaused', (input) => (status = { ...status, state: input.paused ? 'paused' : 'idle' }));

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const section = page.getByTestId('sync-settings');
    await expect(section.getByRole('group', { name: 'Đồng bộ nhóm' }).or(section)).toBeVisible();
    // Sync off: no indicator in the top bar.
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0);
    await expect(section.getByLabel('Cơ sở dữ liệu')).toHaveValue('newsdesk');
    await expect(section.getByTestId('sync-status')).toHaveAttribute('data-sync-state', 'off');

    await section.getByLabel('Địa chỉ máy chủ').fill('http://127.0.0.1:5984');
    await section.getByLabel('Tên đăng nhập').fill('Minh Anh');
    await section.getByLabel('Mật khẩu').fill('bí-mật');
    await expect(section.getByLabel('Mật khẩu')).toHaveAttribute('type', 'password');
    const words = {
      bad_address: 'địa chỉ máy chủ không hợp lệ',
      unreachable: 'không liên lạc được với máy chủ',
      unauthorized: 'máy chủ không nhận tên đăng nhập hoặc mật khẩu này',
      no_database: 'máy chủ không có cơ sở dữ liệu này',
      forbidden: 'tài khoản này không được phép dùng cơ sở dữ liệu này',
      no_password: 'chưa có mật khẩu',
      insecure_storage: 'máy này không có kho mật khẩu an toàn',
    };
    for (const reason of reasons) {
      await section.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
      await expect(section.getByTestId('sync-message')).toContainText(`Chưa kết nối được: ${words[reason as keyof typeof words]}`);
    }
    await section.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(section.getByTestId('sync-message')).toHaveText('Kết nối được: máy chủ nhận bạn là “Minh Anh”. Vai trò: reporter.');

    // Enter in a field saves the sync's settings (not the newsroom's form around them).
    await section.getByLabel('Mật khẩu').press('Enter');
    await expect(section.getByTestId('sync-status')).toHaveAttribute('data-sync-state', 'idle');
    expect(saved).toEqual([{ server: 'http://127.0.0.1:5984', database: 'newsdesk', user: 'Minh Anh', password: 'bí-mật' }]);
    await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
    // The password is never shown back; the status says where it is kept.
    await expect(section.getByLabel('Mật khẩu')).toHaveValue('');
    await expect(section.getByTestId('sync-password-kept')).toHaveText(/chỉ được giữ trong bộ nhớ cho tới khi đóng Newsdesk/);
    await expect(section.getByTestId('sync-status')).toHaveAttribute('data-sync-pending', '2');
    await expect(section.getByTestId('sync-conflicts').getByRole('link', { name: 'Chợ nổi Cái Răng vào mùa cao điểm — 2 phiên bản' })).toBeVisible();
    await expect(section.getByTestId('sync-refused')).toContainText('Máy chủ từ chối: “only editors may publish”. Nội dung trên máy bạn vẫn giữ nguyên.');
    await expect(section.getByTestId('sync-unreadable')).toHaveText(
      'Chợ nổi Cái Răng vào mùa cao điểm: bản Quốc Huy gửi được lưu bằng Newsdesk mới hơn; hãy cập nhật Newsdesk trên máy này để nhận. Nội dung trên máy bạn vẫn giữ nguyên.',
    );
    await expect(page.getByTestId('sync-indicator')).toHaveText(/^Đồng bộ nhóm: Đã đồng bộ \d\d:\d\d$/);

    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'sync-settings', section);
    expect(await axeBothThemes(page, 'sync settings')).toEqual([]);

    await section.getByRole('button', { name: 'Tạm dừng đồng bộ' }).click();
    await expect(section.getByTestId('sync-status')).toHaveAttribute('data-sync-state', 'paused');
    await expect(page.getByTestId('sync-indicator')).toHaveText('Đồng bộ nhóm: Tạm dừng');
    await expect(section.getByRole('button', { name: 'Đồng bộ ngay' })).toBeDisabled();
    await section.getByRole('button', { name: 'Tiếp tục đồng bộ' }).click();
    await expect(section.getByTestId('sync-status')).toHaveAttribute('data-sync-state', 'idle');

    // Offline: the indicator says what waits.
    status = { ...status, state: 'offline', pending: 3 };
    await expect(page.getByTestId('sync-indicator')).toHaveText('Đồng bộ nhóm: Ngoại tuyến — 3 thay đổi chờ gửi');
    status = { ...status, state: 'idle', pending: 0 };

    // The library marks the article in conflict, with words for screen readers.
    await page.getByRole('link', { name: 'Thư viện' }).click();
    const row = page.getByTestId('article-row').filter({ hasText: 'Chợ nổi Cái Răng' });
    await expect(row.getByRole('link', { name: 'Xung đột đồng bộ: Chợ nổi Cái Răng vào mùa cao điểm — giải quyết' })).toBeVisible();
    await expect(page.locator('.library')).toHaveAttribute('data-idle', 'true');
    await screenshot(page, 'sync-library-mark');
    expect(await axeBothThemes(page, 'library with a conflict')).toEqual([]);

    // In English on request: the same section, its failures and the indicator in English.
    await page.getByTestId('language').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(row.getByRole('link', { name: 'Sync conflict: Chợ nổi Cái Răng vào mùa cao điểm — resolve' })).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toHaveText(/^Team sync: Synced \d\d:\d\d$/);
    await page.getByRole('link', { name: 'Settings' }).click();
    const english = page.getByTestId('sync-settings');
    await expect(english.getByTestId('sync-state')).toHaveText('Up to date');
    await expect(english.getByTestId('sync-password-kept')).toHaveText('The password is kept in memory only, until Newsdesk closes. Leave empty to keep it.');
    tests = reasons.indexOf('insecure_storage');
    await english.getByRole('button', { name: 'Test connection' }).click();
    await expect(english.getByTestId('sync-message')).toHaveText(/^Could not connect: this computer has no secure system password store/);
    await screenshot(page, 'sync-settings-en', english);
  });

  test('the editor banner and the conflict screen: versions compared, nothing chosen silently, merged by hand paragraph by paragraph, and back to the article', async ({ app: page }) => {
    // Five screens checked with axe in both themes: past a minute on two busy cores (a clean clone took 60 s to the last step).
    test.setTimeout(180_000);
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill('Cầu Cần Thơ thông xe sau sửa chữa');
    await page.getByLabel('Sapo', { exact: true }).fill('Cầu mở lại cho xe qua từ sáng nay.');
    const id = /#\/article\/([a-z0-9-]+)/.exec(page.url())![1]!;
    await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
    const article = (await callApi(page, 'getArticle', { id })).value as Json;

    const status: Json = {
      ...OFF_STATUS,
      server: 'http://127.0.0.1:5984',
      user: 'Thu Trang',
      password: 'memory',
      state: 'idle',
      lastSyncAt: new Date().toISOString(),
      conflicts: [{ id, headline: 'Cầu Cần Thơ thông xe sau sửa chữa', versions: 2 }],
    };
    const resolved: Json[] = [];
    await answer(page, 'getSyncStatus', () => status);
    await answer(page, 'getArticleSync', () =>
      resolved.length
        ? { conflict: false, refused: null, unreadable: null, editing: [] }
        : { conflict: true, refused: 'only editors may publish', unreadable: { by: 'Quốc Huy', reason: 'damaged', detail: 'body' }, editing: [{ name: 'Minh Anh', since: '2026-11-29T02:12:00Z' }] },
    );
    // The bodies: the server's changed the first paragraph, the other version dropped the last,
    // both changed the third differently.
    const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
    const P = ['Cầu mở lại lúc 6 giờ.', 'Xe máy và ô tô con được qua.', 'Xe tải chờ thêm một tuần.', 'Cảnh sát giao thông hướng dẫn tại chân cầu.', 'Ảnh: Quốc Huy.'];
    const common = { ...article, body: doc(...P) };
    const winner = { rev: '3-aaa', article: { ...common, headline: 'Cầu Cần Thơ thông xe sau sửa chữa mặt cầu', body: doc('Cầu mở lại lúc 5 giờ 30.', P[1]!, 'Xe tải trên 10 tấn chờ thêm một tuần.', P[3]!, P[4]!) }, by: 'Minh Anh', at: '2026-11-29T02:12:00Z' };
    const loser = { rev: '3-bbb', article: { ...common, headline: 'Cầu Cần Thơ thông xe trở lại', sapo: 'Xe qua cầu bình thường từ 6 giờ sáng nay.', body: doc(P[0]!, P[1]!, 'Xe tải được qua từ thứ Hai tới.', P[3]!) }, by: 'Quốc Huy', at: '2026-11-29T02:14:00Z' };
    await answer(page, 'getSyncConflict', () => ({ id, winner, losers: [loser], common }));
    await answer(page, 'resolveSyncConflict', (input) => {
      resolved.push(input);
      status.conflicts = [];
      return winner.article;
    });

    // The editor's banner: the conflict (with the way to resolve it), the refused change, who else edits (never blocking).
    await page.reload();
    const banner = page.getByTestId('sync-banner');
    await expect(banner.getByTestId('sync-banner-conflict')).toHaveText('Bài này đang xung đột đồng bộ — Giải quyết');
    await expect(banner.getByTestId('sync-banner-refused')).toHaveText('Máy chủ từ chối thay đổi: “only editors may publish”. Nội dung trên máy bạn vẫn giữ nguyên.');
    await expect(banner.getByTestId('sync-banner-unreadable')).toHaveText('Bản Quốc Huy gửi bị hỏng nên không nhận (body). Nội dung trên máy bạn vẫn giữ nguyên.');
    await expect(banner.getByTestId('sync-banner-editing')).toHaveText('Minh Anh đang sửa từ 09:12');
    await expect(page.getByLabel('Tít', { exact: true })).toBeEditable();
    await screenshot(page, 'sync-editor-banner');
    expect(await axeBothThemes(page, 'editor with sync banner')).toEqual([]);

    await banner.getByRole('link', { name: 'Giải quyết' }).click();
    const view = page.getByTestId('sync-conflict');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('Xung đột đồng bộ: Cầu Cần Thơ thông xe sau sửa chữa mặt cầu');
    await expect(view.getByTestId('sync-version')).toHaveCount(2);
    await expect(view.getByRole('heading', { name: /^Phiên bản trên máy chủ Minh Anh · 29\/11\/2026 09:12$/ })).toBeVisible();
    await expect(view.getByRole('heading', { name: /^Phiên bản khác 1 Quốc Huy · 29\/11\/2026 09:14$/ })).toBeVisible();
    // The other version compared with the server's, through the comparison's own view.
    await expect(view.getByTestId('sync-version').nth(1).locator('.diff-fields')).toContainText('trở lại');
    await screenshot(page, 'sync-conflict');
    expect(await axeBothThemes(page, 'conflict screen')).toEqual([]);
    // Against the last shared version.
    await view.getByRole('button', { name: 'Phiên bản chung trước đó' }).click();
    await expect(view.getByTestId('sync-version').first().locator('.diff-fields')).toContainText('mặt cầu');
    // Merge by hand: opened from a version, nothing resolved until saved.
    await view.getByTestId('sync-version').nth(1).getByRole('button', { name: 'Gộp bằng tay, bắt đầu từ phiên bản này' }).click();
    await expect(page.getByTestId('merge-headline')).toBeFocused();
    await expect(page.getByTestId('merge-headline')).toHaveValue('Cầu Cần Thơ thông xe trở lại');
    await screenshot(page, 'sync-conflict-merge', page.getByTestId('sync-merge'));
    expect(await axeBothThemes(page, 'conflict screen, merging')).toEqual([]);
    await page.getByRole('button', { name: 'Hủy gộp' }).click();
    await expect(page.getByTestId('sync-merge')).toHaveCount(0);
    expect(resolved).toEqual([]);

    // Merged again, to the end: the headline both changed starts from this version, the sapo only
    // this one changed is this one's; in the body, what one side alone changed is taken, and the
    // paragraph both changed is a choice, both kept until chosen.
    await view.getByTestId('sync-version').nth(1).getByRole('button', { name: 'Gộp bằng tay, bắt đầu từ phiên bản này' }).click();
    const form = page.getByTestId('sync-merge');
    await expect(form.getByTestId('merge-sapo')).toHaveValue('Xe qua cầu bình thường từ 6 giờ sáng nay.');
    await expect(form.getByTestId('merge-summary')).toHaveText(
      '2 chỗ chỉ một bản sửa đã được gộp tự động.1 chỗ hai bản khác nhau: chọn cho từng chỗ. Chỗ nào chưa chọn thì giữ cả hai, không mất đoạn nào.',
    );
    const choice = form.getByTestId('merge-choice');
    await expect(choice).toHaveCount(1);
    await expect(choice).toContainText('Xe tải được qua từ thứ Hai tới.');
    await expect(choice).toContainText('Xe tải trên 10 tấn chờ thêm một tuần.');
    await expect(choice.getByRole('radio', { name: 'Giữ cả hai, Phiên bản khác 1 trước' })).toBeChecked();
    await screenshot(page, 'sync-conflict-merge-body', form);
    expect(await axeBothThemes(page, 'conflict screen, merging the body')).toEqual([]);
    // The keyboard alone: the choice's radio buttons, then the save.
    await choice.getByRole('radio', { name: 'Giữ cả hai, Phiên bản khác 1 trước' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(choice.getByRole('radio', { name: 'Lấy theo Phiên bản trên máy chủ' })).toBeChecked();
    await form.getByTestId('merge-headline').fill('Cầu Cần Thơ thông xe trở lại sau sửa chữa');
    await form.getByTestId('save-merge').click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/article/${id}$`));
    expect(resolved).toEqual([
      {
        id,
        keep: '3-bbb',
        merged: {
          headline: 'Cầu Cần Thơ thông xe trở lại sau sửa chữa',
          sapo: 'Xe qua cầu bình thường từ 6 giờ sáng nay.',
          body: doc('Cầu mở lại lúc 5 giờ 30.', P[1]!, 'Xe tải trên 10 tấn chờ thêm một tuần.', P[3]!),
        },
      },
    ]);
    await expect(page.getByTestId('sync-banner')).toHaveCount(0);
  });
});

// ---- Two libraries, one sync server -------------------------------------------------------------

interface Desk {
  page: Page;
  close: () => Promise<void>;
}

/** A web host on a fresh library, and a page of its own past "Who are you?". */
async function openDesk(browser: Browser, errors: string[]): Promise<Desk> {
  const dataDir = await makeTempDir('newsdesk-e2e-sync-');
  const { host, process: child } = await startHost(dataDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  await createProfile(page, CHIEF_EDITOR);
  return {
    page,
    close: async () => {
      await context.close();
      await stopChild(child);
      await removeDir(dataDir);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const syncSection = (page: Page) => page.getByTestId('sync-settings');
const syncStatus = (page: Page) => page.getByTestId('sync-status');

async function openSyncSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
  await expect(syncStatus(page)).toHaveAttribute('data-sync-state', /.+/);
}

/** Settings → Đồng bộ nhóm filled in as a user would, tested, saved. */
async function configureSync(page: Page, server: SyncServer, user: SyncUser): Promise<void> {
  await openSyncSettings(page);
  const section = syncSection(page);
  await section.getByLabel('Địa chỉ máy chủ').fill(server.url);
  await section.getByLabel('Cơ sở dữ liệu').fill(server.database);
  await section.getByLabel('Tên đăng nhập').fill(user.name);
  await section.getByLabel('Mật khẩu').fill(user.password);
  await section.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(section.getByTestId('sync-message')).toHaveText(new RegExp(`^Kết nối được: máy chủ nhận bạn là “${user.name}”`));
  await section.getByRole('button', { name: 'Lưu thông tin đồng bộ' }).click();
  await expect(section.getByTestId('sync-message')).toHaveText('Đã lưu cài đặt đồng bộ.');
  await expect(syncStatus(page)).not.toHaveAttribute('data-sync-state', 'off');
  await expect(section.getByTestId('sync-password-kept')).toHaveAttribute('data-kept', 'memory');
  await expect(section.getByLabel('Mật khẩu')).toHaveValue('');
}

/** "Đồng bộ ngay" in Settings, waited for by the app's own signals: done, (unless told) nothing waiting, no error. */
async function syncNow(page: Page, { allSent = true } = {}): Promise<void> {
  await openSyncSettings(page);
  const section = syncSection(page);
  await expect(syncStatus(page)).not.toHaveAttribute('data-sync-state', 'paused');
  await section.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(section.getByTestId('sync-message')).toHaveText('Đồng bộ xong.', { timeout: 30_000 });
  await expect(syncStatus(page)).toHaveAttribute('data-sync-busy', 'false');
  if (allSent) await expect(syncStatus(page)).toHaveAttribute('data-sync-pending', '0');
  await expect(section.getByTestId('sync-error')).toHaveCount(0);
}

async function setPaused(page: Page, paused: boolean): Promise<void> {
  await openSyncSettings(page);
  await syncSection(page)
    .getByRole('button', { name: paused ? 'Tạm dừng đồng bộ' : 'Tiếp tục đồng bộ' })
    .click();
  if (paused) await expect(syncStatus(page)).toHaveAttribute('data-sync-state', 'paused');
  else await expect(syncStatus(page)).not.toHaveAttribute('data-sync-state', 'paused');
  await expect(page.getByTestId('sync-indicator')).toHaveText(paused ? 'Đồng bộ nhóm: Tạm dừng' : /^Đồng bộ nhóm: (?!Tạm dừng)/);
}

const libraryRow = (page: Page, headline: string) => page.getByTestId('article-row').filter({ hasText: headline });

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thư viện' }).click();
  await expect(page.locator('.library')).toHaveAttribute('data-idle', 'true');
}

async function openArticle(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/article/${id}`);
  await expect(page.getByTestId('editor-view').or(page.getByLabel('Tít', { exact: true }))).toBeVisible();
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
}

async function editHeadline(page: Page, id: string, headline: string): Promise<void> {
  await openArticle(page, id);
  await page.getByLabel('Tít', { exact: true }).fill(headline);
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-saved', 'true');
}

/**
 * A sync server and two desks on it: A syncs as the reporter "Minh Anh", B as the editor
 * "Thu Trang". Afterwards no page may have thrown; the desks and the server are closed whatever happens.
 */
async function withTwoDesks(browser: Browser, run: (a: Desk, b: Desk, server: SyncServer) => Promise<void>): Promise<void> {
  const server = await startSyncServer();
  const errors: string[] = [];
  const desks: Desk[] = [];
  try {
    const a = await openDesk(browser, errors);
    desks.push(a);
    const b = await openDesk(browser, errors);
    desks.push(b);
    await configureSync(a.page, server, server.users.reporter);
    await configureSync(b.page, server, server.users.editor);
    await run(a, b, server);
    expect(errors, 'errors thrown in the pages').toEqual([]);
  } finally {
    for (const desk of desks) await desk.close();
    await server.stop();
  }
}

/**
 * Two web hosts on two libraries: A syncs as the reporter "Minh Anh", B as the editor "Thu Trang".
 * Every step is asked for ("Đồng bộ ngay") and waited for by the app's own signals (the status
 * block's data-sync-* attributes, the library's data-idle, the editor's), never by time.
 */
test('two libraries through a sync server: an article travels, edits made apart become a conflict on both, resolved on one for both', async ({ browser }) => {
  test.setTimeout(240_000);
  await withTwoDesks(browser, async (a, b, server) => {
    // Sync configured: the top bar says how it stands.
    await expect(a.page.getByTestId('sync-indicator')).toBeVisible();

    // An article written on A reaches B.
    await startNewArticle(a.page);
    await a.page.getByLabel('Tít', { exact: true }).fill('Giá lúa tăng');
    await expect(a.page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
    const id = /#\/article\/([a-z0-9-]+)/.exec(a.page.url())![1]!;
    // …with a version named on A, listed under its name and its sender's in B's history.
    await a.page.getByTestId('toggle-history').click();
    const namedOnA = a.page.getByTestId('history-panel');
    await namedOnA.getByLabel('Đặt tên cho bản đang viết').fill('Bản gửi thư ký');
    await namedOnA.getByTestId('save-version').click();
    await expect(namedOnA.getByTestId('history-entry').filter({ hasText: 'Bản gửi thư ký' })).toBeVisible();
    await a.page.getByTestId('toggle-history').click();
    await syncNow(a.page);
    await syncNow(b.page);
    await openLibrary(b.page);
    await expect(libraryRow(b.page, 'Giá lúa tăng')).toBeVisible();
    await openArticle(b.page, id);
    await b.page.getByTestId('toggle-history').click();
    const namedOnB = b.page.getByTestId('history-panel').getByTestId('history-entry').filter({ hasText: 'Bản gửi thư ký' });
    await expect(namedOnB).toContainText(server.users.reporter.name);
    await expect(namedOnB).toHaveAttribute('data-kind', 'named');
    // One entry for that text: the name takes the place of "received by sync".
    const namedRevision = await namedOnB.getAttribute('data-revision');
    await expect(b.page.getByTestId('history-panel').locator(`[data-testid="history-entry"][data-revision="${namedRevision}"]`)).toHaveCount(1);
    await screenshot(b.page, 'sync-named-version-received');
    await b.page.getByTestId('toggle-history').click();

    // Apart (paused, as offline), each changes the headline its own way.
    await setPaused(a.page, true);
    await setPaused(b.page, true);
    await editHeadline(a.page, id, 'Giá lúa tăng mạnh');
    await editHeadline(b.page, id, 'Giá lúa tăng nhẹ');
    await openSyncSettings(a.page);
    await expect(syncStatus(a.page)).not.toHaveAttribute('data-sync-pending', '0');

    // Back together: the conflict is marked on both, in the library and in the editor; nothing chosen.
    await setPaused(a.page, false);
    await setPaused(b.page, false);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);
    for (const [desk, own] of [
      [a, 'Giá lúa tăng mạnh'],
      [b, 'Giá lúa tăng nhẹ'],
    ] as const) {
      await expect(syncStatus(desk.page)).toHaveAttribute('data-sync-conflicts', '1');
      await openLibrary(desk.page);
      await expect(libraryRow(desk.page, own).getByRole('link', { name: /^Xung đột đồng bộ: / })).toBeVisible();
      await openArticle(desk.page, id);
      await expect(desk.page.getByTestId('sync-banner-conflict')).toHaveText('Bài này đang xung đột đồng bộ — Giải quyết');
      await expect(desk.page.getByLabel('Tít', { exact: true })).toHaveValue(own);
    }

    // Resolved on B, in the conflict screen: A's version kept.
    await b.page.getByTestId('sync-banner-conflict').getByRole('link', { name: 'Giải quyết' }).click();
    const view = b.page.getByTestId('sync-conflict');
    await expect(view.getByTestId('sync-version')).toHaveCount(2);
    // Either may be the server's (its choice); both are shown, neither kept yet.
    expect((await view.getByTestId('sync-version-headline').allInnerTexts()).sort()).toEqual(['Giá lúa tăng mạnh', 'Giá lúa tăng nhẹ']);
    // Each says by whom: the reporter on A, the editor on B.
    const version = (headline: string) => view.getByTestId('sync-version').filter({ has: b.page.getByTestId('sync-version-headline').getByText(headline, { exact: true }) });
    await expect(version('Giá lúa tăng mạnh').getByRole('heading', { level: 2 }).first()).toContainText(server.users.reporter.name);
    await expect(version('Giá lúa tăng nhẹ').getByRole('heading', { level: 2 }).first()).toContainText(server.users.editor.name);
    await screenshot(b.page, 'sync-conflict-real');
    expect(await axeBothThemes(b.page, 'conflict screen')).toEqual([]);
    await version('Giá lúa tăng mạnh').getByRole('button', { name: 'Giữ phiên bản này', exact: true }).click();
    await expect.poll(() => b.page.url()).toMatch(new RegExp(`#/article/${id}$`));
    await expect(b.page.getByLabel('Tít', { exact: true })).toHaveValue('Giá lúa tăng mạnh');

    await syncNow(b.page);
    await syncNow(a.page);
    for (const desk of [a, b]) {
      await expect(syncStatus(desk.page)).toHaveAttribute('data-sync-conflicts', '0');
      await openLibrary(desk.page);
      await expect(libraryRow(desk.page, 'Giá lúa tăng mạnh')).toBeVisible();
      await expect(desk.page.getByTestId('sync-conflict-mark')).toHaveCount(0);
      await openArticle(desk.page, id);
      await expect(desk.page.getByLabel('Tít', { exact: true })).toHaveValue('Giá lúa tăng mạnh');
      await expect(desk.page.getByTestId('sync-banner-conflict')).toHaveCount(0);
    }
    await openSyncSettings(a.page);
    await screenshot(a.page, 'sync-settings-real', syncSection(a.page));
    expect(await axeBothThemes(a.page, 'sync settings')).toEqual([]);
  });
});

test('a change the server refuses is listed with its reason in Settings and in the editor, and the text on this computer is kept', async ({ browser }) => {
  test.setTimeout(180_000);
  await withTwoDesks(browser, async (a, b) => {

    // The editor writes an article; the reporter, who neither wrote it nor has it assigned, changes it.
    await startNewArticle(b.page);
    await b.page.getByLabel('Tít', { exact: true }).fill('Bão số 9 gây mưa lớn');
    await expect(b.page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
    const id = /#\/article\/([a-z0-9-]+)/.exec(b.page.url())![1]!;
    await syncNow(b.page);
    await syncNow(a.page);
    await editHeadline(a.page, id, 'Bão số 9 gây mưa rất lớn');
    await syncNow(a.page, { allSent: false });

    const refused = syncSection(a.page).getByTestId('sync-refused');
    await expect(refused).toContainText('Bão số 9 gây mưa rất lớn');
    await expect(refused).toContainText(/Máy chủ từ chối: “[^”]*[^.]”\. Nội dung trên máy bạn vẫn giữ nguyên\./);
    await screenshot(a.page, 'sync-refused', syncStatus(a.page));
    await openArticle(a.page, id);
    await expect(a.page.getByTestId('sync-banner-refused')).toHaveText(/^Máy chủ từ chối thay đổi: “[^”]*[^.]”\. Nội dung trên máy bạn vẫn giữ nguyên\.$/);
    await expect(a.page.getByLabel('Tít', { exact: true })).toHaveValue('Bão số 9 gây mưa rất lớn');
    await expect(a.page.getByLabel('Tít', { exact: true })).toBeEditable();
    expect(await axeBothThemes(a.page, 'editor with a refused change')).toEqual([]);

    // The server kept the editor's version.
    await syncNow(b.page);
    await openArticle(b.page, id);
    await expect(b.page.getByLabel('Tít', { exact: true })).toHaveValue('Bão số 9 gây mưa lớn');
  });
});
