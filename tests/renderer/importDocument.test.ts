// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it, vi } from 'vitest';
import type { NewsdeskApi } from '../../shared/api/contract';
import { bodySchema, type BodyDoc } from '../../shared/model/body';
import { importDocument } from '../../renderer/import/importDocument';

// The renderer runs mammoth's browser build (Vite follows its "browser" field), which reads an
// ArrayBuffer; Node would load the build that wants a path or a Buffer. Use the browser build here.
vi.mock('mammoth', async () => {
  const { createRequire } = await import('node:module');
  return { default: createRequire(import.meta.url)('mammoth/mammoth.browser.js') as unknown };
});

const png = readFileSync(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
const PNG_ID = `${createHash('sha256').update(png).digest('hex')}.png`;

/** A fake library that stores images under their SHA-256, as the service does, and records each call. */
function fakeApi() {
  const calls: Array<{ fileName: string; bytes: Buffer }> = [];
  const api = {
    importAsset: async ({ fileName, dataBase64 }: { fileName: string; dataBase64: string }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      calls.push({ fileName, bytes });
      return { ok: true as const, value: { assetId: `${createHash('sha256').update(bytes).digest('hex')}.png`, bytes: bytes.length } };
    },
  } as unknown as NewsdeskApi;
  return { api, calls };
}

const picture = (description = '') =>
  new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 64, height: 40 }, altText: { name: 'anh', title: '', description } })] });
const para = (text: string, options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; style?: string; bold?: boolean } = {}) =>
  new Paragraph({ alignment: options.alignment, style: options.style, children: [new TextRun({ text, bold: options.bold })] });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });

async function importParagraphs(children: Paragraph[]) {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  const { api, calls } = fakeApi();
  // jsdom's File has no arrayBuffer(), and Node's gives an ArrayBuffer of another realm than the
  // page's (which mammoth's zip reader refuses): the file as importDocument reads it.
  const bytes = new Uint8Array(buffer);
  const file = { name: 'bai-viet.docx', arrayBuffer: async () => bytes.buffer } as unknown as File;
  const imported = await importDocument(file, api);
  expect(bodySchema.safeParse(imported.body).success).toBe(true);
  return { imported, calls };
}

const textOf = (node: unknown): string => {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(textOf).join('');
};
const blocks = (body: BodyDoc) => body.content.map((block) => (block.type === 'figure' ? `[ảnh: ${block.attrs.caption} | ${block.attrs.credit}]` : textOf(block)));

const BODY = 'Sáng 27/11, UBND quận Bình Thủy tổ chức hội nghị tổng kết phong trào học tập suốt đời.';

describe('Word import: pictures', () => {
  it('makes a picture that comes before the body text the featured photo, not a body figure', async () => {
    const { imported, calls } = await importParagraphs([picture('Cầu Cần Thơ nhìn từ bờ sông'), heading('Bình Thủy đẩy mạnh học tập'), para(BODY)]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.bytes.equals(png)).toBe(true);
    expect(imported.featuredImage).toEqual({ assetId: PNG_ID, caption: '', credit: '', alt: 'Cầu Cần Thơ nhìn từ bờ sông' });
    expect(imported.headline).toBe('Bình Thủy đẩy mạnh học tập');
    expect(blocks(imported.body)).toEqual([BODY]);
    expect(imported.images).toBe(1);
  });

  it('takes a picture after the headline and the bold sapo as the featured photo too, and keeps the sapo', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para('Sapo in đậm.', { bold: true }), picture(), para(BODY)]);
    expect(imported.headline).toBe('Tít bài');
    expect(imported.sapo).toBe('Sapo in đậm.');
    expect(imported.featuredImage?.assetId).toBe(PNG_ID);
    expect(blocks(imported.body)).toEqual([BODY]);
  });

  it('keeps a picture that comes after body text in the body, and an ordinary paragraph under it as text', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), picture(), para('Hội nghị kéo dài đến trưa.')]);
    expect(imported.featuredImage).toBeNull();
    expect(blocks(imported.body)).toEqual([BODY, '[ảnh:  | ]', 'Hội nghị kéo dài đến trưa.']);
  });

  it('reads a paragraph in Word’s Caption style under a picture as its caption and credit', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), picture(), para('Cầu Cần Thơ lúc hoàng hôn. Ảnh: Minh Anh', { style: 'Caption' }), para('Đoạn cuối.')]);
    expect(imported.body.content[1]).toEqual({
      type: 'figure',
      attrs: { assetId: PNG_ID, alt: 'Cầu Cần Thơ lúc hoàng hôn', caption: 'Cầu Cần Thơ lúc hoàng hôn.', credit: 'Ảnh: Minh Anh' },
    });
    expect(blocks(imported.body)).toEqual([BODY, '[ảnh: Cầu Cần Thơ lúc hoàng hôn. | Ảnh: Minh Anh]', 'Đoạn cuối.']);
  });

  it('reads a paragraph starting “Trong ảnh” under the featured picture as its caption and credit', async () => {
    const { imported } = await importParagraphs([picture(), para('Trong ảnh: cầu Cần Thơ. Ảnh: Minh Anh'), heading('Tít bài'), para(BODY)]);
    expect(imported.featuredImage).toEqual({ assetId: PNG_ID, caption: 'Trong ảnh: cầu Cần Thơ.', credit: 'Ảnh: Minh Anh', alt: 'Cầu Cần Thơ' });
    expect(imported.headline).toBe('Tít bài');
    expect(blocks(imported.body)).toEqual([BODY]);
  });

  it('reads a lone “Ảnh:” credit under a picture as its credit, keeping the picture’s own alt text', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), picture('Người dân đọc sách'), para('Ảnh: Quốc Huy')]);
    expect(imported.body.content[1]).toEqual({ type: 'figure', attrs: { assetId: PNG_ID, alt: 'Người dân đọc sách', caption: '', credit: 'Ảnh: Quốc Huy' } });
    expect(imported.body.content).toHaveLength(2);
  });

  it('gives two pictures each its own caption, in order', async () => {
    const { imported, calls } = await importParagraphs([
      heading('Tít bài'),
      para(BODY),
      picture(),
      para('Trong ảnh: lớp học buổi tối. Ảnh: Minh Anh'),
      para('Đoạn giữa.'),
      picture(),
      para('Thư viện phường', { style: 'Caption' }),
      para('Đoạn cuối.'),
    ]);
    expect(calls).toHaveLength(2);
    expect(imported.featuredImage).toBeNull();
    expect(blocks(imported.body)).toEqual([BODY, '[ảnh: Trong ảnh: lớp học buổi tối. | Ảnh: Minh Anh]', 'Đoạn giữa.', '[ảnh: Thư viện phường | ]', 'Đoạn cuối.']);
  });
});

describe('Word import: byline', () => {
  it('takes a short right-aligned last line as the byline, out of the body', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), para('Minh Anh - Quốc Huy', { alignment: AlignmentType.RIGHT })]);
    expect(imported.byline).toBe('Minh Anh - Quốc Huy');
    expect(blocks(imported.body)).toEqual([BODY]);
  });

  it('takes a name in capitals, after empty paragraphs, as the byline', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), para('NGUYỄN VĂN A', { alignment: AlignmentType.RIGHT }), para('')]);
    expect(imported.byline).toBe('NGUYỄN VĂN A');
    expect(blocks(imported.body)).toEqual([BODY]);
  });

  it('keeps a long right-aligned last line (a sentence) as body text', async () => {
    const sentence = 'Hội nghị cũng đã khen thưởng 25 tập thể và 40 cá nhân có thành tích xuất sắc trong phong trào.';
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), para(sentence, { alignment: AlignmentType.RIGHT })]);
    expect(imported.byline).toBe('');
    expect(blocks(imported.body)).toEqual([BODY, sentence]);
  });

  it('keeps a short centred last line as body text', async () => {
    const { imported } = await importParagraphs([heading('Tít bài'), para(BODY), para('Minh Anh', { alignment: AlignmentType.CENTER })]);
    expect(imported.byline).toBe('');
    expect(blocks(imported.body)).toEqual([BODY, 'Minh Anh']);
  });
});

describe('Text import', () => {
  it('recognises TCVN3 text with no font named (an old .txt file) and converts it, saying so', async () => {
    const raw = readFileSync(join(process.cwd(), 'tests/fixtures/paste/tcvn3-email.txt'), 'utf8');
    const expected = readFileSync(join(process.cwd(), 'tests/fixtures/paste/tcvn3-email.unicode.txt'), 'utf8');
    const file = { name: 'thu-cu.txt', text: async () => raw } as unknown as File;
    const imported = await importDocument(file, fakeApi().api);
    expect(imported.converted).toBe('tcvn3');
    const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);
    const importedWords = words([imported.headline, imported.sapo, ...blocks(imported.body)].join(' '));
    // Every word of the Unicode version is there (the import joins wrapped lines into paragraphs).
    for (const word of words(expected)) expect(importedWords).toContain(word);
  });
});
