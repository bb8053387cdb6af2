// A library of 6,000 articles (written straight to disk, as the benchmark seeds them): a page near
// the top is picked rather than the whole library sorted, and must be exactly the page a full sort
// gives — by date and by headline, ties in id order, whatever the offset.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonText } from '../../electron/library/atomicFile';
import { LIBRARY_SCHEMA_VERSION } from '../../electron/library/libraryFile';
import { LibraryService } from '../../electron/library/LibraryService';
import { summarize, type ArticleSummary } from '../../shared/model/article';
import { newArticle } from '../../shared/model/articleUpdates';
import { defaultSettings } from '../../shared/model/settings';
import { compareVietnamese } from '../../shared/text/vietnamese';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const ARTICLES = 6000;
const HEADWORDS = ['Đà Nẵng', 'da nang', 'Ân Thi', 'An Giang', 'Ấp Bắc', 'Bình Thủy', 'binh thuy', 'Cần Thơ', 'Cà Mau', 'Zô'];

let dir: string;
let library: LibraryService;

beforeAll(async () => {
  dir = await makeTempDir('newsdesk-large-');
  await mkdir(join(dir, 'articles'), { recursive: true });
  const catalog: ArticleSummary[] = [];
  for (let i = 0; i < ARTICLES; i += 500) {
    const batch = [];
    for (let j = i; j < i + 500; j++) {
      // Dates repeat (groups of articles saved the same second) and so do headlines: ties everywhere.
      const at = new Date(Date.parse('2026-01-01T00:00:00Z') + ((j * 7919) % 1500) * 60_000).toISOString();
      const article = newArticle({ id: `a${String((j * 4099) % ARTICLES).padStart(5, '0')}`, slug: `tin-${j}`, fields: { headline: `${HEADWORDS[j % HEADWORDS.length]} ${j % 37}` } }, { at, by: 'Phóng viên' });
      catalog.push(summarize(article));
      batch.push(writeFile(join(dir, 'articles', `${article.id}.json`), jsonText(article)));
    }
    await Promise.all(batch);
  }
  await writeFile(join(dir, 'library.json'), jsonText({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog }));
  library = await LibraryService.open({ dataDir: dir });
});

afterAll(async () => {
  await library?.dispose();
  await removeDir(dir);
});

const byId = (a: ArticleSummary, b: ArticleSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byUpdated = (a: ArticleSummary, b: ArticleSummary) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0) || byId(a, b);
const byHeadline = (a: ArticleSummary, b: ArticleSummary) => compareVietnamese(a.headline, b.headline) || byId(a, b);

describe(`a library of ${ARTICLES.toLocaleString('en')} articles`, () => {
  it('opens with every article listed', async () => {
    expect((await library.listArticles({ limit: 1 })).total).toBe(ARTICLES);
  });

  it('answers the window’s first question (the latest updated first) in the full sort’s order, and again after a save', async () => {
    const asked = (offset: number, limit: number) => library.listArticles({ view: 'active', sort: 'updated', direction: 'desc', offset, limit });
    const expected = [...(await library.listArticles({ limit: ARTICLES })).items].sort(byUpdated);
    for (const [offset, limit] of [
      [0, 100],
      [100, 100],
      [5900, 100],
    ] as const) {
      expect((await asked(offset, limit)).items.map((item) => item.id)).toEqual(expected.slice(offset, offset + limit).map((item) => item.id));
    }
    // A save: the order kept for the window is not used once the library has changed.
    const last = expected.at(-1)!;
    const saved = await library.saveArticle({ id: last.id, baseRevision: last.revision, changes: { headline: 'Vừa sửa' } });
    const first = (await asked(0, 2)).items;
    expect(first.map((item) => item.id)).toEqual([saved.id, expected[0]!.id]);
  });

  for (const [sort, compare] of [
    ['updated', byUpdated],
    ['headline', byHeadline],
  ] as const) {
    it(`gives the pages a full sort gives, by ${sort}, at every offset near the top and beyond`, async () => {
      const all = (await library.listArticles({ limit: ARTICLES, sort: sort === 'headline' ? 'headline' : undefined })).items;
      const expected = [...all].sort(compare);
      for (const [offset, limit] of [
        [0, 200],
        [200, 200],
        [1000, 250],
        [1400, 99],
        [4000, 200],
      ] as const) {
        const page = await library.listArticles({ offset, limit, sort: sort === 'headline' ? 'headline' : undefined });
        expect(page.total).toBe(ARTICLES);
        expect(page.items.map((item) => item.id)).toEqual(expected.slice(offset, offset + limit).map((item) => item.id));
      }
    });
  }
});
