// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../renderer/editor/paste/cleanPastedHtml';
import { cleanPastedText } from '../../renderer/editor/paste/cleanText';
import { fixture, pasteToBody } from './pasteHelpers';

const text = (node: unknown): string => {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(text).join('');
};

describe('paste from Word', () => {
  const { body, json } = pasteToBody(fixture('word.html'));

  it('drops conditional comments, <o:p>, mso styles and the XML island', () => {
    expect(json).not.toMatch(/mso|WordDocument|supportLists|o:p|Normal/);
  });

  it('turns MsoListParagraph items into real nested lists, bulleted and numbered', () => {
    expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'bulletList', 'orderedList', 'paragraph']);
    const bullets = body.content[2] as { content: Array<{ content: unknown[] }> };
    expect(bullets.content.map(text)).toEqual(['Học tập suốt đờiThư viện phường', 'Đọc sách cùng con']);
    expect((bullets.content[0]!.content[1] as { type: string }).type).toBe('bulletList');
    expect(text(body.content[3])).toBe('Bước mộtBước hai');
    expect(json).not.toContain('·');
  });

  it('keeps bold and italic, turns no-break spaces into spaces and the look-alike Ð into Đ', () => {
    expect(body.content[0]).toMatchObject({ content: [{ text: 'Sáng 27/11, UBND quận Bình Thủy tổ chức hội nghị.', marks: [{ type: 'bold' }] }] });
    expect(text(body.content[1])).toBe('Các nội dung chính gồm:');
    expect(body.content[4]).toMatchObject({ content: [{ text: 'Ông Đức cho biết.', marks: [{ type: 'italic' }] }] });
  });
});

describe('paste from Google Docs', () => {
  const { body, json } = pasteToBody(fixture('gdocs.html'));

  it('unwraps the docs-internal-guid wrapper without making everything bold', () => {
    expect(json).not.toContain('docs-internal-guid');
    const first = body.content[0] as { content: Array<{ text: string; marks?: Array<{ type: string }> }> };
    expect(first.content.map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join()])).toEqual([
      ['Giá lúa tăng', 'bold'],
      [' trong tuần qua, theo ', ''],
      ['Sở Nông nghiệp', 'italic'],
      ['1', 'superscript'],
    ]);
  });

  it('keeps headings (h1 → h2), lists and links', () => {
    const types = body.content.map((b) => b.type);
    expect(types).toContain('heading');
    expect(body.content.find((b) => b.type === 'heading')).toMatchObject({ attrs: { level: 2 } });
    expect(text(body.content.find((b) => b.type === 'bulletList'))).toBe('Lúa IR 50404Lúa OM 5451');
    expect(json).toContain('"href":"https://cantho.gov.vn/gia-lua"');
  });
});

describe('paste from a web page', () => {
  const cleaned = cleanPastedHtml(fixture('web.html'));
  const { json } = pasteToBody(fixture('web.html'));

  it('removes scripts, styles, frames, forms and event handlers', () => {
    expect(cleaned.html).not.toMatch(/<script|<style|<iframe|<form|<input|onclick|onerror|onmouseover|alert|steal|track\(/i);
  });

  it('removes javascript: and data: links but keeps their text, and keeps good links', () => {
    expect(cleaned.html).not.toMatch(/javascript:|data:text/i);
    expect(json).toContain('liên kết xấu');
    expect(json).toContain('"href":"https://baocantho.com.vn/tin"');
    expect(json).toContain('"href":"mailto:toasoan@baocantho.com.vn"');
    expect(json).not.toContain('target');
  });
});

describe('legacy encodings', () => {
  it('converts TCVN3 text in .VnTime and .VnTimeH fonts from Word, leaving Unicode text alone', () => {
    const { body, converted } = pasteToBody(fixture('tcvn3-word.html'));
    expect(converted).toBe('tcvn3');
    expect(body.content.map(text)).toEqual([
      'THÀNH PHỐ CẦN THƠ',
      'Uỷ ban nhân dân quận Bình Thủy đẩy mạnh việc học tập.',
      'Unicode text stays as it is: Cần Thơ.',
    ]);
  });

  it('detects VNI in plain text by its characters and keeps the unconverted text for undo', () => {
    const pasted = cleanPastedText(fixture('vni.txt'));
    expect(pasted.converted).toBe('vni');
    expect(pasted.text).toBe('Thành phố Cần Thơ đẩy mạnh học tập suốt đời.\nNgười dân huyện Phong Điền tham gia.');
    expect(pasted.unconverted).toContain('Thaønh phoá');
  });

  it('keeps paragraphs of plain text: blank-line separated (wrapped lines joined) or one per line', () => {
    expect(cleanPastedText('Đoạn một dòng đầu\ndòng tiếp.\n\n\nĐoạn hai.\r\n').text).toBe('Đoạn một dòng đầu dòng tiếp.\nĐoạn hai.');
    expect(cleanPastedText('Dòng một\nDòng hai\n').text).toBe('Dòng một\nDòng hai');
  });

  it('leaves ordinary Unicode plain text as it is', () => {
    expect(cleanPastedText('Bình Thủy đẩy mạnh việc học tập')).toMatchObject({ text: 'Bình Thủy đẩy mạnh việc học tập', converted: null });
  });
});

describe('moving content within the editor', () => {
  it('keeps photos and pull quotes when the HTML comes from the editor itself', () => {
    const asset = `${'cd'.repeat(32)}.png`;
    const html = `<figure data-asset-id="${asset}" class="figure" data-pm-slice="0 0 []"><img src="library/assets/${asset}" alt="Ảnh"><figcaption><span class="caption">Chú thích</span> <span class="credit">Ảnh: B</span></figcaption></figure><figure class="pull-quote"><blockquote><p>Câu nói</p></blockquote><figcaption>Ông A</figcaption></figure><p onclick="alert(1)"><a href="javascript:alert(2)">x</a></p>`;
    const { body, json } = pasteToBody(html);
    expect(body.content.map((b) => b.type)).toEqual(['figure', 'pullQuote', 'paragraph']);
    expect(body.content[0]).toMatchObject({ attrs: { assetId: asset, caption: 'Chú thích', credit: 'Ảnh: B', alt: 'Ảnh' } });
    expect(json).not.toMatch(/javascript|onclick/);
  });
});

describe('paste keeps what a list or a table says about its numbers and cells', () => {
  it('a list’s start and numbering style, merged and aligned cells reach the editor (and the canonicaliser)', () => {
    const cleaned = cleanPastedHtml('<ol start="3" type="a" onclick="x()"><li>c</li></ol><table><tr><td colspan="2" align="right" style="color:red">x</td></tr></table>');
    expect(cleaned.html).toContain('<ol start="3" type="a">');
    expect(cleaned.html).toContain('<td colspan="2" align="right">');
    expect(cleaned.html).not.toMatch(/onclick|style/);
  });
});
