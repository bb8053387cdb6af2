import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import { cameraPhoto } from '../helpers/cameraPhotos';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { expect, expectNoAxeViolations, screenshot, startNewArticle, test } from './fixtures';

test('a camera photo: prepared for the web with progress shown, the editor showing a derivative, never the original', async ({ app: page, host }) => {
  const dir = await makeTempDir('newsdesk-photo-');
  try {
    const file = join(dir, 'IMG_2041.JPG');
    await writeFile(file, await cameraPhoto({ seed: 11 }));
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill('Chợ nổi Cái Răng vào mùa');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn ảnh đại diện…' }).click();
    await (await chooser).setFiles(file);
    // Eight derivatives of a 4000×3000 photo take seconds: the status bar says so, then stops.
    const progress = page.getByTestId('image-progress');
    await expect(progress).toContainText(/Đang chuẩn bị ảnh cho web: \d+\/8/);
    await expect(progress.getByRole('progressbar')).toHaveAttribute('max', '8');
    await expectNoAxeViolations(page);
    await screenshot(page, 'photo-progress');
    await expect(progress).toBeHidden({ timeout: 60_000 });
    await screenshot(page, 'photo-ready');
    // The photo shown is the column's WebP, upright (3000 wide once turned, so 800 × 1067).
    const preview = page.getByTestId('featured-preview');
    await expect(preview).toHaveAttribute('src', /^library\/images\/[0-9a-f]{64}-800\.webp$/);
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([800, 1067]);
    const derived = (await readdir(join(host.dataDir, 'derived'))).filter((name) => !name.endsWith('.json'));
    expect(derived).toHaveLength(8);
  } finally {
    await removeDir(dir);
  }
});

test('Settings: taking the location out of the originals as well, kept after a reload (never shown as the defaults)', async ({ app: page, host }) => {
  const dir = await makeTempDir('newsdesk-photo-');
  try {
    const file = join(dir, 'IMG_2042.JPG');
    await writeFile(file, await cameraPhoto({ width: 1200, height: 900, seed: 12 }));
    await startNewArticle(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn ảnh đại diện…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('featured-preview')).toBeVisible();
    const [original] = await readdir(join(host.dataDir, 'assets'));
    expect(await exifr.gps(await readFile(join(host.dataDir, 'assets', original!)))).toBeTruthy();

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const strip = page.getByLabel('Xóa cả vị trí chụp (GPS) khỏi ảnh gốc trong thư viện');
    await expect(strip).not.toBeChecked();
    await expect(strip).toHaveAccessibleDescription(/Trang đăng lên mạng không bao giờ mang vị trí/);
    await strip.check();
    await expectNoAxeViolations(page);
    await screenshot(page, 'settings-photos', page.getByRole('group', { name: 'Ảnh', exact: true }));
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
    await expect.poll(async () => exifr.gps(await readFile(join(host.dataDir, 'assets', original!))).catch(() => undefined)).toBeUndefined();
    await page.reload();
    await expect(page.getByLabel('Xóa cả vị trí chụp (GPS) khỏi ảnh gốc trong thư viện')).toBeChecked();
  } finally {
    await removeDir(dir);
  }
});
