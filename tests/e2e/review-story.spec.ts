import type { Page } from '@playwright/test';
import { CHIEF_EDITOR, chooseProfile, expect, expectNoAxeViolations, profileSwitcher, screenshot, startNewArticle, test } from './fixtures';
import { setStatusThroughApi } from './api';
import { moveThrough } from './workflow';

/**
 * The review story of issue 11, with two profiles on one library: a reporter drafts and submits;
 * the chief editor comments on a sentence, suggests edits and requests changes; the reporter
 * replies, accepts one suggestion, rejects the other and resubmits; the editor compares the two
 * submitted versions, approves and publishes; the timeline shows every step; the reporter's
 * attempt to publish through the API is refused.
 */

const REPORTER = 'Minh Anh';
const HEADLINE = 'Cần Thơ khởi công cầu Trần Hoàng Na';
const FIRST = 'Sáng nay, thành phố khởi công cầu Trần Hoàng Na nối hai quận.';
const SECOND = 'Tổng vốn đầu tư hơn 1.000 tỉ đồng.';
const COMMENT = 'Số liệu này lấy từ đâu? Cần ghi nguồn.';
const REPLY = 'Đã thêm nguồn: Sở Giao thông vận tải.';

async function addReporter(page: Page) {
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const people = page.getByRole('group', { name: 'Hồ sơ và phân quyền' });
  await people.getByRole('button', { name: 'Thêm hồ sơ' }).click();
  await people.getByLabel('Họ và tên', { exact: true }).last().fill(REPORTER);
  await people.getByLabel(`Vai trò của ${REPORTER}`).selectOption({ label: 'Phóng viên' });
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByTestId('settings-state')).toHaveText('Mọi thay đổi đã được lưu.');
}

/** Opens the article afresh as the profile in use (a profile switch does not re-open what is on screen). */
async function openArticle(page: Page, id: string) {
  await page.getByRole('link', { name: 'Thư viện', exact: true }).click();
  // The editor gone first: else the old one (the same headline, idle) would pass the checks below.
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện bài viết' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#/article/${id}`);
  await expect(page.getByLabel('Tít', { exact: true })).toHaveValue(HEADLINE);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');
}

const idle = (page: Page) => expect(page.getByTestId('status-bar')).toHaveAttribute('data-idle', 'true');

test('a reporter and an editor: comments, suggested edits, changes requested, resubmitted, compared, approved and published', async ({ app: page }) => {
  test.setTimeout(180_000);
  await addReporter(page);

  // The reporter drafts and submits.
  await chooseProfile(page, REPORTER);
  await startNewArticle(page);
  await page.getByLabel('Tít', { exact: true }).fill(HEADLINE);
  await page.getByLabel('Sapo').fill('Cây cầu dài 1.010 m, dự kiến hoàn thành sau ba năm thi công liên tục trên tuyến đường nối trung tâm với quận Cái Răng.');
  await page.getByLabel('Tác giả').fill(REPORTER);
  const editor = page.getByTestId('body-editor');
  await editor.click();
  await page.keyboard.insertText(FIRST);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(SECOND);
  await idle(page);
  const id = new URL(page.url()).hash.replace('#/article/', '');
  await moveThrough(page, ['submitted']);
  await idle(page);

  // The chief editor opens it: someone else's article under review opens in suggestion mode.
  await chooseProfile(page, CHIEF_EDITOR.name);
  await openArticle(page, id);
  await expect(page.getByTestId('suggesting-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chế độ gợi ý sửa' })).toHaveAttribute('aria-pressed', 'true');

  // A comment on the second sentence (selected with the keyboard, Ctrl+Alt+M).
  await editor.locator('p').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  // The editor has taken the selection when the status bar counts it.
  await expect(page.getByTestId('stat-selection')).toContainText('8 chữ');
  await page.keyboard.press('Control+Alt+m');
  const review = page.getByTestId('review-panel');
  const form = review.getByTestId('new-comment');
  await expect(form).toContainText(SECOND);
  await form.getByLabel('Bình luận mới').fill(COMMENT);
  await form.getByRole('button', { name: 'Gửi bình luận' }).click();
  const thread = review.getByTestId('comment-thread');
  await expect(thread).toHaveCount(1);
  await expect(thread).toContainText(COMMENT);
  await expect(editor.locator('.comment-anchor')).toHaveText(SECOND);

  // Two suggested edits in the first sentence: "Sáng nay" deleted, and " mới" typed at its end.
  await editor.locator('p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.getByTestId('stat-selection')).toContainText('2 chữ');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.insertText(' mới');
  await idle(page);
  await expect(review.getByTestId('suggestion')).toHaveCount(2);
  await expect(review.getByTestId('suggestion').first()).toContainText('Xóa “Sáng nay”');
  await expect(review.getByTestId('suggestion').last()).toContainText('Thêm “mới”');
  await expect(review.getByTestId('suggestion').first()).toContainText(CHIEF_EDITOR.name);
  // The word count reads the text as if the suggestions were rejected.
  await expect(page.getByTestId('stat-words')).toHaveText(/^\d+ chữ$/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'review-comment-and-suggestion');

  // The preview: the final text (as published: no suggestion, no comment), or with the suggestions marked.
  await page.getByTestId('toggle-preview').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('.body')).toContainText('Sáng nay, thành phố khởi công cầu Trần Hoàng Na nối hai quận.');
  await expect(frame.locator('.body')).not.toContainText(COMMENT);
  await page.getByTestId('preview-suggestions').click();
  await expect(frame.locator('.body ins.suggestion')).toHaveText(' mới');
  await expect(frame.locator('.body del.suggestion')).toHaveText('Sáng nay');

  // Changes requested, with a note.
  await page.getByTestId('toggle-inspector').click();
  await page.getByLabel('Ghi chú cho bước tiếp theo (không bắt buộc)').fill('Xem góp ý trong bài.');
  await moveThrough(page, ['changes_requested']);
  await idle(page);

  // The reporter replies, resolves, accepts one suggestion, rejects the other and resubmits.
  await chooseProfile(page, REPORTER);
  await openArticle(page, id);
  await expect(page.getByTestId('suggesting-note')).toHaveCount(0);
  await page.getByTestId('toggle-review').click();
  await expect(thread).toContainText(COMMENT);
  await thread.getByLabel('Trả lời').fill(REPLY);
  await thread.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(thread).toContainText(REPLY);
  await thread.getByRole('button', { name: 'Đã giải quyết' }).click();
  await expect(review.getByTestId('comment-thread')).toHaveCount(0);
  await expect(review.getByTestId('show-resolved')).toHaveText('Đã giải quyết (1)');
  await review.getByTestId('suggestion').filter({ hasText: 'Thêm “mới”' }).getByTestId('accept').click();
  await review.getByTestId('suggestion').filter({ hasText: 'Xóa “Sáng nay”' }).getByTestId('reject').click();
  await expect(review.getByTestId('suggestion')).toHaveCount(0);
  await expect(editor.locator('p').first()).toHaveText('Sáng nay, thành phố khởi công cầu Trần Hoàng Na nối hai quận mới.');
  await idle(page);
  await page.getByTestId('toggle-inspector').click();
  await moveThrough(page, ['submitted']);
  await idle(page);

  // The chief editor compares the two submitted versions.
  await chooseProfile(page, CHIEF_EDITOR.name);
  await openArticle(page, id);
  await page.getByTestId('toggle-history').click();
  const submitted = page.getByTestId('history-entry').filter({ hasText: 'Đổi trạng thái' }).filter({ hasText: 'Chờ duyệt' });
  await expect(submitted).toHaveCount(2);
  await submitted.last().getByLabel('Chọn để so sánh').check();
  await submitted.first().getByLabel('Chọn để so sánh').check();
  await page.getByTestId('compare-selected').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare.locator('.diff-body ins')).toHaveText([' mới']);
  await expect(page.getByTestId('compare-counts')).toHaveText('Thêm 1 âm tiết, bớt 0 âm tiết, 1 chỗ thay đổi');

  // Approved; the reporter cannot publish it, not even through the API.
  await openArticle(page, id);
  await page.getByTestId('toggle-inspector').click();
  await moveThrough(page, ['approved']);
  await idle(page);
  await chooseProfile(page, REPORTER);
  const answer = await setStatusThroughApi(page, id, 'published');
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // The chief editor publishes; the timeline shows every step.
  await chooseProfile(page, CHIEF_EDITOR.name);
  await expect(profileSwitcher(page)).toHaveAccessibleName(/Thu Hà/);
  await openArticle(page, id);
  await moveThrough(page, ['published']);
  await idle(page);
  await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveText([
    /Thu Hà: Đã duyệt → Đã đăng/,
    /Thu Hà: Chờ duyệt → Đã duyệt/,
    /Minh Anh: Cần sửa → Chờ duyệt/,
    /Thu Hà: Chờ duyệt → Cần sửa.*Xem góp ý trong bài\./,
    /Minh Anh: Bản nháp → Chờ duyệt/,
    /Minh Anh tạo bài/,
  ]);
});
