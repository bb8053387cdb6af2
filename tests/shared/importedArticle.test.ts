import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { splitHeadlineAndSapo } from '../../shared/model/importedArticle';

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
