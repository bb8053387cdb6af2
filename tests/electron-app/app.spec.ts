import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { CHIEF_EDITOR, createProfile } from '../e2e/fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
// @ts-expect-error -- plain JavaScript module of the build scripts
const { findElectron } = (await import('../../scripts/electronBinary.mjs')) as { findElectron: () => { path?: string; reason?: string } };

const found = findElectron();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = found.path ? (noDisplay ? 'there is no display (DISPLAY is not set)' : null) : found.reason;
if (skipReason) process.stdout.write(`Electron tests skipped: ${skipReason}.\n`);

test.describe('the Electron app', () => {
  test.skip(skipReason !== null, `Electron tests skipped: ${skipReason}`);

  test('opens a hardened window whose page reaches the library only through window.newsdesk', async () => {
    const dataDir = await makeTempDir('newsdesk-electron-');
    const app = await electron.launch({
      executablePath: found.path!,
      args: [root, '--data-dir', dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    try {
      const win = await app.firstWindow();
      // First start: "who are you?" (tests/e2e/fixtures.ts does it as a user would).
      await createProfile(win, CHIEF_EDITOR);
      await expect(win.getByRole('heading', { name: 'Thư viện bài viết' })).toBeVisible();
      expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys((window as unknown as { newsdesk: object }).newsdesk).sort())).toContain('saveArticle');
      expect(win.url()).toMatch(/^app:\/\/newsdesk\//);

      await win.getByRole('button', { name: 'Bài viết mới' }).click();
      await win.getByLabel('Tít', { exact: true }).fill('Bài viết từ cửa sổ Electron');
      await expect(win.getByTestId('save-state')).toHaveText(/Đã lưu/);
      const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));
      expect(library.catalog[0].headline).toBe('Bài viết từ cửa sổ Electron');

      // Navigation away from the app is blocked.
      await win.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await expect(win.waitForURL(/example\.com/, { timeout: 3000 })).rejects.toThrow();
      expect(win.url()).toMatch(/^app:\/\/newsdesk\//);
    } finally {
      await app.close();
      await removeDir(dataDir);
    }
  });
});
