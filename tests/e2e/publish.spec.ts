import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chooseFolder, expect, expectNoAxeViolations, screenshot, test, startNewArticle } from './fixtures';
import { publishInEditor } from './workflow';

const PHOTO = fileURLToPath(new URL('../fixtures/images/cau-can-tho.png', import.meta.url));

async function writeArticle(page: Page) {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Cầu Cần Thơ đón khách du lịch');
  await page.getByLabel('Sapo').fill('Lượng khách tham quan cầu tăng mạnh dịp cuối năm.');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Xã hội' });
  // (An article without a byline is refused publication by the pre-publish checklist.)
  await page.getByLabel('Tác giả').fill('Minh Anh');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn ảnh đại diện…' }).click();
  await (await chooser).setFiles(PHOTO);
  await page.getByLabel('Chú thích').fill('Trong ảnh: du khách trên cầu');
  await page.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Du khách chụp ảnh trên cầu');
  await page.getByTestId('body-editor').click();
  await page.keyboard.insertText('Sáng nay, hàng trăm du khách đến tham quan.');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
}

/**
 * Images differ by design (the preview shows the library's derivatives in every width, the file
 * embeds one each); nothing else may. Each image becomes its alt text.
 */
const sameButImages = (html: string) => html.replace(/<\/?picture>|<source [^>]*>/g, '').replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, '<img alt="$1">');

/** The page the preview shows, as the browser holds it (the app writes it into the preview's own document). */
const previewMarkup = (page: Page) => page.frameLocator('[data-testid="preview-frame"]').locator('html').evaluate((html) => html.outerHTML);
/** A file's page as the same browser reads it, to compare with the preview's markup by markup. */
const parsedMarkup = (page: Page, html: string) => page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML, html);

test('the preview shows the page at three widths, follows edits, and equals the exported file', async ({ app: page }) => {
  await writeArticle(page);
  await page.getByTestId('toggle-preview').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('h1')).toHaveText('Cầu Cần Thơ đón khách du lịch');
  await expect(frame.locator('figure.featured figcaption')).toHaveText('Trong ảnh: du khách trên cầu');
  // The page inside the frame is the published page, which the site gate checks page by page.
  await expectNoAxeViolations(page, { exclude: '[data-testid="preview-frame"]' });
  await screenshot(page, 'preview-desktop');

  await page.getByRole('button', { name: 'Điện thoại' }).click();
  await expect(page.getByTestId('preview-frame')).toHaveAttribute('data-width', 'phone');
  await screenshot(page, 'preview-phone');

  // An edit reaches the preview (how fast is for `npm run bench`, not for a test).
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Thêm một câu.');
  await expect(frame.locator('.body p').first()).toHaveText('Sáng nay, hàng trăm du khách đến tham quan. Thêm một câu.');

  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const exported = await readFile(await (await download).path(), 'utf8');
  // One WebP derivative per photo, embedded; the notice says how big the file is.
  expect(exported).toContain('src="data:image/webp;base64,');
  expect(exported).not.toContain('library/images/');
  await expect(page.getByTestId('notice')).toContainText(/Đã xuất tệp “cau-can-tho-don-khach-du-lich\.html” \(\d+ KB\)/);
  // The export saved first; once the preview has caught up with that save, the two are the same page.
  const exportedMarkup = sameButImages(await parsedMarkup(page, exported));
  await expect.poll(async () => sameButImages(await previewMarkup(page))).toBe(exportedMarkup);

  await page.getByRole('button', { name: 'Xem toàn cửa sổ' }).click();
  await expect(page.locator('.preview-full')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.preview-full')).toHaveCount(0);
});

test('a published article goes out in the website, with a progress bar, into a folder of our choosing', async ({ app: page, host }) => {
  await writeArticle(page);
  await publishInEditor(page);

  await page.getByRole('link', { name: 'Xuất trang web' }).click();
  // The folder is chosen, not typed: the web host's chooser, a new folder made in it.
  const out = await chooseFolder(page, 'Thư mục xuất', dirname(host.dataDir), `site-${Date.now()}`);
  await expect(page.getByTestId('site-out')).toHaveText(out);
  await page.getByRole('button', { name: 'Xuất trang web', exact: true }).click();
  await expect(page.getByTestId('site-result')).toContainText('Đã xuất');
  await expect(page.getByTestId('site-progress')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'site-export');
  expect(existsSync(join(out, 'cau-can-tho-don-khach-du-lich.html'))).toBe(true);
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  const home = await readFile(join(out, 'index.html'), 'utf8');
  expect(home).toContain('href="cau-can-tho-don-khach-du-lich.html"');
  const article = await readFile(join(out, 'cau-can-tho-don-khach-du-lich.html'), 'utf8');
  expect(article).toMatch(/<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00">/);
});

test('newsroom settings shape the page: address, a new section, website links, feedback, date format', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  const save = page.getByRole('button', { name: 'Lưu cài đặt' });
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
  // A change undone puts the form back as saved.
  await page.getByLabel('Tên báo', { exact: true }).fill('Báo Thử');
  await expect(page.getByTestId('settings-state')).toHaveText('Có thay đổi chưa lưu.');
  await page.getByRole('button', { name: 'Hoàn tác thay đổi' }).click();
  await expect(page.getByLabel('Tên báo', { exact: true })).toHaveValue('Báo Thành phố');
  await expect(save).toBeDisabled();
  await page.getByLabel('Địa chỉ trang web').fill('https://baocantho.example');
  // The way to save is in view from the top of a long page.
  await expect(save).toBeEnabled();
  await expect(save).toBeInViewport();
  await page.getByRole('button', { name: 'Thêm chuyên mục' }).click();
  await page.getByLabel('Tên chuyên mục').last().fill('Đô thị');
  await page.getByRole('button', { name: 'Thêm liên kết' }).click();
  await page.getByLabel('Tên trang').fill('Cổng thông tin Cần Thơ');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('https://cantho.gov.vn');
  await page.getByLabel('Thư điện tử nhận phản hồi').fill('toasoan@baocantho.example');
  await page.getByLabel('Cách ghi ngày giờ').selectOption('short');
  await expectNoAxeViolations(page);
  await save.click();
  await expect(page.getByTestId('notice')).toContainText('Đã lưu cài đặt');
  await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
  await screenshot(page, 'settings');

  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Đô thị xanh');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Đô thị' });
  await page.getByTestId('toggle-preview').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('.section-label')).toHaveText('Đô thị');
  await expect(frame.locator('.dateline time')).toHaveText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  await expect(frame.getByRole('link', { name: 'Cổng thông tin Cần Thơ' })).toHaveAttribute('href', 'https://cantho.gov.vn');
  await expect(frame.getByRole('link', { name: 'Gửi ý kiến về bài viết này' })).toHaveAttribute('href', /^mailto:toasoan@baocantho\.example\?subject=/);
  await expect(frame.locator('link[rel="canonical"]')).toHaveAttribute('href', 'https://baocantho.example/do-thi-xanh.html');
});

test('related articles chosen by hand appear in the page, in their order', async ({ app: page }) => {
  for (const headline of ['Chợ nổi Cái Răng đông khách', 'Bến Ninh Kiều về đêm']) {
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill(headline);
    await page.getByLabel('Tác giả').fill('Quốc Huy');
    await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
    await publishInEditor(page);
  }
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Du lịch Cần Thơ cuối năm');
  for (const [query, headline] of [['ben ninh', 'Bến Ninh Kiều về đêm'], ['cho noi', 'Chợ nổi Cái Răng đông khách']] as const) {
    await page.getByTestId('related-search').fill(query);
    await page.getByRole('button', { name: `Thêm “${headline}”` }).click();
  }
  await expect(page.getByRole('list', { name: 'Các bài liên quan đã chọn' }).getByRole('listitem')).toHaveText([/Bến Ninh Kiều/, /Chợ nổi/]);
  await page.getByTestId('toggle-preview').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('section[aria-labelledby="tin-lien-quan"] li')).toHaveText(['Bến Ninh Kiều về đêm', 'Chợ nổi Cái Răng đông khách']);
});

test('an article exported into a folder: its page with assets/ beside it', async ({ app: page, host }) => {
  await writeArticle(page);
  await page.getByRole('button', { name: 'Xuất vào thư mục…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xuất bài vào một thư mục' });
  await expectNoAxeViolations(page);
  await expect(dialog.getByRole('button', { name: 'Xuất', exact: true })).toBeDisabled();
  const out = await chooseFolder(page, 'Thư mục', dirname(host.dataDir), `mot-bai-${Date.now()}`);
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã xuất bài vào');
  const html = await readFile(join(out, 'cau-can-tho-don-khach-du-lich.html'), 'utf8');
  // The photo's derivative beside the page (the fixture is 64 px wide: one width), never the original.
  const image = /srcset="(assets\/[a-f0-9]{64}-64\.webp) 64w"/.exec(html)?.[1];
  expect(image && existsSync(join(out, image))).toBe(true);
  expect((await readdir(join(out, 'assets'))).filter((name) => /^[a-f0-9]{64}\.(png|jpg|webp|gif)$/.test(name))).toEqual([]);
  expect(existsSync(join(out, 'assets', 'fonts', 'noto-serif-vietnamese-700-normal.woff2'))).toBe(true);

  // A folder inside the library is refused, with the reason in the dialog.
  await page.getByRole('button', { name: 'Xuất vào thư mục…' }).click();
  await chooseFolder(page, 'Thư mục', join(host.dataDir, 'assets'));
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await expect(dialog).toContainText('Không thể xuất vào thư mục này vì nó nằm trong (hoặc chứa) thư mục thư viện.');
});

test('the folder chooser: places to start from, folders opened by click or keyboard, up a level, recent folders first', async ({ app: page, host }) => {
  const parent = dirname(host.dataDir);
  await page.getByRole('link', { name: 'Xuất trang web' }).click();
  await page.getByRole('button', { name: 'Chọn thư mục…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Thư mục xuất', exact: true });
  const places = chooser.getByRole('navigation', { name: 'Nơi hay dùng' });
  await places.getByRole('button', { name: 'Nơi để thư viện' }).click();
  await expect(chooser.getByTestId('folder-current')).toHaveText(parent);
  // The library's own folder is among the subfolders; open it with the keyboard.
  const library = chooser.getByRole('list', { name: 'Các thư mục con' }).getByRole('button', { name: basename(host.dataDir) });
  await library.focus();
  await page.keyboard.press('Enter');
  await expect(chooser.getByTestId('folder-current')).toHaveText(host.dataDir);
  await expect(chooser.getByRole('list', { name: 'Các thư mục con' }).getByRole('button', { name: 'articles' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'folder-chooser');
  await chooser.getByRole('button', { name: 'Lên thư mục cha' }).click();
  await expect(chooser.getByTestId('folder-current')).toHaveText(parent);
  await chooser.getByLabel('Tạo thư mục mới ở đây').fill(`web-${basename(host.dataDir)}`);
  await chooser.getByRole('button', { name: 'Tạo', exact: true }).click();
  const out = join(parent, `web-${basename(host.dataDir)}`);
  await expect(chooser.getByTestId('folder-current')).toHaveText(out);
  await chooser.getByRole('button', { name: 'Chọn thư mục này' }).click();
  await page.getByRole('button', { name: 'Xuất trang web', exact: true }).click();
  await expect(page.getByTestId('site-result')).toContainText('Đã xuất');

  // Next time, that folder is where the export goes, and it heads the chooser's places.
  await page.reload();
  await expect(page.getByTestId('site-out')).toHaveText(out);
  await page.getByRole('button', { name: 'Chọn thư mục…' }).click();
  await expect(places.getByRole('button').first()).toHaveText(`Gần đây: ${out}`);
  await expect(chooser.getByTestId('folder-current')).toHaveText(out);
  await page.keyboard.press('Escape');
  await expect(chooser).toBeHidden();
});

/** Holds the next folder listing the page asks for until the returned function is called. */
async function holdNextListing(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.unroute('**/api/listFolders');
  await page.route('**/api/listFolders', async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue();
  });
  return release;
}

test('the folder chooser never lets a slow first listing replace a path typed or a folder gone to', async ({ app: page, host }) => {
  const parent = dirname(host.dataDir);
  // Hold the chooser's first listing (where it opens) until the user has typed and gone elsewhere.
  let release = await holdNextListing(page);
  await page.getByRole('link', { name: 'Xuất trang web' }).click();
  await page.getByRole('button', { name: 'Chọn thư mục…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Thư mục xuất', exact: true });
  const list = chooser.getByRole('list', { name: 'Các thư mục con' });
  await chooser.getByLabel('Đường dẫn').fill(parent);
  await chooser.getByRole('button', { name: 'Đi tới' }).click();
  await expect(chooser.getByTestId('folder-current')).toHaveText(parent);
  release();
  // Every request has answered; the outdated one changed nothing.
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(chooser.getByTestId('folder-current')).toHaveText(parent);
  await expect(chooser.getByLabel('Đường dẫn')).toHaveValue(parent);

  // A path being typed while a listing arrives stays as typed.
  release = await holdNextListing(page);
  await chooser.getByRole('button', { name: 'Lên thư mục cha' }).click();
  await expect(list).toHaveAttribute('aria-busy', 'true');
  await chooser.getByLabel('Đường dẫn').fill(host.dataDir);
  release();
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(chooser.getByTestId('folder-current')).toHaveText(dirname(parent));
  await expect(chooser.getByLabel('Đường dẫn')).toHaveValue(host.dataDir);
  await chooser.getByRole('button', { name: 'Đi tới' }).click();
  await expect(chooser.getByTestId('folder-current')).toHaveText(host.dataDir);
});

test('publishing says what it means, and one click puts the website out', async ({ app: page, host }) => {
  await writeArticle(page);
  await publishInEditor(page);
  await expect(page.getByTestId('notice')).toContainText('Trang web của báo sẽ có bài khi bạn xuất trang web');
  await expect(page.getByTestId('status')).toHaveAccessibleDescription('Đã đăng trong thư viện. Trang web chỉ thay đổi khi bạn “Xuất trang web”.');
  await page.getByRole('button', { name: 'Xuất trang web ngay' }).click();
  await expect(page.getByRole('heading', { name: 'Xuất trang web', level: 1 })).toBeVisible();
  await expect(page.getByTestId('site-result')).toContainText('Đã xuất');
  await expect(page.getByTestId('site-progress')).toBeVisible();
  expect(existsSync(join(host.dataDir, 'site', 'cau-can-tho-don-khach-du-lich.html'))).toBe(true);
  // The address no longer asks for an export: a reload does not export again.
  expect(new URL(page.url()).hash).toBe('#/publish');
});

test('an article whose file cannot be read stays on the website, and the export names it in words', async ({ app: page, host }) => {
  await writeArticle(page);
  await publishInEditor(page);
  await page.getByRole('button', { name: 'Xuất trang web ngay' }).click();
  await expect(page.getByTestId('site-result')).toContainText('Đã xuất');
  const pagePath = join(host.dataDir, 'site', 'cau-can-tho-don-khach-du-lich.html');
  const before = await readFile(pagePath, 'utf8');
  // The article's file is damaged behind the app's back (a disk error, a bad copy).
  const [file] = (await readdir(join(host.dataDir, 'articles'))).filter((name) => name.endsWith('.json'));
  await writeFile(join(host.dataDir, 'articles', file!), '{ "id": "hỏng');

  await page.getByRole('button', { name: 'Xuất trang web', exact: true }).click();
  const warning = page.getByTestId('site-unreadable');
  await expect(warning).toContainText('Không đọc được tệp của những bài đã đăng sau');
  await expect(warning.getByRole('listitem')).toHaveText(`“Cầu Cần Thơ đón khách du lịch” (mã ${basename(file!, '.json')})`);
  await expectNoAxeViolations(page);
  expect(await readFile(pagePath, 'utf8')).toBe(before);
  expect(await readFile(join(host.dataDir, 'site', 'index.html'), 'utf8')).toContain('href="cau-can-tho-don-khach-du-lich.html"');
});
