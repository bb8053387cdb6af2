import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { forgetWritten } from '../../electron/publish/exportRecord';
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

for (const restarted of [false, true]) {
  /** Exports into `out`; `restarted`: as the first export after the app started (the record and manifest read from their files, not remembered). */
  const exportTo = (out: string) => {
    if (restarted) forgetWritten();
    return library.exportSite({ outDir: out });
  };
  describe(`exporting again renders only the pages whose inputs changed${restarted ? ' (the app restarted between exports: the record read from its file)' : ''}`, () => {
    it('nothing changed: nothing is rendered or written (remembering the folder changes no page)', async () => {
      await paper();
      const out = join(dir, 'out');
      const first = await exportTo(out);
      expect(first.written).toBeGreaterThan(first.pages);
      clearRenders();
      const again = await exportTo(out);
      expect({ written: again.written, removed: again.removed, articles: articleRenders(), lists: listRenders() }).toEqual({ written: 0, removed: 0, articles: [], lists: [] });
    });

    it('a sapo edited: that article’s page, the lists it is on and the feeds, nothing else', async () => {
      const articles = await paper();
      const out = join(dir, 'out');
      await exportTo(out);
      const before = await siteFiles(out);
      const edited = articles[4]!;
      await edit(edited, { sapo: 'Sapo đã sửa lại.' });
      clearRenders();
      const again = await exportTo(out);
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
      await exportTo(out);
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
      await exportTo(out);
      expect(articleRenders()).toEqual([edited.slug, ...showing].sort());
      await expectSameAsFreshExport(out);
    });

    it('related articles chosen by hand: only that article’s page (no list shows them)', async () => {
      const articles = await paper();
      const out = join(dir, 'out');
      await exportTo(out);
      await edit(articles[6]!, { related: [articles[0]!.id] });
      clearRenders();
      await exportTo(out);
      expect(articleRenders()).toEqual([articles[6]!.slug]);
      expect(await readFile(join(out, `${articles[6]!.slug}.html`), 'utf8')).toContain(`href="${articles[0]!.slug}.html"`);
      await expectSameAsFreshExport(out);
    });

    it('after every kind of change, the folder is what a first export would make', async () => {
      const articles = await paper();
      const out = join(dir, 'out');
      await exportTo(out);
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
        await exportTo(out);
        await expectSameAsFreshExport(out).catch((error: unknown) => {
          throw new Error(`after “${what}”: ${String(error)}`);
        });
      }
    });

    it('a damaged record, one cut short, or one of another format, is ignored: every page is rendered again', async () => {
      const articles = await paper();
      const out = join(dir, 'out');
      await exportTo(out);
      const file = join(out, '.newsdesk-export-inputs.json');
      const text = await readFile(file, 'utf8');
      const lines = text.split('\n');
      const header = JSON.parse(lines[0]!) as { format: number; templates: string; settings: string; articles: number; lists: number; pages: number };
      expect(header.format).toBe(3);
      const firstPage = 1 + header.articles + header.lists;
      const edited = (edit: (lines: string[]) => void) => {
        const copy = [...lines];
        edit(copy);
        return copy.join('\n');
      };
      const row = (line: string) => JSON.parse(line) as unknown[];
      for (const [what, record] of [
        ['cut short', text.slice(0, Math.floor(text.length / 2))],
        ['empty', ''],
        ['not JSON', '{"format":3,"templates":'],
        ['of another format', edited((l) => (l[0] = JSON.stringify({ ...header, format: 99 })))],
        ['of the older format (one JSON object)', JSON.stringify({ format: 2, templates: header.templates, settings: header.settings, articles: {}, pages: {} })],
        ['counting one article more than it holds', edited((l) => (l[0] = JSON.stringify({ ...header, articles: header.articles + 1 })))],
        ['with a line more', edited((l) => l.splice(l.length - 1, 0, l[firstPage]!))],
        ['with an article twice', edited((l) => (l[2] = l[1]!))],
        ['with an article line that is not JSON', edited((l) => (l[1] = '["bài'))],
        ['with an article whose page would be outside the folder', edited((l) => (l[1] = JSON.stringify(row(l[1]!).map((v, i) => (i === 3 ? '../ngoai' : v)))))],
        ['with a page whose inputs are not a hash', edited((l) => (l[firstPage] = JSON.stringify(row(l[firstPage]!).map((v, i) => (i === 1 ? 5 : v)))))],
        ['with a page outside the folder', edited((l) => (l[firstPage] = JSON.stringify(row(l[firstPage]!).map((v, i) => (i === 0 ? '../outside.html' : v)))))],
        ['with a list number out of range', edited((l) => (l[firstPage] = JSON.stringify([...row(l[firstPage]!).slice(0, 2), header.lists])))],
        // The same size as what this process wrote (it must not take it for its own).
        ['of other templates, the same size', text.replace(header.templates, `${header.templates[0] === 'x' ? 'y' : 'x'}${header.templates.slice(1)}`)],
      ] as const) {
        await writeFile(file, record);
        clearRenders();
        const again = await exportTo(out);
        expect(articleRenders().length, what).toBe(articles.length);
        // Rendered again, the pages are the same: none is written.
        expect(again.written, what).toBe(0);
      }
      await expectSameAsFreshExport(out);
    });

    it('a page deleted from the folder by hand is written again', async () => {
      const articles = await paper();
      const out = join(dir, 'out');
      await exportTo(out);
      await rm(join(out, `${articles[1]!.slug}.html`));
      await rm(join(out, 'tu-khoa', 'giao-thong.html'));
      clearRenders();
      const again = await exportTo(out);
      expect(articleRenders()).toEqual([articles[1]!.slug]);
      expect(listRenders()).toEqual(['tu-khoa/giao-thong.html']);
      expect(again.written).toBe(2);
      await expectSameAsFreshExport(out);
    });
  });
}
