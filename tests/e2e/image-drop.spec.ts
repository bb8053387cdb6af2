import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { expect, startNewArticle, test } from './fixtures';

/** Photos dropped from the file manager or pasted (a screenshot) go into the library and the text, asking for caption and alt text. */

async function pngBase64(color: { r: number; g: number; b: number }): Promise<string> {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();
  return bytes.toString('base64');
}

/** Dispatches a drop (or a paste) of one image file on the editor, as the browser does for a file dragged in. */
async function deliver(page: Page, kind: 'drop' | 'paste', base64: string, name: string) {
  await page.getByTestId('body-editor').evaluate(
    (element, { kind, base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      const box = element.getBoundingClientRect();
      const event =
        kind === 'drop'
          ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.top + 10 })
          : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      element.dispatchEvent(event);
    },
    { kind, base64, name },
  );
}

for (const kind of ['drop', 'paste'] as const) {
  test(`an image ${kind === 'drop' ? 'dropped on' : 'pasted into'} the text becomes a photo of the library, with its caption and alt text`, async ({ app: page }) => {
    await startNewArticle(page);
    await page.getByLabel('Tít', { exact: true }).fill('Ảnh kéo thả');
    await page.getByTestId('body-editor').click();
    await page.keyboard.insertText('Đoạn mở đầu.');
    await deliver(page, kind, await pngBase64({ r: 200, g: 40, b: 40 }), 'cho-noi.png');
    const dialog = page.getByRole('dialog', { name: 'Ảnh trong bài' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Chú thích').fill('Chợ nổi Cái Răng lúc bình minh');
    await dialog.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Ghe xuồng chở trái cây trên sông');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const figure = page.getByTestId('body-editor').locator('figure');
    await expect(figure).toHaveCount(1);
    await expect(figure.locator('img')).toHaveAttribute('alt', 'Ghe xuồng chở trái cây trên sông');
    await expect(figure).toContainText('Chợ nổi Cái Răng lúc bình minh');
    await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
  });
}

test('Settings: “Dọn ảnh không dùng” shows what it would remove, and removes it only when asked', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Ảnh bỏ đi');
  await page.getByTestId('body-editor').click();
  await deliver(page, 'paste', await pngBase64({ r: 20, g: 160, b: 60 }), 'bo-di.png');
  const dialog = page.getByRole('dialog', { name: 'Ảnh trong bài' });
  await dialog.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Ảnh thử');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('body-editor').locator('figure')).toHaveCount(1);
  // The photo taken out again: nothing shows the image any more.
  await page.getByTestId('body-editor').locator('figure').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('body-editor').locator('figure')).toHaveCount(0);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');

  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const cleanup = page.getByTestId('unused-images');
  await cleanup.getByRole('button', { name: 'Dọn ảnh không dùng…' }).click();
  await expect(cleanup).toContainText(/1 ảnh \(.+\) không bài nào/);
  await cleanup.getByRole('button', { name: 'Xóa 1 ảnh này' }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã xóa 1 ảnh không dùng');
  await cleanup.getByRole('button', { name: 'Dọn ảnh không dùng…' }).click();
  await expect(cleanup).toContainText('Mọi ảnh trong thư viện đều đang được dùng.');
});
