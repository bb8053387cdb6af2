// @vitest-environment happy-dom
import { generateJSON } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { bodySchema } from '../../shared/model/body';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { articleExtensions } from '../../renderer/editor/articleExtensions';

const extensions = articleExtensions({ assetUrl: (id) => `asset://${id}` });
const ASSET = `${'ab'.repeat(32)}.jpg`;

/** HTML, as the editor parses it, → stored body (validated). */
function parse(html: string) {
  const result = canonicalBody(generateJSON(html, extensions));
  expect(bodySchema.safeParse(result.body).success).toBe(true);
  return result;
}

describe('the editor parses only article content, keeping the text of the rest', () => {
  it('keeps the text of code, strike-through, underline, an h1 and a javascript: link', () => {
    const { body } = parse('<pre><code>mã nguồn</code></pre><p><s>gạch</s> <u>chân</u> <a href="javascript:alert(1)">xấu</a></p><h1>Tít lớn</h1>');
    expect(JSON.stringify(body)).not.toMatch(/javascript|strike|underline|codeBlock/);
    expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    for (const text of ['mã nguồn', 'gạch', 'chân', 'xấu', 'Tít lớn']) expect(JSON.stringify(body)).toContain(text);
  });

  it('keeps a photo or a table out of list items, quotes and table cells, with nothing lost', () => {
    const figure = `<figure data-asset-id="${ASSET}" class="figure"><img alt="Ảnh"><figcaption><span class="caption">Chú thích</span> <span class="credit">Ảnh: A</span></figcaption></figure>`;
    const { body, notes } = parse(`<ul><li><p>Mục</p>${figure}</li></ul><blockquote><p>Trích</p>${figure}</blockquote>`);
    const json = JSON.stringify(body);
    expect(body.content.filter((b) => b.type === 'figure')).toHaveLength(2);
    expect(json).toContain('Mục');
    expect(json).toContain('Trích');
    expect(notes).toEqual([]);
  });

  it('reads a list’s start and numbering style, and a cell’s alignment, from pasted HTML', () => {
    const { body, notes } = parse('<ol start="5" type="a"><li><p>e</p></li></ol><table><tr><td align="right"><p>1.250</p></td></tr></table>');
    expect(notes).toEqual([]);
    expect(body.content[0]).toMatchObject({ type: 'orderedList', attrs: { start: 5, type: 'a' } });
    expect(body.content[1]).toMatchObject({ content: [{ content: [{ type: 'tableCell', attrs: { align: 'right' } }] }] });
  });

  it('reports what it has to change in pasted HTML: a list start out of range, merged cells', () => {
    const { body, notes } = parse('<ol start="-4"><li><p>âm</p></li></ol><table><tr><td colspan="2"><p>gộp</p></td></tr><tr><td><p>a</p></td><td><p>b</p></td></tr></table>');
    expect(notes.map((n) => `${n.kind}:${n.type}`).sort()).toEqual(['attr:orderedList.start', 'attr:tableCell.colspan']);
    expect(body.content[0]).toEqual({ type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'âm' }] }] }] });
    const rows = (body.content[1] as { content: Array<{ content: unknown[] }> }).content;
    expect(rows.map((row) => row.content.length)).toEqual([2, 2]);
  });
});
