import { expect, expectNoAxeViolations, test, startNewArticle } from './fixtures';

test('find with and without diacritics, replace one, replace all as one undo step', async ({ app: page }) => {
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Tìm và thay');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  await page.keyboard.insertText('Hòa Bình hòa giải, hoà nhạc và hoa mai.');

  await page.keyboard.press('Control+f');
  const find = page.getByTestId('find-input');
  await expect(find).toBeFocused();
  await find.fill('hòa');
  await expect(page.getByTestId('find-status')).toHaveText('1/2 kết quả');
  await page.getByLabel('Phân biệt chữ hoa, chữ thường').check();
  await expect(page.getByTestId('find-status')).toHaveText('1/1 kết quả');
  await page.getByLabel('Phân biệt chữ hoa, chữ thường').uncheck();
  await page.getByLabel('Không phân biệt dấu').check();
  await expect(page.getByTestId('find-status')).toHaveText('1/4 kết quả');
  await expect(editor.locator('.search-match')).toHaveCount(4);
  await find.press('Enter');
  await expect(page.getByTestId('find-status')).toHaveText('2/4 kết quả');
  await expectNoAxeViolations(page);

  await page.keyboard.press('Control+h');
  await page.getByTestId('replace-input').fill('hợp');
  // Replace one: the second match (the current one) only; the third becomes current.
  await page.getByRole('button', { name: 'Thay', exact: true }).click();
  await expect(editor).toHaveText('Hòa Bình hợp giải, hoà nhạc và hoa mai.');
  await expect(page.getByTestId('find-status')).toHaveText('2/3 kết quả');
  await page.getByRole('toolbar').getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await expect(editor).toHaveText('Hòa Bình hòa giải, hoà nhạc và hoa mai.');
  await page.keyboard.press('Control+h');
  await page.getByTestId('replace-input').fill('hợp');
  await page.getByRole('button', { name: 'Thay tất cả' }).click();
  await expect(editor).toHaveText('hợp Bình hợp giải, hợp nhạc và hợp mai.');
  await expect(page.getByTestId('find-status')).toHaveText('Không tìm thấy');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveText('Hòa Bình hòa giải, hoà nhạc và hoa mai.');
  await page.keyboard.press('Control+y');
  await expect(editor).toHaveText('hợp Bình hợp giải, hợp nhạc và hợp mai.');
  await expect(page.getByTestId('save-state')).toHaveText(/Đã lưu/);
  await page.reload();
  await expect(page.getByTestId('body-editor')).toHaveText('hợp Bình hợp giải, hợp nhạc và hợp mai.');
});
