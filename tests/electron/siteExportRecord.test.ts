import { describe, expect, it } from 'vitest';
import { recordBytes, recordFrom, RECORD_FORMAT, type ArticleRecord, type ExportRecord } from '../../electron/publish/exportRecord';
import { tagPath } from '../../shared/publish/renderArticlePage';
import type { SiteEntry } from '../../shared/publish/site';
import { fold } from '../../shared/text/vietnamese';

const entry = (id: string, changes: Partial<SiteEntry> = {}): SiteEntry => {
  const tags = changes.tags ?? ['Cần Thơ', 'Giáo dục'];
  return {
    id,
    slug: `tin-${id}`,
    headline: `Tin “${id}”\nhai dòng`,
    sapo: 'Sapo có dấu: Đà Nẵng, “ngoặc kép”, \\ và |.',
    section: 'thoi-su',
    tags,
    folded: tags.map(fold),
    tagPaths: tags.map(tagPath),
    related: [],
    publishedAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    featured: null,
    images: [],
    ...changes,
  };
};

describe('the export record on disk', () => {
  it('reads back exactly what was written, whatever its articles and pages hold', () => {
    const articles: [string, ArticleRecord][] = [
      // The usual: catalog revision and time, then the file's identity.
      ['a', { stamp: '3|2026-11-20T02:00:00.000Z|12:345:678', key: '3|2026-11-20T02:00:00.000Z', entry: entry('a') }],
      // A stamp with no file part, an article with photos, related articles, no date of publication.
      ['b', { stamp: '7|2026-11-20T02:00:00.000Z|', key: '7|2026-11-20T02:00:00.000Z', entry: entry('b', { related: ['a'], featured: 'f.jpg', images: ['f.jpg', 'g.png'], publishedAt: null }) }],
      // Unreadable (its stamp left empty), its key unknown; and one whose key is not its revision and time.
      ['c', { stamp: '', key: '', entry: entry('c', { tags: [] }) }],
      ['d', { stamp: '2|2026-11-21T00:00:00.000Z|x', key: '1|2026-11-20T02:00:00.000Z', entry: entry('d') }],
      ['e', { stamp: 'khác', key: 'không phải số', entry: entry('e', { tags: ['C++', '日本'] }) }],
      // Tags that joined would read as another article's.
      ['g', { stamp: '1|2026-11-20T02:00:00.000Z|', key: '1|2026-11-20T02:00:00.000Z', entry: entry('g', { tags: ['Cần Thơ\nGiáo dục'] }) }],
      ['h', { stamp: '1|2026-11-20T02:00:00.000Z|', key: '1|2026-11-20T02:00:00.000Z', entry: entry('h', { tags: ['Cần Thơ\u0000Giáo dục'] }) }],
    ];
    const record: ExportRecord = {
      format: RECORD_FORMAT,
      templates: 'mẫu',
      settings: 'cài-đặt',
      articles: new Map(articles),
      pages: new Map([
        ['tin-a.html', { in: 'h1', ids: 'b d e' }],
        ['tin-b.html', { in: 'h2', ids: 'a d e', img: ['f-800.webp'], miss: true }],
        ['tin-d.html', { in: 'h3', ids: 'b d e' }],
        ['index.html', { in: 'h4' }],
        ['rss.xml', { in: '', img: ['f-1200.jpg'] }],
        ['tu-khoa/can-tho.html', { in: 'h5', miss: true }],
        // (Inputs as no hash is written: still JSON.)
        ['chuyen-muc/thoi-su.html', { in: 'a"b\\c/đ' }],
        ['tu-khoa/giao-thong.html', { in: 'a"b', ids: 'b d e' }],
      ]),
    };
    const bytes = recordBytes(record);
    expect(recordFrom(bytes)).toEqual(record);
    // Read back and written again (its articles' lines copied from what was read), it is the same.
    const read = recordFrom(bytes)!;
    expect(recordBytes(read, read).equals(bytes)).toBe(true);
    // Articles changed, gone, new, and in another order: the same as made afresh.
    const changed = { stamp: '4|2026-11-22T00:00:00.000Z|', key: '4|2026-11-22T00:00:00.000Z', entry: entry('b', { headline: 'Tít mới' }) };
    const added = { stamp: '1|2026-11-23T00:00:00.000Z|', key: '1|2026-11-23T00:00:00.000Z', entry: entry('f') };
    const { a, c, d, e } = Object.fromEntries(read.articles);
    const next: ExportRecord = { ...read, articles: new Map(Object.entries({ f: added, e: e!, a: a!, b: changed, d: d! })), pages: new Map([...read.pages].slice(1)) };
    const nextBytes = recordBytes(next, read);
    const afresh = recordBytes({ ...next, articles: new Map(Object.entries({ f: added, e: articles[4]![1], a: articles[0]![1], b: changed, d: articles[3]![1] })) });
    expect(nextBytes.toString('utf8')).toBe(afresh.toString('utf8'));
    expect(c).toBeDefined();
    // And once more from those bytes.
    expect(recordBytes({ ...next }, next).equals(nextBytes)).toBe(true);
    expect(recordFrom(nextBytes)).toEqual(recordFrom(afresh));
  });

  it('is one line of JSON per article and per page, and far smaller than the entries as objects', () => {
    const articles = new Map<string, ArticleRecord>();
    const pages = new Map<string, { in: string; ids: string }>();
    for (let i = 0; i < 200; i++) {
      const id = `a${i}`;
      articles.set(id, { stamp: `2|2026-11-20T02:00:00.000Z|${i}`, key: '2|2026-11-20T02:00:00.000Z', entry: entry(id) });
      pages.set(`tin-${id}.html`, { in: `hash${i}`, ids: 'a1 a2 a3 a4 a5' });
    }
    const record: ExportRecord = { format: RECORD_FORMAT, templates: 't', settings: 's', articles, pages };
    const text = recordBytes(record).toString('utf8');
    // Header, articles, the one list of ids, pages, and the final line break.
    expect(text.split('\n')).toHaveLength(1 + 200 + 1 + 200 + 1);
    const asObjects = JSON.stringify({ articles: Object.fromEntries(articles), pages: Object.fromEntries(pages) });
    expect(text.length).toBeLessThan(asObjects.length * 0.6);
  });

  it('a stamp that could be mistaken for the short form is dropped: the article is read again', () => {
    const record: ExportRecord = {
      format: RECORD_FORMAT,
      templates: 't',
      settings: 's',
      articles: new Map([['a', { stamp: '|lạ', key: '3|2026-11-20T02:00:00.000Z', entry: entry('a') }]]),
      pages: new Map(),
    };
    expect(recordFrom(recordBytes(record))!.articles.get('a')!.stamp).toBe('');
  });
});
