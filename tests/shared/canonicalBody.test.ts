import { describe, expect, it } from 'vitest';
import { bodySchema, bodyToPlainText, type BodyDoc } from '../../shared/model/body';
import { canonicalBody, canonicalFragment, countNotes } from '../../shared/model/canonicalBody';
import type { NoteKind } from '../../shared/model/blocks/spec';
import { cleanText } from '../../shared/model/fields';

/**
 * The canonicaliser against what arrives from outside the editor's own schema: other editors'
 * JSON, old files, hostile input. For every input: the result is a valid body, canonical (a
 * second pass changes nothing), no word a reader could read is lost, and whatever a reader would
 * notice was changed is reported.
 */

const ASSET = `${'cd'.repeat(32)}.png`;
const MISSING = `${'ef'.repeat(32)}.jpg`;
const inLibrary = (id: string) => id === ASSET;

type J = Record<string, unknown>;
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const txt = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const cell = (text: string, attrs: J = {}) => ({ type: 'tableCell', attrs, content: [para(txt(text))] });
const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });

/** Words a reader reads in any JSON: texts, and captions, credits, attributions, labels. */
function words(json: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key = '') => {
    if (typeof value === 'string') {
      if (['text', 'caption', 'credit', 'cite', 'label'].includes(key)) out.push(...cleanText(value).split(/\s+/).filter(Boolean));
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key === 'content' || key === 'marks' ? '' : key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k === 'attrs' ? '' : k);
  };
  walk(json);
  return out.sort();
}

function expectNoWordLost(input: unknown, output: BodyDoc) {
  const remaining = new Map<string, number>();
  for (const word of words(output)) remaining.set(word, (remaining.get(word) ?? 0) + 1);
  // A word of the input may have been split by a line break or joined by the output's own words: compare as text too.
  const outputText = ` ${words(output).join(' ')} ${bodyToPlainText(output)} `;
  for (const word of words(input)) {
    const left = remaining.get(word) ?? 0;
    if (left > 0) remaining.set(word, left - 1);
    else expect(outputText, `"${word}" lost`).toContain(word);
  }
}

/** [what it is, the input, the kinds of note it must raise] */
const hostile: Array<[string, unknown, NoteKind[]]> = [
  ['a code block with lines', doc({ type: 'codeBlock', attrs: { language: 'js' }, content: [txt('const a = 1;\nconst b = 2;')] }), ['block']],
  ['a callout holding paragraphs with bold text', doc({ type: 'callout', content: [para(txt('Chú ý', [{ type: 'bold' }])), para(txt('Đường cấm'))] }), ['block']],
  ['details with a summary', doc({ type: 'details', content: [{ type: 'detailsSummary', content: [txt('Tóm tắt')] }, { type: 'detailsContent', content: [para(txt('Nội dung'))] }] }), ['block']],
  ['a block with no type', doc({ content: [txt('không loại')] }), ['block']],
  ['a block whose type is a number', doc({ type: 42, content: [para(txt('số'))] }), ['block']],
  ['an unknown block in a list item', doc({ type: 'bulletList', content: [item(para(txt('mục')), { type: 'taskList', content: [para(txt('việc'))] })] }), ['block']],
  ['an unknown block in a table cell', doc({ type: 'table', content: [row({ type: 'tableCell', content: [{ type: 'mathBlock', content: [txt('E = mc²')] }] })] }), ['block']],
  ['strike-through, underline, highlight and code marks', doc(para(txt('gạch', [{ type: 'strike' }]), txt(' chân', [{ type: 'underline' }, { type: 'bold' }]), txt(' tô', [{ type: 'highlight', attrs: { color: 'red' } }]), txt(' mã', [{ type: 'code' }]))), ['mark']],
  ['a mark with no type', doc(para(txt('lạ', [{ attrs: {} }]))), ['mark']],
  ['a mention and an emoji', doc(para(txt('Gặp '), { type: 'mention', attrs: { id: '7', label: 'Minh Anh' } }, txt(' '), { type: 'emoji', attrs: { name: 'smile' }, content: [txt('🙂')] })), ['inline']],
  ['a paragraph inside a paragraph', doc(para(txt('ngoài '), para(txt('trong')))), ['misplaced']],
  ['links to refused addresses', doc(para(...['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/tuong-doi', '', 'http'].map((href, i) => txt(`liên kết ${i} `, [{ type: 'link', attrs: { href } }])))), ['link']],
  ['a link with no address', doc(para(txt('trống', [{ type: 'link' }]))), ['link']],
  ['an h1 and an h6', doc({ type: 'heading', attrs: { level: 1 }, content: [txt('Tít một')] }, { type: 'heading', attrs: { level: 6 }, content: [txt('Tít sáu')] }), ['attr']],
  ['a heading level given as text, or none', doc({ type: 'heading', attrs: { level: '2' }, content: [txt('chữ')] }, { type: 'heading', content: [txt('không cấp')] }), ['attr']],
  ['list starts out of range', doc(...[-4, 1e9, 2.5, Number.NaN, '3'].map((start) => ({ type: 'orderedList', attrs: { start }, content: [item(para(txt(`bắt đầu ${String(start)}`)))] }))), ['attr']],
  ['list numbering styles the page cannot show', doc(...['disc', 'x', 7].map((type) => ({ type: 'orderedList', attrs: { type }, content: [item(para(txt(`kiểu ${String(type)}`)))] }))), ['attr']],
  ['an attribution over its limit', doc({ type: 'pullQuote', attrs: { cite: `Ông ${'Nguyễn Văn '.repeat(40)}Đức` }, content: [para(txt('Câu nói'))] }), ['attr']],
  ['a caption, a credit and alt text over their limits', doc({ type: 'figure', attrs: { assetId: ASSET, alt: 'mô tả '.repeat(120), caption: 'Trong ảnh: '.repeat(250), credit: 'Ảnh: '.repeat(50) } }), ['attr']],
  ['cells merged across columns and rows', doc({ type: 'table', content: [row(cell('gộp ngang', { colspan: 3 })), row(cell('gộp dọc', { rowspan: 2 }), cell('b'), cell('c'))] }), ['attr']],
  ['a cell with a width and an alignment the page does not have', doc({ type: 'table', content: [row(cell('rộng', { colwidth: [200] }), cell('đều', { align: 'justify' }))] }), ['attr']],
  ['a photo whose image is not in the library', doc({ type: 'figure', attrs: { assetId: MISSING, alt: 'Cầu', caption: 'Trong ảnh: cầu Cần Thơ', credit: 'Ảnh: Minh Anh' } }), ['image']],
  ['photos whose image is not an image name', doc(...['../../etc/passwd', '', 'anh.jpg', null].map((assetId, i) => ({ type: 'figure', attrs: { assetId, alt: '', caption: `Chú thích ${i}`, credit: '' } }))), ['image']],
  ['a table inside a table cell', doc({ type: 'table', content: [row({ type: 'tableCell', content: [{ type: 'table', content: [row(cell('bảng con'))] }] })] }), ['misplaced']],
  ['a photo inside a list item', doc({ type: 'bulletList', content: [item(para(txt('mục')), { type: 'figure', attrs: { assetId: ASSET, alt: '', caption: 'Ảnh trong danh sách', credit: 'Ảnh: A' } })] }), ['misplaced']],
  ['a heading and a list inside a quote', doc({ type: 'blockquote', content: [{ type: 'heading', attrs: { level: 2 }, content: [txt('Tít trong trích dẫn')] }, { type: 'bulletList', content: [item(para(txt('ý một')))] }] }), ['misplaced']],
  ['a pull quote inside a quote', doc({ type: 'blockquote', content: [{ type: 'pullQuote', attrs: { cite: 'Bác Hồ' }, content: [para(txt('Không có gì quý hơn độc lập'))] }] }), ['misplaced']],
  ['list items and rows and cells where blocks belong', doc(item(para(txt('mục lẻ'))), row(cell('hàng lẻ')), cell('ô lẻ')), ['misplaced']],
  ['a list item of two paragraphs', doc({ type: 'bulletList', content: [item(para(txt('đoạn một')), para(txt('đoạn hai')))] }), ['misplaced']],
  ['a list item that starts with a list', doc({ type: 'bulletList', content: [item({ type: 'bulletList', content: [item(para(txt('con')))] }, para(txt('sau')))] }), ['misplaced']],
];

describe('the canonicaliser and input from outside the editor', () => {
  it.each(hostile)('%s: kept as the nearest block, nothing lost, and reported', (_what, input, kinds) => {
    const { body, notes } = canonicalBody(input, { hasAsset: inLibrary });
    expect(bodySchema.safeParse(body).success, JSON.stringify(bodySchema.safeParse(body).error?.issues[0])).toBe(true);
    expect(canonicalBody(body, { hasAsset: inLibrary })).toEqual({ body, notes: [] });
    expectNoWordLost(input, body);
    expect(notes.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(notes.map((n) => n.kind)).toContain(kind);
  });

  it('turns an unknown block into paragraphs of its text, one per line, keeping the marks it can', () => {
    expect(canonicalBody(hostile[0]![1]).body.content).toEqual([para(txt('const a = 1;')), para(txt('const b = 2;'))]);
    expect(canonicalBody(hostile[1]![1]).body.content).toEqual([para(txt('Chú ý', [{ type: 'bold' }])), para(txt('Đường cấm'))]);
  });

  it('keeps refused links, unknown marks and unknown inline nodes as plain text', () => {
    const marks = canonicalBody(hostile[7]![1]).body.content[0];
    expect(marks).toEqual(para(txt('gạch'), txt(' chân', [{ type: 'bold' }]), txt(' tô mã')));
    expect(JSON.stringify(canonicalBody(hostile[11]![1]).body)).not.toMatch(/"link"/);
    expect(canonicalBody(hostile[9]![1]).body.content[0]).toEqual(para(txt('Gặp Minh Anh 🙂')));
  });

  it('brings attributes into range: h1 → h2, h6 → h3, a bad list start left out, merged cells split', () => {
    expect(canonicalBody(hostile[13]![1]).body.content.map((b) => (b as { attrs: unknown }).attrs)).toEqual([{ level: 2 }, { level: 3 }]);
    expect(canonicalBody(hostile[15]![1]).body.content.every((b) => !('attrs' in b))).toBe(true);
    const table = canonicalBody(hostile[19]![1]).body.content[0] as { content: Array<{ content: unknown[] }> };
    expect(table.content.map((r) => r.content.length)).toEqual([3, 3]);
  });

  it('keeps text over a limit whole, in a paragraph after the block', () => {
    const cite = `Ông ${'Nguyễn Văn '.repeat(40)}Đức`;
    const { body } = canonicalBody(hostile[17]![1]);
    expect(body.content).toHaveLength(2);
    expect((body.content[0] as { attrs: { cite: string } }).attrs.cite.length).toBeLessThanOrEqual(300);
    expect(body.content[1]).toEqual(para(txt(cite)));
  });

  it('turns a photo whose image is not in the library into a paragraph of its caption and credit', () => {
    expect(canonicalBody(hostile[21]![1], { hasAsset: inLibrary }).body.content).toEqual([para(txt('Trong ảnh: cầu Cần Thơ Ảnh: Minh Anh'))]);
    // Without a library to ask, a well-formed photo is kept.
    expect(canonicalBody(hostile[21]![1]).body.content[0]!.type).toBe('figure');
  });

  it('joins the paragraphs of a list item with a line break, so the item count stays', () => {
    expect(canonicalBody(hostile[28]![1]).body.content[0]).toEqual({
      type: 'bulletList',
      content: [item(para(txt('đoạn một'), { type: 'hardBreak' }, txt('đoạn hai')))],
    });
  });

  it('counts notes by kind, for one sentence each', () => {
    expect(countNotes(canonicalBody(hostile[11]![1]).notes)).toEqual([{ kind: 'link', count: 8 }]);
  });
});

describe('what the canonicaliser tidies without a word (nothing a reader would notice)', () => {
  it.each<[string, unknown, unknown]>([
    ['default attributes the editor adds', doc({ type: 'orderedList', attrs: { start: 1, type: null }, content: [item(para(txt('a')))] }, { type: 'pullQuote', attrs: { cite: '' }, content: [para(txt('b'))] }), doc({ type: 'orderedList', content: [item(para(txt('a')))] }, { type: 'pullQuote', content: [para(txt('b'))] })],
    ['a link’s target, rel and class', doc(para(txt('x', [{ type: 'link', attrs: { href: 'https://a.vn', target: '_blank', rel: 'nofollow', class: null } }]))), doc(para(txt('x', [{ type: 'link', attrs: { href: 'https://a.vn' } }])))],
    ['cells with the editor’s default spans', doc({ type: 'table', content: [row(cell('a', { colspan: 1, rowspan: 1, colwidth: null, align: null }))] }), doc({ type: 'table', content: [row({ type: 'tableCell', content: [para(txt('a'))] })] })],
    ['empty paragraphs at the end', doc(para(txt('a')), { type: 'paragraph' }, { type: 'paragraph', content: [] }), doc(para(txt('a')))],
    ['marks twice, or out of order', doc(para(txt('a', [{ type: 'italic' }, { type: 'bold' }, { type: 'bold' }]))), doc(para(txt('a', [{ type: 'bold' }, { type: 'italic' }])))],
    ['neighbouring runs with the same marks', doc(para(txt('Cần ', [{ type: 'bold' }]), txt('Thơ', [{ type: 'bold' }]))), doc(para(txt('Cần Thơ', [{ type: 'bold' }])))],
    ['decomposed Vietnamese (NFD) and Word’s control characters', doc(para(txt('Thủy\u000Bđiện\u0007'.normalize('NFD')))), doc(para(txt('Thủy điện')))],
    ['text straight inside the document', doc(txt('chữ lẻ')), doc(para(txt('chữ lẻ')))],
    ['a line break inside a text run', doc(para(txt('dòng một\ndòng hai'))), doc(para(txt('dòng một'), { type: 'hardBreak' }, txt('dòng hai')))],
    ['junk entries in content', doc(null, 3, 'chữ', [para(txt('x'))], para(txt('a'))), doc(para(txt('a')))],
  ])('%s', (_what, input, expected) => {
    expect(canonicalBody(input)).toEqual({ body: expected, notes: [] });
  });

  it('splits a run over 100,000 characters into runs the schema accepts', () => {
    const long = 'chữ '.repeat(30_000);
    const { body, notes } = canonicalBody(doc(para(txt(long))));
    expect(notes).toEqual([]);
    expect(bodySchema.safeParse(body).success).toBe(true);
    expect(bodyToPlainText(body)).toBe(long);
  });

  it('accepts what is not an object at all as an empty body', () => {
    for (const input of [null, undefined, 42, 'doc', [], { type: 'doc' }, { type: 'doc', content: 'x' }]) {
      expect(canonicalBody(input)).toEqual({ body: { type: 'doc', content: [] }, notes: [] });
    }
  });
});

describe('a pasted piece of a body', () => {
  it('may start with list items, rows or cells (copying part of a list or a table)', () => {
    expect(canonicalFragment([item(para(txt('a'))), row(cell('b')), cell('c')]).notes).toEqual([]);
  });

  it('reports what it has to change', () => {
    expect(canonicalFragment([{ type: 'orderedList', attrs: { start: -1 }, content: [item(para(txt('a')))] }]).notes).toEqual([{ kind: 'attr', type: 'orderedList.start' }]);
  });
});
