/**
 * A full disk while a reporter types (issue 12): the save fails, says so in Vietnamese, and the
 * text stays in the editor; once the disk has room again the save goes through by itself, without
 * a click. The disk is made "full" through the web host's test hook: while the file named by
 * NEWSDESK_FAULT_FILE exists, the library's writes fail with the errno written in it
 * (electron/library/atomicFile.ts, faultFromFile).
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, startNewArticle, test as base, type Host } from './fixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { folderBytes, tempFiles } from '../helpers/diskFaults';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The built web host on a fresh library, with the fault hook pointed at `faultFile` (as fixtures.ts starts it otherwise). */
const test = base.extend<{ faultFile: string }>({
  // eslint-disable-next-line no-empty-pattern
  faultFile: async ({}, use) => {
    const dir = await makeTempDir('newsdesk-fault-');
    await use(join(dir, 'fault'));
    await removeDir(dir);
  },
  host: async ({ faultFile }, use) => {
    const dataDir = await makeTempDir('newsdesk-e2e-');
    const child = spawn(process.execPath, ['dist/electron/webhost.cjs', '--data-dir', dataDir, '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NEWSDESK_FAULT_FILE: faultFile },
    });
    const host = await new Promise<Host>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n')[0];
        if (output.includes('\n') && line) resolve(JSON.parse(line) as Host);
      });
      child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
    });
    await use(host);
    await rm(faultFile, { force: true });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await removeDir(dataDir);
  },
});

const HEADLINE = 'Cần Thơ mở rộng mạng lưới thư viện phường';
const FIRST = 'Sáng 27/11, UBND quận Ninh Kiều khai trương thư viện phường thứ năm.';
const SECOND = 'Mỗi thư viện có hơn ba nghìn đầu sách, mở cửa cả ngày cuối tuần.';
const THIRD = 'Người dân được mượn sách miễn phí.';
const DISK_FULL = 'Không ghi được vào thư mục thư viện: ổ đĩa đầy. Bài vẫn còn trong trình soạn thảo và sẽ được lưu lại ngay khi ghi được.';

test('a full disk: the save fails in Vietnamese, the text stays, and it is saved by itself once the disk has room', async ({ app: page, host, faultFile }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.type(FIRST);
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveText(/Đã lưu lúc \d\d:\d\d/);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const articleFile = join(host.dataDir, 'articles', `${id}.json`);
  const paragraphsOnDisk = async () => {
    const article = JSON.parse(await readFile(articleFile, 'utf8')) as { body: { content: Array<{ content?: Array<{ text: string }> }> } };
    return article.body.content.map((p) => (p.content ?? []).map((n) => n.text).join(''));
  };
  expect(await paragraphsOnDisk()).toEqual([FIRST]);

  // The disk is full: what is on disk now must stay exactly as it is.
  await writeFile(faultFile, 'ENOSPC');
  const before = { article: await readFile(articleFile, 'hex'), revisions: await folderBytes(join(host.dataDir, 'revisions')) };

  await page.keyboard.press('Enter');
  await page.keyboard.type(SECOND);
  await expect(saveState).toContainText(`Chưa lưu được. ${DISK_FULL}`);
  await expect(body.locator('p')).toHaveText([FIRST, SECOND]);
  // Typing on while the disk is still full: the save is tried again, fails again, the text stays.
  // (The save state already says so from the first failure: wait for the refused save of the whole text itself.)
  const refused = page.waitForResponse((response) => response.url().endsWith('/api/saveArticle') && (response.request().postData() ?? '').includes(THIRD));
  await page.keyboard.press('Enter');
  await page.keyboard.type(THIRD);
  expect(await (await refused).json()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
  await expect(saveState).toContainText(DISK_FULL);
  await expect(body.locator('p')).toHaveText([FIRST, SECOND, THIRD]);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'false');
  expect(await readFile(articleFile, 'hex')).toBe(before.article);
  expect(await folderBytes(join(host.dataDir, 'revisions'))).toEqual(before.revisions);
  expect(await tempFiles(host.dataDir)).toEqual([]);

  // Room again: no click, the save goes through by itself and the file holds the whole text.
  await rm(faultFile);
  await expect(saveState).toHaveText(/Đã lưu lúc \d\d:\d\d/);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  expect(await paragraphsOnDisk()).toEqual([FIRST, SECOND, THIRD]);
  expect(await tempFiles(host.dataDir)).toEqual([]);
});
