// The library's full-text search and listing, through the real service on a library folder:
// Vietnamese typed without marks, with the tone in either place, with Ð for Đ; words being typed,
// mistyped and quoted; snippets; the index saved beside the library, reloaded, brought up to date
// and rebuilt; filters, saved views, sorting in Vietnamese order; bulk actions and their refusals.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import type { BodyDoc } from '../../shared/model/body';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const body = (...paragraphs: string[]): BodyDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

let dir: string;
let library: LibraryService;
let clock = Date.parse('2026-11-28T02:00:00Z');
const open = () => LibraryService.open({ dataDir: dir, now: () => new Date((clock += 1000)) });

beforeEach(async () => {
  dir = await makeTempDir('newsdesk-search-');
  library = await open();
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

const headlines = async (query: string, extra: Record<string, unknown> = {}) => {
  const result = await library.listArticles({ query, ...extra });
  return result.items.map((item) => item.headline);
};

async function seed() {
  const made: Record<string, string> = {};
  const add = async (headline: string, fields: Record<string, unknown> = {}) => {
    const article = await library.createArticle({ headline, ...fields });
    made[headline] = article.id;
    return article;
  };
  await add('Bình Thủy đẩy mạnh học tập suốt đời', { sapo: 'Quận Bình Thủy tổng kết phong trào.' });
  await add('Thời tiết hôm nay', { body: body('Mưa lớn ở quận binh thuy và Ninh Kiều.') });
  await add('Hòa bình cho vùng biên', { sapo: 'Hòa giải thành công.' });
  await add('Khoẻ mạnh mỗi ngày: hoà nhạc ngoài trời', { body: body('Người dân tham gia hoà nhạc.') });
  await add('Ðảng bộ thành phố họp phiên thường kỳ', { byline: 'Minh Anh' });
  await add('Đại hội đảng viên quận Cái Răng');
  await add('Giá lúa tăng mạnh', {
    body: body('Theo thương lái, giá lúa tăng. Nông dân ở huyện Phong Điền phấn khởi vì vụ mùa bội thu sau nhiều năm khó khăn.', 'Đoạn hai không liên quan.'),
  });
  await add('Vụ mùa khó khăn', { body: body('Nhiều năm vụ mùa bội thất bát; phấn khởi không nhiều.') });
  return made;
}

describe('full-text search', () => {
  it('finds words typed without marks, with the tone in either place, and Ð for Đ', async () => {
    await seed();
    await library.whenIdle();
    expect(await headlines('binh thuy')).toEqual(expect.arrayContaining(['Bình Thủy đẩy mạnh học tập suốt đời', 'Thời tiết hôm nay']));
    expect(await headlines('hoà')).toEqual(expect.arrayContaining(['Hòa bình cho vùng biên', 'Khoẻ mạnh mỗi ngày: hoà nhạc ngoài trời']));
    expect(await headlines('hòa')).toEqual(expect.arrayContaining(['Hòa bình cho vùng biên', 'Khoẻ mạnh mỗi ngày: hoà nhạc ngoài trời']));
    expect(await headlines('khỏe')).toContain('Khoẻ mạnh mỗi ngày: hoà nhạc ngoài trời');
    // U+00D0 (a look-alike pasted from elsewhere) and U+0110 find each other, in any case.
    expect(await headlines('\u00D0ảng')).toEqual(expect.arrayContaining(['Ðảng bộ thành phố họp phiên thường kỳ', 'Đại hội đảng viên quận Cái Răng']));
    expect(await headlines('đảng')).toEqual(expect.arrayContaining(['Ðảng bộ thành phố họp phiên thường kỳ', 'Đại hội đảng viên quận Cái Răng']));
    expect(await headlines('DANG')).toHaveLength(2);
  });

  it('ranks what matches the marks as typed first', async () => {
    await library.createArticle({ headline: 'Bình an ngày mới' });
    await library.createArticle({ headline: 'Binh đoàn đi qua' });
    await library.createArticle({ headline: 'Bính Ngọ sắp đến' });
    await library.whenIdle();
    expect((await headlines('bính'))[0]).toBe('Bính Ngọ sắp đến');
    expect((await headlines('bình'))[0]).toBe('Bình an ngày mới');
    expect(await headlines('bình')).toHaveLength(3);
  });

  it('takes a word being typed as the start of longer ones, and a mistyped word as the known one', async () => {
    await seed();
    await library.whenIdle();
    // "thu" (no space after it yet) stands for "thủy"; with a space after, only for "thu".
    expect(await headlines('binh thu')).toContain('Bình Thủy đẩy mạnh học tập suốt đời');
    expect(await headlines('binh thu ')).toEqual([]);
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
    expect(await headlines('phong dienn')).toEqual(['Giá lúa tăng mạnh']);
    expect(await headlines('thuong lia')).toEqual(['Giá lúa tăng mạnh']);
    expect(await headlines('xyzzyq')).toEqual([]);
  });

  it('finds a phrase in quotes only where its words stand together, with a snippet marking it', async () => {
    const made = await seed();
    await library.whenIdle();
    // Both articles have "vụ mùa", "bội" and "phấn khởi"; only one has "vụ mùa bội thu".
    expect(await headlines('vụ mùa bội phấn khởi')).toHaveLength(2);
    for (const quotes of [['"', '"'], ['“', '”']]) {
      const result = await library.listArticles({ query: `${quotes[0]}vu mua boi thu${quotes[1]}` });
      expect(result.items.map((item) => item.headline)).toEqual(['Giá lúa tăng mạnh']);
      const [snippet] = result.snippets![made['Giá lúa tăng mạnh']!]!;
      expect(snippet!.field).toBe('body');
      const marked = snippet!.hits.map(([start, end]) => snippet!.text.slice(start, end));
      expect(marked).toEqual(['vụ mùa bội thu']);
    }
  });

  it('checks a common phrase only as far as the page needs, saying the count is approximate; a selection of all gets them exactly', async () => {
    for (let i = 0; i < 300; i++) {
      // Every third article has the phrase; the others have its words apart.
      const text = i % 3 === 0 ? `Năm nay vụ mùa bội thu ở xã số ${i}.` : `Vụ lúa ${i} có mùa nước nổi, bội phần thu hoạch.`;
      await library.createArticle({ headline: `Tin nông nghiệp ${i}`, body: body(text) });
    }
    await library.whenIdle();
    const page = await library.listArticles({ query: '"vụ mùa bội thu"', limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(page.approximate).toBe(true);
    expect(page.total).toBeGreaterThan(100);
    expect(page.total).toBeLessThanOrEqual(300);
    for (const item of page.items) expect(Number(/\d+/.exec(item.headline)![0]) % 3).toBe(0);
    const { ids } = await library.listArticleIds({ query: '"vụ mùa bội thu"' });
    expect(ids).toHaveLength(100);
    // Sorted by a column, every candidate is checked: the count is exact.
    const sorted = await library.listArticles({ query: '"vụ mùa bội thu"', sort: 'headline', limit: 20 });
    expect(sorted.total).toBe(100);
    expect(sorted.approximate).toBeUndefined();
  });

  it('marks the hits of a search in the snippets, keeping the original marks', async () => {
    const made = await seed();
    await library.whenIdle();
    const result = await library.listArticles({ query: 'binh thuy' });
    const snippets = result.snippets![made['Thời tiết hôm nay']!]!;
    const body = snippets.find((s) => s.field === 'body')!;
    expect(body.hits.map(([s, e]) => body.text.slice(s, e))).toEqual(['binh', 'thuy']);
    const headline = result.snippets![made['Bình Thủy đẩy mạnh học tập suốt đời']!]!.find((s) => s.field === 'headline')!;
    expect(headline.hits.map(([s, e]) => headline.text.slice(s, e))).toEqual(['Bình', 'Thủy']);
  });

  it('follows every save, a trashed article only in the trash', async () => {
    const made = await seed();
    await library.whenIdle();
    const article = await library.getArticle({ id: made['Thời tiết hôm nay']! });
    await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: body('Nắng đẹp ở Ô Môn.') } });
    expect(await headlines('binh thuy')).toEqual(['Bình Thủy đẩy mạnh học tập suốt đời']);
    expect(await headlines('o mon')).toEqual(['Thời tiết hôm nay']);
    await library.trashArticle({ id: article.id });
    expect(await headlines('o mon')).toEqual([]);
    expect(await headlines('o mon', { view: 'trash' })).toEqual(['Thời tiết hôm nay']);
  });

  it('indexes articles received in a bundle (after the call, before the library is idle)', async () => {
    await library.createArticle({ headline: 'Tin gửi đi', body: body('Cầu Vàm Cống thông xe.') });
    const { bytes } = await library.bundleBytes(undefined);
    const otherDir = await makeTempDir('newsdesk-search-other-');
    const other = await LibraryService.open({ dataDir: otherDir });
    try {
      await other.whenIdle();
      expect((await other.importBundleBytes(bytes)).added).toHaveLength(1);
      await other.whenIdle();
      expect((await other.listArticles({ query: 'vam cong' })).items.map((item) => item.headline)).toEqual(['Tin gửi đi']);
    } finally {
      await other.dispose();
      await removeDir(otherDir);
    }
  });

  it('is saved beside the library, loaded at the next open and brought up to date with files changed meanwhile', async () => {
    const made = await seed();
    await library.whenIdle();
    await library.dispose();
    const saved = JSON.parse(await readFile(join(dir, 'search-index.json'), 'utf8')) as { ids: string[] };
    expect(saved.ids).toEqual(expect.arrayContaining(Object.values(made)));
    // Another program (a copy from a backup) changes an article file while the library is closed.
    const path = join(dir, 'articles', `${made['Vụ mùa khó khăn']!}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...file, headline: 'Vụ mùa ở Thốt Nốt', revision: (file.revision as number) + 1 }));
    await rm(join(dir, 'catalog-journal.jsonl'), { force: true });
    await writeFile(join(dir, 'catalog-journal.jsonl'), `${JSON.stringify({ id: made['Vụ mùa khó khăn'] })}\n`);
    library = await open();
    await library.whenIdle();
    expect(await library.getSearchStatus({})).toMatchObject({ state: 'ready' });
    expect(await headlines('thot not')).toEqual(['Vụ mùa ở Thốt Nốt']);
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
    // A save in the loaded index replaces the article's words: the old ones no longer find it.
    const rice = await library.getArticle({ id: made['Giá lúa tăng mạnh']! });
    await library.saveArticle({ id: rice.id, baseRevision: rice.revision, changes: { body: body('Giá lúa giảm ở Vĩnh Thạnh.') } });
    expect(await headlines('phong dien')).toEqual([]);
    expect(await headlines('vinh thanh')).toEqual(['Giá lúa tăng mạnh']);
    expect(await headlines('lua')).toEqual(['Giá lúa tăng mạnh']);
  });

  it('is built again, with its progress counted, when its file is missing or damaged; searches look at headlines meanwhile', async () => {
    await seed();
    await library.whenIdle();
    await library.dispose();
    for (const damage of [() => rm(join(dir, 'search-index.json')), () => writeFile(join(dir, 'search-index.json'), '{"version":1,"ids":[')]) {
      await damage();
      library = await open();
      // Right after opening (the build runs in the background): headlines only, and the status says so.
      const status = await library.getSearchStatus({});
      if (status.state === 'building') expect(await headlines('phong dien')).toEqual([]);
      await library.whenIdle();
      expect(await library.getSearchStatus({})).toEqual({ state: 'ready', done: 8, total: 8 });
      expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
      await library.dispose();
    }
    library = await open();
  });
});

describe('the index in its own thread', () => {
  it('numbers the saves made while the saved index loads as the loaded index does', async () => {
    const made = await seed();
    await library.dispose();
    library = await open();
    // Saved at once, while the index file is still being read in its thread.
    const fresh = await library.createArticle({ headline: 'Chợ nổi Ngã Bảy mở cửa đêm' });
    const rice = await library.getArticle({ id: made['Giá lúa tăng mạnh']! });
    await library.saveArticle({ id: rice.id, baseRevision: rice.revision, changes: { body: body('Giá lúa giảm ở Vĩnh Thạnh.') } });
    await library.whenIdle();
    expect(await headlines('nga bay')).toEqual(['Chợ nổi Ngã Bảy mở cửa đêm']);
    expect(await headlines('vinh thanh')).toEqual(['Giá lúa tăng mạnh']);
    expect(await headlines('phong dien')).toEqual([]);
    // Every other article is still found by its own words, and by none of the new ones.
    expect(await headlines('hoc tap suot doi')).toEqual(['Bình Thủy đẩy mạnh học tập suốt đời']);
    await library.dispose();
    library = await open();
    await library.whenIdle();
    expect(await headlines('nga bay')).toEqual([fresh.headline]);
    expect(await headlines('vinh thanh')).toEqual(['Giá lúa tăng mạnh']);
  });

  it('starts loading once the first list is answered, or by itself when none is asked for', async () => {
    await seed();
    await library.whenIdle();
    await library.dispose();
    library = await open();
    // Nothing started yet: the window's first list has the processor to itself.
    expect((library as unknown as { search: unknown }).search).toBeNull();
    await library.listArticles({});
    await expect.poll(async () => (await library.getSearchStatus({})).state, { timeout: 20_000 }).toBe('ready');
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
    await library.dispose();
    library = await open();
    await expect.poll(async () => (await library.getSearchStatus({})).state, { timeout: 20_000 }).toBe('ready');
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
  });

  it('is started again when its thread stops by itself; searches look at headlines meanwhile', async () => {
    await seed();
    await library.whenIdle();
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
    // The thread dies as it would out of memory (not closed by the library).
    const thread = (library as unknown as { search: { worker: { terminate(): Promise<number> } } }).search;
    await thread.worker.terminate();
    // Until the new thread is ready: headlines only (the body's "Phong Điền" is not found), never an error.
    const meanwhile = await library.listArticles({ query: 'phong dien' });
    expect(meanwhile.items.length).toBeLessThanOrEqual(1);
    await library.whenIdle();
    expect(await library.getSearchStatus({})).toMatchObject({ state: 'ready' });
    expect(await headlines('phong dien')).toEqual(['Giá lúa tăng mạnh']);
    const saved = await library.createArticle({ headline: 'Sau khi chỉ mục khởi động lại' });
    expect(await headlines('khoi dong lai')).toEqual([saved.headline]);
  });
});

describe('listing', () => {
  it('sorts any column in Vietnamese order, ties by id, empty values last', async () => {
    for (const headline of ['Đà Nẵng', 'Dương Đông', 'Ấp Bắc', 'An Giang', 'Zô', 'Ân Thi', '']) await library.createArticle({ headline });
    const asc = await headlines('', { sort: 'headline' });
    expect(asc).toEqual(['An Giang', 'Ân Thi', 'Ấp Bắc', 'Dương Đông', 'Đà Nẵng', 'Zô', '']);
    const desc = await headlines('', { sort: 'headline', direction: 'desc' });
    expect(desc).toEqual(['Zô', 'Đà Nẵng', 'Dương Đông', 'Ấp Bắc', 'Ân Thi', 'An Giang', '']);
    const words = (await library.listArticles({ sort: 'words' })).items.map((item) => item.wordCount);
    expect(words).toEqual([...words].sort((a, b) => b - a));
  });

  it('filters by status, section, tag, assignee and date range, and lists the saved views', async () => {
    const settings = await library.getSettings({});
    const [first, second] = settings.sections;
    const a = await library.createArticle({ headline: 'Tin một', section: first!.slug });
    const b = await library.createArticle({ headline: 'Tin hai', section: second!.slug });
    await library.saveArticle({ id: a.id, baseRevision: a.revision, changes: { tags: ['Cần Thơ'], dueAt: '2026-11-28T10:00:00Z' } });
    await library.setStatus({ id: b.id, baseRevision: b.revision, status: 'submitted' });
    expect(await headlines('', { statuses: ['submitted'] })).toEqual(['Tin hai']);
    expect(await headlines('', { sections: [first!.slug] })).toEqual(['Tin một']);
    expect(await headlines('', { tags: ['cần thơ'] })).toEqual(['Tin một']);
    expect(await headlines('', { view: 'waiting' })).toEqual(['Tin hai']);
    expect(await headlines('', { view: 'today', sort: 'headline' })).toEqual(['Tin hai', 'Tin một']);
    expect(await headlines('', { dates: { field: 'due', from: '2026-11-28', to: '2026-11-28' } })).toEqual(['Tin một']);
    expect(await headlines('', { dates: { field: 'due', from: '2026-11-29' } })).toEqual([]);
    expect(await headlines('', { dates: { field: 'updated', to: '2026-11-27' } })).toEqual([]);
    expect(await headlines('', { assignees: [''], sort: 'headline' })).toEqual(['Tin hai', 'Tin một']);
    const { ids } = await library.listArticleIds({ statuses: ['draft', 'submitted'] });
    expect(ids.sort()).toEqual([a.id, b.id].sort());
  });
});

describe('bulk actions', () => {
  it('changes status, section and tags where the workflow allows, and says why not for the rest', async () => {
    const settings = await library.getSettings({});
    const section = settings.sections[1]!.slug;
    const a = await library.createArticle({ headline: 'Bài A' });
    const b = await library.createArticle({ headline: 'Bài B' });
    const c = await library.createArticle({ headline: 'Bài C' });
    await library.setStatus({ id: c.id, baseRevision: c.revision, status: 'submitted' });
    const moved = await library.updateArticles({ ids: [a.id, b.id, c.id], status: 'submitted' });
    expect(moved).toEqual({ changed: 2, unchanged: 1, failed: [] });
    const approved = await library.updateArticles({ ids: [a.id, b.id], status: 'published' });
    expect(approved.changed).toBe(0);
    expect(approved.failed.map((f) => [f.headline, f.code])).toEqual(
      expect.arrayContaining([
        ['Bài A', 'invalid_input'],
        ['Bài B', 'invalid_input'],
      ]),
    );
    const tagged = await library.updateArticles({ ids: [a.id, b.id], section, addTags: ['Giao thông', 'giao thông'], removeTags: [] });
    expect(tagged.changed).toBe(2);
    const after = await library.getArticle({ id: a.id });
    expect(after.section).toBe(section);
    expect(after.tags).toEqual(['Giao thông']);
    expect(after.status).toBe('submitted');
    const untagged = await library.updateArticles({ ids: [a.id], removeTags: ['GIAO THÔNG'] });
    expect(untagged.changed).toBe(1);
    expect((await library.getArticle({ id: a.id })).tags).toEqual([]);
    // One revision per change, recorded in history like any save.
    expect((await library.getArticle({ id: a.id })).revision).toBe(after.revision + 1);
  });

  it('refuses a section that does not exist, changing nothing', async () => {
    const a = await library.createArticle({ headline: 'Bài A' });
    await expect(library.updateArticles({ ids: [a.id], section: 'khong-co' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await library.getArticle({ id: a.id })).revision).toBe(a.revision);
  });

  it('moves a selection into the trash and back, reporting articles that are gone', async () => {
    const a = await library.createArticle({ headline: 'Bài A' });
    const b = await library.createArticle({ headline: 'Bài B' });
    const trashed = await library.updateArticles({ ids: [a.id, b.id, 'khong-ton-tai'], trashed: true });
    expect(trashed.changed).toBe(2);
    expect(trashed.failed.map((f) => f.code)).toEqual(['not_found']);
    expect(await headlines('', { view: 'trash', sort: 'headline' })).toEqual(['Bài A', 'Bài B']);
    await library.updateArticles({ ids: [a.id, b.id], trashed: false });
    expect(await headlines('', { sort: 'headline' })).toEqual(['Bài A', 'Bài B']);
  });
});
