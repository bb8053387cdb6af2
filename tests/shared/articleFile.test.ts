import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, articleSchema, type Article } from '../../shared/model/article';
import { readArticle, type ArticleRead } from '../../shared/model/articleFile';
import { bodyToPlainText } from '../../shared/model/body';

const fixture = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/articles/v1', name), 'utf8')) as Record<string, unknown>;
const ASSET = 'a139788abfabf99fff72d77e7e3a4bcbdcaf73a28f0ade525ca4b45d15b6c872.png';
const NOW = '2026-11-28T03:00:00.000Z';
const options = (id: string, hasAsset: (assetId: string) => boolean = (a) => a === ASSET) => ({ id, now: NOW, hasAsset });

function ok(read: ArticleRead): Extract<ArticleRead, { kind: 'ok' }> {
  if (read.kind !== 'ok') throw new Error(`expected a readable article, got ${JSON.stringify(read)}`);
  return read;
}

describe('an article file of format 2', () => {
  it('gets comment threads (a comment of the old form, which nothing wrote, becomes a detached thread) and an empty list of suggestions', () => {
    const raw = { ...ok(readArticle(fixture('bai-v1-1.json'), options('bai-v1-1'))).article, schemaVersion: 2, comments: [{ id: 'c1', author: 'A', text: 'Sửa tít', createdAt: '2026-11-20T02:00:00.000Z' }] } as Record<string, unknown>;
    delete raw.suggestions;
    const read = ok(readArticle(raw, options('bai-v1-1')));
    expect(read.migratedFrom).toBe(2);
    expect(read.repairs).toEqual([]);
    expect(read.article.comments).toEqual([{ id: 'c1', anchor: null, quote: '', resolved: null, messages: [{ id: 'c1', by: 'A', at: '2026-11-20T02:00:00.000Z', text: 'Sửa tít' }] }]);
    expect(read.article.suggestions).toEqual([]);
  });
});

describe('an article file of format 1 (today’s, from tests/fixtures/articles/v1)', () => {
  it('is migrated to the current format with every block, mark and field kept', () => {
    const raw = fixture('bai-v1-1.json');
    const read = ok(readArticle(raw, options('bai-v1-1')));
    expect(ARTICLE_SCHEMA_VERSION).toBe(3);
    expect(read.migratedFrom).toBe(1);
    expect(read.article.schemaVersion).toBe(3);
    expect(articleSchema.safeParse(read.article).success).toBe(true);
    // Every field but the body and the version is as it was; format 3 adds who made the body's suggested edits (none).
    const { body: _b, schemaVersion: _v, suggestions, ...rest } = read.article;
    const { body: rawBody, schemaVersion: _rv, ...rawRest } = raw;
    expect(rest).toEqual(rawRest);
    expect(suggestions).toEqual([]);
    // The body reads the same, block for block.
    expect(read.article.body.content.map((b) => b.type)).toEqual((rawBody as { content: Array<{ type: string }> }).content.map((b) => b.type));
    expect(bodyToPlainText(read.article.body).replace(/\n/g, ' ')).toBe(bodyToPlainText(rawBody as Article['body']).replace(/\n/g, ' '));
    // Format 2: a list item is one paragraph and its nested lists; format 1's two paragraphs are joined by a line break.
    const list = read.article.body.content.find((b) => b.type === 'bulletList') as { content: Array<{ content: unknown[] }> };
    expect(list.content[0]!.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Cầu chính' }, { type: 'hardBreak' }, { type: 'text', text: 'dài 1.010 m' }] },
    ]);
    // An explicit start of 1 is the default, not stored.
    expect(JSON.stringify(read.article.body)).not.toContain('"start":1');
    expect(read.repairs).toEqual([{ field: 'body', notes: [{ kind: 'misplaced', type: 'listItem.paragraph' }] }]);
  });

  it('written before related articles existed, gets an empty list of them', () => {
    const raw = fixture('bai-v1-2.json');
    expect('related' in raw).toBe(false);
    const read = ok(readArticle(raw, options('bai-v1-2')));
    expect(read.article.related).toEqual([]);
    expect(read.repairs).toEqual([]);
    expect(read.article.headline).toBe('Tin ngắn viết trước khi có tin liên quan');
  });

  it('with no version at all is read as format 1', () => {
    const { schemaVersion: _v, ...raw } = fixture('bai-v1-2.json');
    const read = ok(readArticle(raw, options('bai-v1-2')));
    expect(read.migratedFrom).toBe(0);
    expect(read.article.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
  });
});

describe('one bad field is repaired and reported; the rest of the article is kept', () => {
  const THREAD = { id: 'c1', anchor: { from: 1, to: 4 }, quote: 'Tin', resolved: null, messages: [{ id: 'm1', by: 'A', at: '2026-11-20T02:00:00.000Z', text: 'Sửa tít' }] };
  const good = () => ok(readArticle(fixture('bai-v1-1.json'), options('bai-v1-1'))).article as unknown as Record<string, unknown>;

  it.each<[string, unknown, unknown]>([
    ['headline', 42, ''],
    ['headline', 'Tít '.repeat(200), 'Tít '.repeat(200).slice(0, 300)],
    ['sapo', null, ''],
    ['byline', ['Minh Anh'], ''],
    ['section', 'x'.repeat(100), 'x'.repeat(60)],
    ['slug', 'Cầu Mới!', 'cau-moi'],
    ['tags', ['Cần Thơ', 7, '', 'Giao thông', 'x'.repeat(61), 'Cần Thơ'], ['Cần Thơ', 'Giao thông']],
    ['featuredImage', { assetId: '../../etc/passwd', caption: 'x', credit: '', alt: '' }, null],
    ['status', 'deleted', 'draft'],
    ['revision', -3, 1],
    ['revision', 7.5, 7],
    ['createdAt', 'hôm qua', '2026-11-20T01:01:00.000Z'],
    ['updatedAt', undefined, '2026-11-20T01:01:00.000Z'],
    ['publishedAt', 'not a time', null],
    ['dueAt', 12, null],
    ['related', ['bai-v1-2', '../x', 'bai-v1-3'], ['bai-v1-2', 'bai-v1-3']],
    ['comments', [THREAD, { id: 5 }], [THREAD]],
    ['suggestions', [{ id: 'p1:1', by: 'Minh', at: '2026-11-20T02:00:00.000Z' }, 'x'], [{ id: 'p1:1', by: 'Minh', at: '2026-11-20T02:00:00.000Z' }]],
    ['history', 'lost', []],
  ])('%s = %j', (field, value, expected) => {
    const raw = { ...good(), [field]: value };
    const read = ok(readArticle(raw, options('bai-v1-1')));
    expect(read.article[field as keyof Article]).toEqual(expected);
    expect(read.repairs.map((r) => r.field)).toEqual([field]);
    for (const [key, kept] of Object.entries(good())) if (key !== field) expect(read.article[key as keyof Article], key).toEqual(kept);
  });

  it('a body with a foreign block: kept as paragraphs, with what changed', () => {
    const raw = { ...good(), body: { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'mã' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'đoạn' }] }] } };
    const read = ok(readArticle(raw, options('bai-v1-1')));
    expect(bodyToPlainText(read.article.body)).toBe('mã\nđoạn');
    expect(read.repairs).toEqual([{ field: 'body', notes: [{ kind: 'block', type: 'codeBlock' }] }]);
  });

  it('a field it does not know is dropped and reported', () => {
    const read = ok(readArticle({ ...good(), html: '<script>' }, options('bai-v1-1')));
    expect('html' in read.article).toBe(false);
    expect(read.repairs.map((r) => r.field)).toEqual(['html']);
  });

  it('photos whose image is not in the library: the body’s become paragraphs of their captions, the featured one goes', () => {
    const read = ok(readArticle(fixture('bai-v1-1.json'), options('bai-v1-1', () => false)));
    expect(read.article.featuredImage).toBeNull();
    expect(read.article.body.content.some((b) => b.type === 'figure')).toBe(false);
    expect(bodyToPlainText(read.article.body)).toContain('Trong ảnh: xe qua cầu ngày đầu Ảnh: Minh Anh');
    expect(read.repairs.map((r) => r.field).sort()).toEqual(['body', 'body', 'featuredImage']);
  });
});

describe('what cannot be read as an article', () => {
  it.each<[string, unknown, ArticleRead['kind']]>([
    ['a newer format', { ...fixture('bai-v1-2.json'), schemaVersion: 99 }, 'tooNew'],
    ['a version that is not a number', { ...fixture('bai-v1-2.json'), schemaVersion: 'hai' }, 'unreadable'],
    ['another article’s id', { ...fixture('bai-v1-2.json'), id: 'bai-khac' }, 'unreadable'],
    ['an array', [1, 2], 'unreadable'],
    ['null', null, 'unreadable'],
  ])('%s', (_what, raw, kind) => {
    expect(readArticle(raw, options('bai-v1-2')).kind).toBe(kind);
  });
});
