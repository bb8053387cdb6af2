// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { boldTexts, fixture, outline, paragraphTexts, pasteToBody, plainPasteToBody } from './pasteHelpers';

/**
 * One news text (no headline: paragraphs, a bulleted and a numbered list, some bold) pasted from
 * Word, from Google Docs and as plain text must be stored the same: Word and Docs give the same
 * body, mark for mark; plain text (no bold, no real lists) the same paragraphs of text.
 */
describe('the same article from Word, Google Docs and plain text', () => {
  const word = pasteToBody(fixture('article-word.html')).body;
  const docs = pasteToBody(fixture('article-gdocs.html')).body;

  it('Word reads as the article: its lists are lists, without their bullets and numbers, its bold is bold, no empty paragraph', () => {
    expect(outline(word)).toEqual([
      'Sáng 27/11, UBND quận Ninh Kiều tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2026.',
      'Theo báo cáo, trong năm qua quận đã tiếp nhận hơn 12.000 hồ sơ, trong đó 98% được giải quyết đúng hạn. Các kết quả nổi bật gồm:',
      '• Số hóa 100% hồ sơ tại bộ phận một cửa;',
      '• Thanh toán không dùng tiền mặt đạt 75%;',
      '• Tổ công nghệ số cộng đồng hoạt động ở tất cả 11 phường.',
      'Năm 2027, quận đặt ra ba nhiệm vụ trọng tâm:',
      '1. Nâng cao chất lượng phục vụ người dân và doanh nghiệp.',
      '2. Đẩy mạnh chuyển đổi số trong quản lý nhà nước.',
      '3. Siết chặt kỷ luật, kỷ cương hành chính.',
      'Phát biểu tại hội nghị, ông Nguyễn Văn Hùng, Chủ tịch UBND quận, nhấn mạnh: “Người dân hài lòng là thước đo của chúng ta”.',
      'Dịp này, 15 tập thể và 32 cá nhân được khen thưởng.',
    ]);
    expect(boldTexts(word)).toEqual(['UBND quận Ninh Kiều', 'Số hóa 100%', '“Người dân hài lòng là thước đo của chúng ta”']);
  });

  it('Google Docs gives the same stored body as Word', () => {
    expect(docs).toEqual(word);
  });

  it.each(['article.txt', 'article-wrapped.txt'])('plain text (%s) gives the same paragraphs of text', (name) => {
    const { body } = plainPasteToBody(fixture(name));
    expect(paragraphTexts(body)).toEqual(paragraphTexts(word));
    expect(paragraphTexts(body)).toEqual(paragraphTexts(docs));
  });
});
