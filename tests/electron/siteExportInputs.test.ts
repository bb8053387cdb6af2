import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { contract } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import type * as site from '../../shared/publish/site';
import { renderSiteArticle, renderSiteList } from '../../shared/publish/site';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

// Every page the export renders goes through these two: counted, to prove what was not rendered.
vi.mock('../../shared/publish/site', async (importOriginal) => {
  const actual = await importOriginal<typeof site>();
  return { ...actual, renderSiteArticle: vi.fn(actual.renderSiteArticle), renderSiteList: vi.fn(actual.renderSiteList) };
});
const articleRenders = () => vi.mocked(renderSiteArticle).mock.calls.map(([, article]) => article.slug).sort();
const listRenders = () => vi.mocked(renderSiteList).mock.calls.map(([, page]) => page.path).sort();
const clearRenders = () => {
  vi.mocked(renderSiteArticle).mockClear();
  vi.mocked(renderSiteList).mockClear();
};

const PHOTO = join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png');

let dir: string;
let library: LibraryService;
let clock: number;
beforeEach(async () => {
  dir = await makeTempDir();
  // A clock a minute on at each call: every article its own minute, whatever the machine's speed.
  clock = Date.UTC(2026, 10, 20, 1, 0);
  library = await LibraryService.open({ dataDir: join(dir, 'library'), now: () => new Date((clock += 60_000)) });
  await library.saveSettings({ changes: { baseUrl: 'https://baocantho.example' } });
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function publish(headline: string, changes: Record<string, unknown> = {}): Promise<Article> {
  const created = await library.createArticle(contract.createArticle.input.parse({ headline, byline: 'Minh Anh' }));
  const saved = await library.saveArticle(contract.saveArticle.input.parse({ id: created.id, baseRevision: 1, changes: { sapo: `Sapo của ${headline}.`, ...changes } }));
  return moveTo(library, saved, 'published');
}

async function edit(article: Article, changes: Record<string, unknown>): Promise<Article> {
  const current = await library.getArticle({ id: article.id });
  return library.saveArticle(contract.saveArticle.input.parse({ id: article.id, baseRevision: current.revision, changes }));
}

/** Every file of an exported site (not Newsdesk's own records), with its content. */
async function siteFiles(out: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(out.length + 1)] = (await readFile(path)).toString('base64');
  }
  return files;
}

let fresh = 0;
/** The folder after exporting again into it equals a first export into an empty folder. */
async function expectSameAsFreshExport(out: string): Promise<void> {
  const other = join(dir, `fresh-${fresh++}`);
  await library.exportSite({ outDir: other });
  const [incremental, full] = [await siteFiles(out), await siteFiles(other)];
  expect(Object.keys(incremental).sort()).toEqual(Object.keys(full).sort());
  for (const path of Object.keys(full)) expect(incremental[path], path).toBe(full[path]);
}

/** A small paper: two sections, shared tags, a dozen articles or `count` (the oldest first). */
async function paper(count = 12): Promise<Article[]> {
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const tags = [i % 2 ? 'Cần Thơ' : 'Giáo dục', ...(i % 3 === 0 ? ['Giao thông'] : [])];
    articles.push(await publish(`Tin số ${i + 1}`, { section: i % 2 ? 'thoi-su' : 'kinh-te', tags }));
  }
  return articles;
}

describe('exporting again renders only the pages whose inputs changed', () => {
  it('nothing changed: nothing is rendered or written (remembering the folder changes no page)', async () => {
    await paper();
    const out = join(dir, 'out');
    const first = await library.exportSite({ outDir: out });
    expect(first.written).toBeGreaterThan(first.pages);
    clearRenders();
    const again = await library.exportSite({ outDir: out });
    expect({ written: again.written, removed: again.removed, articles: articleRenders(), lists: listRenders() }).toEqual({ written: 0, removed: 0, articles: [], lists: [] });
  });

  it('a sapo edited: that article’s page, the lists it is on and the feeds, nothing else', async () => {
    const articles = await paper();
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const before = await siteFiles(out);
    const edited = articles[4]!;
    await edit(edited, { sapo: 'Sapo đã sửa lại.' });
    clearRenders();
    const again = await library.exportSite({ outDir: out });
    expect(articleRenders()).toEqual([edited.slug]);
    // (The blocks beside other articles show no sapo: they are not rendered again.)
    expect(listRenders()).toEqual(['chuyen-muc/kinh-te.html', 'index.html', 'tu-khoa/giao-duc.html']);
    const after = await siteFiles(out);
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed.sort()).toEqual([`${edited.slug}.html`, 'chuyen-muc/kinh-te.html', 'index.html', 'rss.xml', 'sitemap.xml', 'tu-khoa/giao-duc.html'].sort());
    expect(again.written).toBe(changed.length);
    await expectSameAsFreshExport(out);
  });

  it('a headline edited: also every page that shows the article beside it, and no other', async () => {
    // (Large enough that an older article is beside some pages only.)
    const articles = await paper(24);
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const edited = articles[3]!;
    const link = `href="${edited.slug}.html"`;
    const showing = [];
    for (const article of articles) {
      if (article.id !== edited.id && (await readFile(join(out, `${article.slug}.html`), 'utf8')).includes(link)) showing.push(article.slug);
    }
    expect(showing.length).toBeGreaterThan(0);
    expect(showing.length).toBeLessThan(articles.length - 1);
    await edit(edited, { headline: 'Tít mới hẳn' });
    clearRenders();
    await library.exportSite({ outDir: out });
    expect(articleRenders()).toEqual([edited.slug, ...showing].sort());
    await expectSameAsFreshExport(out);
  });

  it('related articles chosen by hand: only that article’s page (no list shows them)', async () => {
    const articles = await paper();
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    await edit(articles[6]!, { related: [articles[0]!.id] });
    clearRenders();
    await library.exportSite({ outDir: out });
    expect(articleRenders()).toEqual([articles[6]!.slug]);
    expect(await readFile(join(out, `${articles[6]!.slug}.html`), 'utf8')).toContain(`href="${articles[0]!.slug}.html"`);
    await expectSameAsFreshExport(out);
  });

  it('after every kind of change, the folder is what a first export would make', async () => {
    const articles = await paper();
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const changes: Array<[string, () => Promise<unknown>]> = [
      ['body', () => edit(articles[2]!, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung mới.' }] }] } })],
      ['tags', () => edit(articles[5]!, { tags: ['Du lịch', 'Cần Thơ'] })],
      ['section', () => edit(articles[6]!, { section: 'thoi-su' })],
      ['related by hand', () => edit(articles[7]!, { related: [articles[0]!.id, articles[1]!.id] })],
      ['headline of a related one', () => edit(articles[0]!, { headline: 'Tin đầu, tít mới' })],
      ['a new article', () => publish('Tin mới nhất', { section: 'kinh-te', tags: ['Giao thông'] })],
      ['unpublished', () => library.getArticle({ id: articles[8]!.id }).then((a) => library.setStatus({ id: a.id, baseRevision: a.revision, status: 'approved' }))],
      ['trashed', () => library.trashArticle({ id: articles[9]!.id })],
      ['slug', () => edit(articles[10]!, { slug: 'duong-dan-moi' })],
      ['the last of a tag gone', () => edit(articles[11]!, { tags: [] })],
      ['settings shown on every page', () => library.saveSettings({ changes: { paperName: 'Báo Cần Thơ' } })],
      [
        'a photo',
        async () => {
          const { assetId } = await library.importAsset({ fileName: 'a.png', dataBase64: (await readFile(PHOTO)).toString('base64') });
          await edit(articles[3]!, { featuredImage: { assetId, caption: 'Trong ảnh: cầu', credit: 'Ảnh: A', alt: 'Cầu' } });
        },
      ],
      ['the photo taken off', () => edit(articles[3]!, { featuredImage: null })],
      ['nothing', async () => undefined],
    ];
    for (const [what, change] of changes) {
      await change();
      await library.exportSite({ outDir: out });
      await expectSameAsFreshExport(out).catch((error: unknown) => {
        throw new Error(`after “${what}”: ${String(error)}`);
      });
    }
  });

  it('a damaged record, or one of another format, is ignored: every page is rendered again', async () => {
    const articles = await paper();
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const valid = JSON.parse(await readFile(join(out, '.newsdesk-export-inputs.json'), 'utf8')) as { format: number; pages: Record<string, unknown> };
    const [somePage] = Object.keys(valid.pages);
    for (const record of [
      '{"format":2,"templates":',
      JSON.stringify({ ...valid, format: 99 }),
      JSON.stringify({ ...valid, articles: [] }),
      JSON.stringify({ ...valid, pages: { ...valid.pages, [somePage!]: { in: 5 } } }),
      JSON.stringify({ ...valid, pages: { ...valid.pages, '../outside.html': { in: 'x' } } }),
    ]) {
      await writeFile(join(out, '.newsdesk-export-inputs.json'), record);
      clearRenders();
      const again = await library.exportSite({ outDir: out });
      expect(articleRenders().length, record).toBe(articles.length);
      // Rendered again, the pages are the same: none is written.
      expect(again.written, record).toBe(0);
    }
    await expectSameAsFreshExport(out);
  });

  it('a page deleted from the folder by hand is written again', async () => {
    const articles = await paper();
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    await rm(join(out, `${articles[1]!.slug}.html`));
    await rm(join(out, 'tu-khoa', 'giao-thong.html'));
    clearRenders();
    const again = await library.exportSite({ outDir: out });
    expect(articleRenders()).toEqual([articles[1]!.slug]);
    expect(listRenders()).toEqual(['tu-khoa/giao-thong.html']);
    expect(again.written).toBe(2);
    await expectSameAsFreshExport(out);
  });
});
