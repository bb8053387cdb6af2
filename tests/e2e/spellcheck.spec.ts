import { expect, expectNoAxeViolations, test, startNewArticle } from './fixtures';

test('offline spellcheck: Vietnamese in both tone placements, English, house words editable in settings', async ({ app: page, host }) => {
  // Everything comes from Newsdesk itself: not one request leaves this machine.
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) outside.push(request.url());
  });
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill('Chính tả');
  const editor = page.getByTestId('body-editor');
  await editor.click();
  await page.keyboard.insertText('Hòa Bình hoà nhạc, Thủy thuỷ, khỏe khoẻ. UBND và HĐND họp. The newsroom is busy. Vieejt Nam, Bao Moiws.');
  const flagged = editor.locator('.misspelled');
  await expect(flagged).toHaveText(['Vieejt', 'Moiws']);
  await expect(page.getByTestId('stat-misspelled')).toHaveText('2 từ có thể sai chính tả');

  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt tòa soạn' })).toBeVisible();
  await expectNoAxeViolations(page);
  const words = page.getByTestId('house-words');
  await words.fill(`${await words.inputValue()}\nMoiws`);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã lưu cài đặt');

  await page.goBack();
  await expect(page.getByTestId('body-editor').locator('.misspelled')).toHaveText(['Vieejt']);
  expect(outside).toEqual([]);
});
