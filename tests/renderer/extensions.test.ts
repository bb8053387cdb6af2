// @vitest-environment happy-dom
import { generateHTML, generateJSON } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { bodySchema } from '../../shared/model/body';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { articleExtensions } from '../../renderer/editor/articleExtensions';

const extensions = articleExtensions({ assetUrl: (id) => `asset://${id}` });
const ASSET = `${'ab'.repeat(32)}.jpg`;

/** HTML → editor JSON → stored body (validated) → HTML. */
function roundTrip(html: string) {
  const json = generateJSON(html, extensions);
  const body = canonicalBody(json);
  expect(bodySchema.safeParse(body).success).toBe(true);
  return { body, html: generateHTML(body, extensions) };
}

describe('editor nodes and marks round-trip HTML → JSON → HTML', () => {
  it.each([
    ['paragraph', '<p>Đoạn văn</p>'],
    ['sub-heading h2', '<h2>Tiêu đề phụ</h2>'],
    ['sub-heading h3', '<h3>Tiêu đề nhỏ</h3>'],
    ['blockquote', '<blockquote><p>Trích dẫn</p></blockquote>'],
    ['bullet list', '<ul><li><p>Một</p></li><li><p>Hai</p></li></ul>'],
    ['numbered list', '<ol><li><p>Một</p></li></ol>'],
    ['numbered list from 3', '<ol start="3"><li><p>Ba</p></li></ol>'],
    ['separator', '<p>Trên</p><hr><p>Dưới</p>'],
    ['bold and italic', '<p><strong>đậm</strong> và <em>nghiêng</em></p>'],
    ['subscript and superscript', '<p>H<sub>2</sub>O, m<sup>2</sup></p>'],
    ['link', '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://cantho.gov.vn">Cổng</a></p>'],
    ['hard break', '<p>dòng một<br>dòng hai</p>'],
  ])('%s', (_name, html) => {
    const first = roundTrip(html);
    const second = roundTrip(first.html);
    expect(second.html).toBe(first.html);
    expect(second.body).toEqual(first.body);
    expect(first.html.replace(/<[^>]+>/g, '')).toBe(html.replace(/<[^>]+>/g, ''));
  });

  it('PullQuote keeps its paragraphs and attribution', () => {
    const { body, html } = roundTrip('<figure class="pull-quote"><blockquote><p>Học, học nữa, học mãi</p></blockquote><figcaption>Lê-nin</figcaption></figure>');
    expect(body.content[0]).toEqual({
      type: 'pullQuote',
      attrs: { cite: 'Lê-nin' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Học, học nữa, học mãi' }] }],
    });
    expect(html).toBe('<figure class="pull-quote"><blockquote><p>Học, học nữa, học mãi</p></blockquote><figcaption>Lê-nin</figcaption></figure>');
    expect(roundTrip(html).body).toEqual(body);
  });

  it('Figure keeps its asset, alt text, caption and credit', () => {
    const html = `<figure data-asset-id="${ASSET}" class="figure"><img src="asset://${ASSET}" alt="Cầu Cần Thơ"><figcaption><span class="caption">Trong ảnh: cầu Cần Thơ lúc bình minh</span> <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>`;
    const { body, html: out } = roundTrip(html);
    expect(body.content[0]).toEqual({
      type: 'figure',
      attrs: { assetId: ASSET, alt: 'Cầu Cần Thơ', caption: 'Trong ảnh: cầu Cần Thơ lúc bình minh', credit: 'Ảnh: Minh Anh' },
    });
    expect(out).toBe(html);
  });

  it('a simple table keeps header and body cells', () => {
    const { body } = roundTrip('<table><tbody><tr><th><p>Quận</p></th><th><p>Dân số</p></th></tr><tr><td><p>Ninh Kiều</p></td><td><p>280.000</p></td></tr></tbody></table>');
    const table = body.content[0] as { type: string; content: Array<{ content: Array<{ type: string }> }> };
    expect(table.type).toBe('table');
    expect(table.content[0]!.content.map((c) => c.type)).toEqual(['tableHeader', 'tableHeader']);
    expect(table.content[1]!.content.map((c) => c.type)).toEqual(['tableCell', 'tableCell']);
  });

  it('drops what is not article content but keeps its text', () => {
    const { body } = roundTrip('<pre><code>mã nguồn</code></pre><p><s>gạch</s> <u>chân</u> <a href="javascript:alert(1)">xấu</a></p><h1>Tít lớn</h1>');
    expect(JSON.stringify(body)).not.toMatch(/javascript|strike|underline|codeBlock/);
    expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(JSON.stringify(body)).toContain('mã nguồn');
    expect(JSON.stringify(body)).toContain('xấu');
  });
});

describe('the editor cannot hold what the stored article would drop', () => {
  it('keeps a photo or a table out of list items, quotes and table cells, with nothing lost', () => {
    const figure = `<figure data-asset-id="${ASSET}" class="figure"><img alt="Ảnh"><figcaption><span class="caption">Chú thích</span> <span class="credit">Ảnh: A</span></figcaption></figure>`;
    const { body } = roundTrip(`<ul><li><p>Mục</p>${figure}</li></ul><blockquote><p>Trích</p>${figure}</blockquote>`);
    const json = JSON.stringify(body);
    expect(body.content.filter((b) => b.type === 'figure')).toHaveLength(2);
    expect(json).toContain('Mục');
    expect(json).toContain('Trích');
  });
});
