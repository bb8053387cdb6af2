import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { altFromCaption, isBylineLine, isCaptionLine, splitCaption, splitHeadlineAndSapo, splitImportedArticle } from '../../shared/model/importedArticle';

const p = (text: string, bold = false) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text, ...(bold ? { marks: [{ type: 'bold' as const }] } : {}) }] });

describe('an imported document as article fields', () => {
  it('takes the headline from the first heading and the sapo from a bold lead paragraph', () => {
    const body: BodyDoc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tít bài' }] }, p('Sapo in đậm', true), p('Đoạn một')] };
    expect(splitHeadlineAndSapo(body)).toEqual({ headline: 'Tít bài', sapo: 'Sapo in đậm', body: { type: 'doc', content: [p('Đoạn một')] } });
  });

  it('takes a short first line as the headline when there is no heading, and no sapo unless bold', () => {
    const body: BodyDoc = { type: 'doc', content: [p('Giá lúa tăng'), p('Đoạn thường'), p('Đoạn hai')] };
    const split = splitHeadlineAndSapo(body);
    expect(split.headline).toBe('Giá lúa tăng');
    expect(split.sapo).toBe('');
    expect(split.body.content).toHaveLength(2);
  });

  it('keeps a long first paragraph in the body and falls back to the file name', () => {
    const long = p('x '.repeat(150));
    expect(splitHeadlineAndSapo({ type: 'doc', content: [long] }, 'bai-viet')).toEqual({ headline: 'bai-viet', sapo: '', body: { type: 'doc', content: [long] } });
  });
});

const ASSET = `${'a'.repeat(64)}.png`;
const figure = (caption = '', credit = '', alt = '') => ({ type: 'figure' as const, attrs: { assetId: ASSET, alt, caption, credit } });
const heading = (text: string) => ({ type: 'heading' as const, attrs: { level: 2 as const }, content: [{ type: 'text' as const, text }] });
const long = 'Sáng 27/11, UBND quận Bình Thủy tổ chức hội nghị tổng kết phong trào học tập suốt đời, với sự tham dự của đại diện các phường, trường học, thư viện và hội khuyến học trên địa bàn quận.';

describe('the featured photo of an imported document', () => {
  it('is a photo that comes first, with its caption, credit and alt text, and it leaves the body', () => {
    const split = splitImportedArticle({ type: 'doc', content: [figure('Trong ảnh: cầu Cần Thơ.', 'Ảnh: Minh Anh', 'Cầu Cần Thơ'), heading('Tít'), p(long)] });
    expect(split).toEqual({
      headline: 'Tít',
      sapo: '',
      featuredImage: { assetId: ASSET, caption: 'Trong ảnh: cầu Cần Thơ.', credit: 'Ảnh: Minh Anh', alt: 'Cầu Cần Thơ' },
      body: { type: 'doc', content: [p(long)] },
    });
  });

  it('is a photo right after the headline or after the sapo, before the body text', () => {
    expect(splitImportedArticle({ type: 'doc', content: [heading('Tít'), figure('a'), p('Sapo', true), p(long)] })).toMatchObject({ sapo: 'Sapo', featuredImage: { caption: 'a' }, body: { content: [p(long)] } });
    expect(splitImportedArticle({ type: 'doc', content: [heading('Tít'), p('Sapo', true), figure('b'), p(long)] })).toMatchObject({ sapo: 'Sapo', featuredImage: { caption: 'b' }, body: { content: [p(long)] } });
  });

  it('is not a photo after body text, nor a second photo: those stay in the body', () => {
    const afterText = splitImportedArticle({ type: 'doc', content: [heading('Tít'), p(long), figure('c')] });
    expect(afterText.featuredImage).toBeNull();
    expect(afterText.body.content).toEqual([p(long), figure('c')]);
    const two = splitImportedArticle({ type: 'doc', content: [figure('d'), figure('e'), heading('Tít'), p(long)] });
    expect(two.featuredImage?.caption).toBe('d');
    expect(two.body.content[0]).toEqual(figure('e'));
  });

  it('is never taken by splitHeadlineAndSapo (text files keep every block)', () => {
    const body: BodyDoc = { type: 'doc', content: [figure('f'), p(long)] };
    expect(splitHeadlineAndSapo(body, 'tep')).toEqual({ headline: 'tep', sapo: '', body });
  });
});

describe('captions and credits under a photo', () => {
  it('recognises lines that open with “Trong ảnh” or “Ảnh:”, and nothing else', () => {
    expect(['Trong ảnh: cầu Cần Thơ.', 'trong ảnh là lớp học', 'Ảnh: Minh Anh', 'ẢNH : TTXVN', '(Ảnh: Quốc Huy)'].filter(isCaptionLine)).toHaveLength(5);
    expect(['Trong ảnhh', 'Ảnh hưởng của mưa lớn', 'Bài và ảnh: Minh Anh', 'Cầu Cần Thơ'].some(isCaptionLine)).toBe(false);
    // Text as Word may give it: decomposed marks.
    expect(isCaptionLine('Trong ảnh: cầu'.normalize('NFD'))).toBe(true);
  });

  it('splits the credit from “Ảnh:” on', () => {
    expect(splitCaption('Trong ảnh: cầu Cần Thơ. Ảnh: Minh Anh')).toEqual({ caption: 'Trong ảnh: cầu Cần Thơ.', credit: 'Ảnh: Minh Anh' });
    expect(splitCaption('Ảnh: Minh Anh')).toEqual({ caption: '', credit: 'Ảnh: Minh Anh' });
    expect(splitCaption('Trong ảnh: lớp học buổi tối')).toEqual({ caption: 'Trong ảnh: lớp học buổi tối', credit: '' });
    expect(splitCaption('Cầu Cần Thơ lúc hoàng hôn (Ảnh: Quốc Huy)')).toEqual({ caption: 'Cầu Cần Thơ lúc hoàng hôn', credit: 'Ảnh: Quốc Huy' });
    expect(splitCaption('Cầu Cần Thơ - Ảnh: TTXVN')).toEqual({ caption: 'Cầu Cần Thơ', credit: 'Ảnh: TTXVN' });
    expect(splitCaption('  Ảnh hưởng của mưa  lớn ')).toEqual({ caption: 'Ảnh hưởng của mưa lớn', credit: '' });
  });

  it('makes an alt text from a caption without “Trong ảnh:” and its closing stop', () => {
    expect(altFromCaption('Trong ảnh: cầu Cần Thơ.')).toBe('Cầu Cần Thơ');
    expect(altFromCaption('Lớp học buổi tối')).toBe('Lớp học buổi tối');
    expect(altFromCaption('')).toBe('');
  });
});

describe('a byline line', () => {
  it('is a short name line', () => {
    expect(['Minh Anh - Quốc Huy', 'NGUYỄN VĂN A', 'Nguyễn T.', 'H.Vy', 'Theo TTXVN', '(Theo TTXVN)'].filter(isBylineLine)).toEqual([
      'Minh Anh - Quốc Huy',
      'NGUYỄN VĂN A',
      'Nguyễn T.',
      'H.Vy',
      'Theo TTXVN',
      '(Theo TTXVN)',
    ]);
  });

  it('is not a sentence, a long line or an empty one', () => {
    expect(['Người dân rất phấn khởi.', 'Vì sao?', long, 'x'.repeat(81), '', '- 30 -', 'Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba'].some(isBylineLine)).toBe(false);
  });
});
