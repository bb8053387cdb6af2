import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SEEDED_PROFILES } from '../helpers/seedManyArticles';
import { CHIEF_EDITOR, expect, expectNoAxeViolations, screenshot, test } from './fixtures';
import { openSeeded } from './seededLibrary';

/**
 * The library's saved views ("Chờ duyệt", "Của tôi", "Hôm nay", "Quá hạn", "Thùng rác"), its range
 * of days and a bulk trash and restore, on a library of a few thousand articles. What each list
 * should hold is worked out here from the article files on disk with plain predicates (never with
 * the service's own query code), and compared with what the page shows: the count, the first rows
 * (in the list's order: latest updated first, ties by id) and the last row reached with End.
 */

const rows = (page: Page) => page.getByTestId('article-row');
const idle = (page: Page) => expect(page.locator('.library')).toHaveAttribute('data-idle', 'true');
const countShown = (page: Page) => page.getByTestId('library-count');
const datePanel = (page: Page) => page.getByTestId('filter-dates');

const ARTICLES = 3000;
const DAY_MS = 86_400_000;
const me = SEEDED_PROFILES.find((profile) => profile.name === CHIEF_EDITOR.name)!.id;

/** What the test reads of an article file. */
interface OnDisk {
  id: string;
  status: string;
  assignee: string;
  dueAt: string | null;
  updatedAt: string;
  trashedAt: string | null;
}

/** Every article file of the library (articles/<id>.json), as written now. */
async function readArticles(dataDir: string): Promise<OnDisk[]> {
  const dir = join(dataDir, 'articles');
  const names = (await readdir(dir)).filter((name) => /^seed\d{6}\.json$/.test(name));
  return Promise.all(
    names.map(async (name) => {
      const { id, status, assignee, dueAt, updatedAt, trashedAt } = JSON.parse(await readFile(join(dir, name), 'utf8')) as OnDisk;
      return { id, status, assignee, dueAt, updatedAt, trashedAt };
    }),
  );
}

/** The moment a list is asked for, and that day (YYYY-MM-DD) in the library's time zone. */
interface Clock {
  now: number;
  today: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, string>();
/** YYYY-MM-DD of an instant in a time zone (the platform's calendar, not Newsdesk's code). */
function dayIn(at: number | string, timeZone: string): string {
  const key = `${timeZone} ${at}`;
  let day = days.get(key);
  if (day === undefined) {
    let format = formats.get(timeZone);
    if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    const parts = format.formatToParts(new Date(at));
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    day = `${part('year')}-${part('month')}-${part('day')}`;
    days.set(key, day);
  }
  return day;
}

const CLOSED = new Set(['published', 'spiked', 'archived']);
type Test = (article: OnDisk, clock: Clock) => boolean;
/** What each saved view lists, written plainly from the views' descriptions. */
const views = (timeZone: string) =>
  ({
    active: (a) => a.trashedAt === null,
    waiting: (a) => a.trashedAt === null && (a.status === 'submitted' || a.status === 'review'),
    mine: (a) => a.trashedAt === null && a.assignee === me,
    today: (a, clock) => a.trashedAt === null && (dayIn(a.updatedAt, timeZone) === clock.today || (a.dueAt !== null && dayIn(a.dueAt, timeZone) === clock.today)),
    overdue: (a, clock) => a.trashedAt === null && a.dueAt !== null && Date.parse(a.dueAt) < clock.now && !CLOSED.has(a.status),
    trash: (a) => a.trashedAt !== null,
  }) satisfies Record<string, Test>;
type View = keyof ReturnType<typeof views>;

/** Days from..to (inclusive) on a date of the article, in the time zone. */
const daysBetween =
  (field: 'updatedAt' | 'dueAt', from: string, to: string, timeZone: string): Test =>
  (a) => {
    const at = a[field];
    if (at === null) return false;
    const day = dayIn(at, timeZone);
    return day >= from && day <= to;
  };
const both =
  (...tests: Test[]): Test =>
  (a, clock) =>
    tests.every((test) => test(a, clock));

/** The list's order: latest updated first, ties by id. */
const listOrder = (a: OnDisk, b: OnDisk) => (a.updatedAt === b.updatedAt ? 0 : Date.parse(b.updatedAt) - Date.parse(a.updatedAt)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const number = (n: number) => new Intl.NumberFormat('vi').format(n);
const countText = (n: number, filtered: boolean) => `${number(n)} ${filtered ? 'bài khớp' : 'bài viết'}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * After `act` (choosing a view, a day…): the count shown is the number of articles on disk that
 * pass `test`, and the first rows are the first of them in the list's order. "Today" and "overdue"
 * depend on the moment the service is asked: the expectation is worked out for the moment before
 * `act` and for two minutes later, and whichever the page shows must be one of them (the same
 * unless the library's midnight falls in between). Returns the articles listed.
 */
async function expectListed(page: Page, disk: OnDisk[], test: Test, filtered: boolean, timeZone: string, act: () => Promise<void>): Promise<OnDisk[]> {
  const start = Date.now();
  const candidates = [start, start + 120_000].map((now) => disk.filter((a) => test(a, { now, today: dayIn(now, timeZone) })).sort(listOrder));
  await act();
  const texts = [...new Set(candidates.map((listed) => countText(listed.length, filtered)))];
  await expect(countShown(page)).toHaveText(new RegExp(`^(${texts.map(escape).join('|')})$`));
  await idle(page);
  // Settled: what the page shows now, read at once.
  const { shown, rowCount, pending, ids } = await page.locator('.library').evaluate((library) => ({
    shown: library.querySelector('[data-testid="library-count"]')!.textContent,
    rowCount: library.querySelector('table')?.getAttribute('aria-rowcount') ?? null,
    pending: library.querySelectorAll('[data-testid="article-row-pending"]').length,
    ids: [...library.querySelectorAll('[data-testid="article-row"]')].map((tr) => tr.getAttribute('data-id')!),
  }));
  const listed = candidates.find((c) => countText(c.length, filtered) === shown);
  if (!listed) throw new Error(`the count changed to "${shown}" once the list had settled`);
  if (listed.length === 0) {
    expect(ids).toEqual([]);
    return listed;
  }
  expect(rowCount).toBe(String(listed.length + 1));
  expect(pending).toBe(0);
  expect(ids.length).toBeGreaterThan(0);
  const belonging = new Set(listed.map((a) => a.id));
  expect(
    ids.filter((id) => !belonging.has(id)),
    'rows shown that the view does not hold',
  ).toEqual([]);
  expect(ids).toEqual(listed.slice(0, ids.length).map((a) => a.id));
  return listed;
}

/** Focuses the first row's headline, presses End: the last row (aria-rowindex = count + 1, the header being 1) takes the focus and is the list's last. */
async function expectEndReached(page: Page, listed: OnDisk[]): Promise<void> {
  await rows(page).first().locator('[data-focus-target]').focus();
  await page.keyboard.press('End');
  const last = page.locator(`tr[aria-rowindex="${listed.length + 1}"]`);
  await expect(last.locator('[data-focus-target]')).toBeFocused();
  await expect(last).toHaveAttribute('data-index', String(listed.length - 1));
  await expect(last).toHaveAttribute('data-id', listed.at(-1)!.id);
  await idle(page);
  await expect(page.locator(`tr[aria-rowindex="${listed.length + 2}"]`)).toHaveCount(0);
}

const viewButton = (page: Page, view: View) => page.getByTestId(`view-${view}`);
const choose = (page: Page, view: View) => async () => {
  await viewButton(page, view).click();
  await expect(viewButton(page, view)).toHaveAttribute('aria-pressed', 'true');
};

test('saved views, a range of days and a bulk restore of hundreds, each list counted against the files on disk', async ({ page }) => {
  // About 40 s alone on a two-processor machine already busy with other runs; up to 2.5 min beside
  // a second copy and stress-ng (seeding, the search index's build and axe take most of it).
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  // The web host keeps the real clock: the library is seeded around this moment.
  const now = new Date();
  const { dataDir, close } = await openSeeded(page, ARTICLES, {
    now,
    tweak: (article, n) => {
      let next = article;
      // Nothing is assigned to the chief editor in the seed: every seventh article is.
      if (n % 7 === 3) next = { ...next, assignee: me };
      // Some saved a few seconds ago (the others during the 400 days before).
      if (n % 13 === 1) next = { ...next, updatedAt: new Date(now.getTime() - (n % 50) * 1000).toISOString() };
      return next;
    },
  });
  try {
    const { settings } = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { settings: { timeZone: string } };
    const timeZone = settings.timeZone;
    const view = views(timeZone);
    let disk = await readArticles(dataDir);
    expect(disk).toHaveLength(ARTICLES);

    await expect(countShown(page)).toHaveText(countText(ARTICLES, false));
    await idle(page);

    // ---- Each saved view: its count and its first rows -------------------------------------------
    const before: Partial<Record<View, number>> = {};
    for (const name of ['waiting', 'mine', 'today', 'overdue', 'trash', 'active'] as const) {
      const listed = await expectListed(page, disk, view[name], false, timeZone, choose(page, name));
      before[name] = listed.length;
      if (name === 'overdue') await screenshot(page, 'library-view-overdue');
    }
    // Every view has something to show (but the trash, empty until something is put in it).
    expect(before.active).toBe(ARTICLES);
    expect(before.trash).toBe(0);
    for (const name of ['waiting', 'mine', 'today', 'overdue'] as const) expect(before[name], name).toBeGreaterThan(0);
    await expect(page.getByText('Thùng rác trống.')).toBeHidden();

    // ---- The end of a long view with the keyboard -----------------------------------------------
    const waiting = await expectListed(page, disk, view.waiting, false, timeZone, choose(page, 'waiting'));
    await expectEndReached(page, waiting);
    // And back with Home. (Left at the end, the next, shorter list keeps its Tab stop on its last
    // row, unread: see the test below.)
    await page.keyboard.press('Home');
    await expect(page.locator('tr[aria-rowindex="2"] a')).toBeFocused();
    await expect(page.locator('tr[aria-rowindex="2"]')).toHaveAttribute('data-id', waiting[0]!.id);
    await idle(page);

    // ---- A range of days: updated between two days, with views; a deadline range ----------------
    const day = (daysAgo: number) => dayIn(now.getTime() - daysAgo * DAY_MS, timeZone);
    const from = day(50);
    const to = day(11);
    const updatedInRange = daysBetween('updatedAt', from, to, timeZone);
    await datePanel(page).locator('summary').click();
    await expect(datePanel(page).getByLabel('Theo ngày')).toHaveValue('updated');
    await expectListed(page, disk, both(view.waiting, updatedInRange), true, timeZone, async () => {
      await datePanel(page).getByLabel('Từ ngày').fill(from);
      await datePanel(page).getByLabel('Đến ngày').fill(to);
    });
    // Only the first day, then only "from" on: both ends are days in the library's time zone.
    await expectListed(page, disk, both(view.waiting, daysBetween('updatedAt', from, from, timeZone)), true, timeZone, () =>
      datePanel(page).getByLabel('Đến ngày').fill(from),
    );
    await expectListed(page, disk, both(view.waiting, daysBetween('updatedAt', from, '9999-12-31', timeZone)), true, timeZone, () =>
      datePanel(page).getByLabel('Đến ngày').fill(''),
    );
    // The deadline instead, with "Quá hạn": deadlines of the last three days that have passed.
    await expectListed(page, disk, both(view.overdue, daysBetween('dueAt', day(3), day(0), timeZone)), true, timeZone, async () => {
      await datePanel(page).locator('summary').click();
      await choose(page, 'overdue')();
      await datePanel(page).locator('summary').click();
      await datePanel(page).getByLabel('Theo ngày').selectOption({ label: 'Hạn chót' });
      await datePanel(page).getByLabel('Từ ngày').fill(day(3));
      await datePanel(page).getByLabel('Đến ngày').fill(day(0));
    });
    // A view's rows, its filter bar and the date panel open.
    await expectNoAxeViolations(page);
    await datePanel(page).locator('summary').click();
    await expect(datePanel(page).getByLabel('Từ ngày')).toBeHidden();
    // And back to the updated range, in every article.
    await datePanel(page).locator('summary').click();
    const inRange = await expectListed(page, disk, both(view.active, updatedInRange), true, timeZone, async () => {
      await datePanel(page).getByLabel('Theo ngày').selectOption({ label: 'Cập nhật' });
      await datePanel(page).getByLabel('Từ ngày').fill(from);
      await datePanel(page).getByLabel('Đến ngày').fill(to);
      await datePanel(page).locator('summary').click();
      await choose(page, 'active')();
    });
    // A few hundred.
    expect(inRange.length).toBeGreaterThan(200);
    await expectEndReached(page, inRange);

    // ---- The whole range into the trash at once, then all of it back ----------------------------
    const n = inRange.length;
    await page.getByRole('checkbox', { name: `Chọn cả ${number(n)} bài khớp` }).click();
    await expect(page.getByTestId('selection-count')).toHaveText(`Đã chọn ${number(n)} bài`);
    await page.getByTestId('bulk-trash').click();
    await expect(page.getByTestId('notice')).toContainText(`Chuyển vào thùng rác: ${number(n)} bài đã đổi.`, { timeout: 30_000 });
    // Saved now: none of them is in the range any more.
    await expect(page.getByText('Không có bài nào khớp với bộ lọc.')).toBeVisible();
    await idle(page);
    disk = await readArticles(dataDir);
    const trashed = disk.filter((a) => a.trashedAt !== null).map((a) => a.id);
    expect(trashed.sort()).toEqual(inRange.map((a) => a.id).sort());

    await page.getByTestId('clear-filters').click();
    await expect(countShown(page)).toHaveText(countText(ARTICLES - n, false));
    await idle(page);
    for (const name of ['waiting', 'mine', 'today', 'overdue'] as const) await expectListed(page, disk, view[name], false, timeZone, choose(page, name));
    const inTrash = await expectListed(page, disk, view.trash, false, timeZone, choose(page, 'trash'));
    expect(inTrash).toHaveLength(n);
    await expectEndReached(page, inTrash);

    await page.getByRole('checkbox', { name: `Chọn cả ${number(n)} bài khớp` }).click();
    await expect(page.getByTestId('selection-count')).toHaveText(`Đã chọn ${number(n)} bài`);
    await expect(page.getByTestId('bulk-restore')).toHaveText(`Khôi phục ${number(n)} bài`);
    // The trash's rows (a headline that is not a link, a restore button) and its toolbar.
    await expectNoAxeViolations(page);
    await page.getByTestId('bulk-restore').click();
    await expect(page.getByTestId('notice')).toContainText(`Khôi phục từ thùng rác: ${number(n)} bài đã đổi.`, { timeout: 30_000 });
    await expect(page.getByText('Thùng rác trống.')).toBeVisible();
    await expect(countShown(page)).toHaveText(countText(0, false));
    await expect(page.getByTestId('selection-count')).toBeHidden();
    await idle(page);
    disk = await readArticles(dataDir);
    expect(disk.filter((a) => a.trashedAt !== null)).toEqual([]);

    // Every view as it was (but "Hôm nay": what was restored was saved today).
    for (const name of ['waiting', 'mine', 'overdue', 'active'] as const) {
      const listed = await expectListed(page, disk, view[name], false, timeZone, choose(page, name));
      expect(listed.length, name).toBe(before[name]);
    }
    const todayAfter = await expectListed(page, disk, view.today, false, timeZone, choose(page, 'today'));
    expect(todayAfter.length).toBeGreaterThanOrEqual(n);
    expect(errors, 'errors thrown in the page').toEqual([]);
  } finally {
    await close();
  }
});

/**
 * After End in a long list, a new question whose list is shorter than the row End reached starts
 * at its first row (it was left at the new list's last row, unread: "Đang tải…", and ↓ from the
 * search went there).
 */
test('a new, shorter list after End starts at its first row: ↓ from the search goes there, no row left unread', async ({ page }) => {
  const { dataDir, close } = await openSeeded(page, 400);
  try {
    const { settings } = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { settings: { timeZone: string } };
    const view = views(settings.timeZone);
    const disk = await readArticles(dataDir);
    const all = await expectListed(page, disk, view.active, false, settings.timeZone, async () => undefined);
    await expectEndReached(page, all);
    // "Chờ duyệt" holds 150 of the 400: the row End reached is far past its end.
    const waiting = disk.filter((a) => view.waiting(a)).sort(listOrder);
    expect(waiting.length).toBeLessThan(all.length - 100);
    await choose(page, 'waiting')();
    await expect(countShown(page)).toHaveText(countText(waiting.length, false));
    await idle(page);
    // Every row in the page is read; the one row in the Tab order is the first (as after any new question).
    await expect(page.getByTestId('article-row-pending')).toHaveCount(0);
    await expect(page.locator('tbody [data-focus-target][tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('tr[aria-rowindex="2"] [data-focus-target]')).toHaveAttribute('tabindex', '0');
    await page.keyboard.press('/');
    await expect(page.getByTestId('library-search')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('tr[aria-rowindex="2"] a')).toBeFocused();
    await expect(page.locator('tr[aria-rowindex="2"]')).toHaveAttribute('data-id', waiting[0]!.id);
  } finally {
    await close();
  }
});
