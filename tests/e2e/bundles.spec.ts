import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { createProfile, expect, expectNoAxeViolations, startHost, startNewArticle, test } from './fixtures';
import { callApi } from './api';

/**
 * Articles travel between two libraries without a server: a reporter's laptop and the editor's
 * desk, each its own library (two web hosts), exchanging `.newsdesk` files.
 */

const HEADLINE = 'Chợ nổi Cái Răng đón khách đầu năm';

/** Sends the articles ticked in the library (or all) and keeps the downloaded file. */
async function send(page: Page, dir: string, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  await page.getByRole('checkbox', { name: `Chọn bài “${HEADLINE}”` }).check();
  await expect(page.getByTestId('selection-count')).toHaveText('Đã chọn 1 bài');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('send-articles').click()]);
  expect(download.suggestedFilename()).toMatch(/\.newsdesk$/);
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

/** "Nhận bài…" with a file, and the summary it shows. */
async function receive(page: Page, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Nhận bài…' }).click()]);
  await chooser.setFiles(file);
  const summary = page.getByTestId('bundle-summary');
  await expect(summary).toBeVisible();
  return summary;
}

async function openArticle(page: Page) {
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  await page.getByRole('link', { name: HEADLINE }).click();
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
}

/** The open article's text as the library holds it (asked through the API, as the window does). */
async function savedText(page: Page): Promise<string> {
  const id = new URL(page.url()).hash.replace('#/article/', '');
  return JSON.stringify(((await callApi(page, 'getArticle', { id })).value as { body: unknown }).body);
}

/** Opens the article and adds a paragraph at its end, and waits until the library has it. */
async function appendParagraph(page: Page, text: string) {
  await openArticle(page);
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
  await expect.poll(() => savedText(page)).toContain(text);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
}

test('an article goes to another library and back with an edit on each side; edits on both sides are a conflict, both kept', async ({ app: desk, browser }) => {
  test.setTimeout(150_000);
  const files = await makeTempDir('newsdesk-bundles-');
  const laptopDir = await makeTempDir('newsdesk-laptop-');
  const { host: laptopHost, process: laptopProcess } = await startHost(laptopDir);
  const laptop = await (await browser.newContext({ acceptDownloads: true })).newPage();
  try {
    // The desk writes the article and sends it.
    await startNewArticle(desk);
    await desk.getByLabel('Tít', { exact: true }).fill(HEADLINE);
    await desk.getByTestId('body-editor').click();
    await desk.keyboard.insertText('Sáng mùng Một, hàng trăm ghe xuồng đã tấp nập.');
    await expect.poll(() => savedText(desk)).toContain('hàng trăm ghe xuồng');
    await expect(desk.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
    const first = await send(desk, files, 'di.newsdesk');

    // The reporter's laptop, a library of its own, receives it.
    await laptop.goto(laptopHost.url);
    await createProfile(laptop, { name: 'Quốc Huy', role: 'Tổng biên tập' });
    let summary = await receive(laptop, first);
    await expect(summary).toContainText('1 bài mới, 0 bài cập nhật, 0 bài xung đột');
    await expect(summary.getByTestId('bundle-added')).toHaveText(HEADLINE);
    await expectNoAxeViolations(laptop);
    await summary.getByRole('button', { name: 'Đóng' }).click();
    await expect(laptop.getByRole('link', { name: HEADLINE })).toBeVisible();

    // Edited on the laptop, sent back: the desk's copy is updated (its old text kept in the history).
    await appendParagraph(laptop, 'Ghi nhận của phóng viên tại chợ.');
    const back = await send(laptop, files, 've.newsdesk');
    summary = await receive(desk, back);
    await expect(summary).toContainText('0 bài mới, 1 bài cập nhật, 0 bài xung đột');
    await summary.getByRole('button', { name: 'Đóng' }).click();
    await openArticle(desk);
    await expect(desk.getByTestId('body-editor').locator('p')).toHaveText(['Sáng mùng Một, hàng trăm ghe xuồng đã tấp nập.', 'Ghi nhận của phóng viên tại chợ.']);

    // The desk edits and sends again: the laptop, unchanged since, takes it.
    await appendParagraph(desk, 'Biên tập: thêm số liệu của ban quản lý chợ.');
    const again = await send(desk, files, 'di-lan-hai.newsdesk');
    summary = await receive(laptop, again);
    await expect(summary).toContainText('1 bài cập nhật');
    await summary.getByRole('button', { name: 'Đóng' }).click();
    await openArticle(laptop);
    await expect(laptop.getByTestId('body-editor').locator('p')).toHaveCount(3);
    // The same file again: nothing to do.
    summary = await receive(laptop, again);
    await expect(summary.getByTestId('bundle-unchanged')).toHaveText(HEADLINE);
    await summary.getByRole('button', { name: 'Đóng' }).click();

    // Both edit before exchanging: a conflict. Each keeps its own text; the other's is in the history.
    await appendParagraph(laptop, 'Bản của phóng viên.');
    await appendParagraph(desk, 'Bản của biên tập.');
    const fromLaptop = await send(laptop, files, 'xung-dot.newsdesk');
    summary = await receive(desk, fromLaptop);
    await expect(summary.getByTestId('bundle-conflicts')).toHaveText(HEADLINE);
    await summary.getByRole('button', { name: 'Đóng' }).click();
    await openArticle(desk);
    await expect(desk.getByTestId('body-editor').locator('p').last()).toHaveText('Bản của biên tập.');
    await desk.getByTestId('toggle-history').click();
    await expect(desk.getByTestId('history-entry').filter({ hasText: 'Bản nhận về bị xung đột' })).toHaveCount(1);

    // A file that is not a bundle is refused, in Vietnamese, with nothing written.
    const junk = join(files, 'hong.newsdesk');
    await (await import('node:fs/promises')).writeFile(junk, 'không phải gói');
    const [chooser] = await Promise.all([desk.waitForEvent('filechooser'), desk.getByRole('button', { name: 'Nhận bài…' }).click()]);
    await chooser.setFiles(junk);
    await expect(desk.getByTestId('notice')).toContainText('Không nhận gói này, chưa ghi gì vào thư viện: tệp không phải gói .newsdesk');
  } finally {
    await laptop.context().close();
    laptopProcess.kill('SIGTERM');
    await new Promise((resolve) => laptopProcess.once('exit', resolve));
    await removeDir(laptopDir);
    await removeDir(files);
  }
});
