import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { exportSite } from '../../electron/publish/siteExporter';
import { contract } from '../../shared/api/contract';
import { summarize, type Article } from '../../shared/model/article';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

let dir: string;
let library: LibraryService;
let out: string;
beforeEach(async () => {
  dir = await makeTempDir();
  library = await LibraryService.open({ dataDir: join(dir, 'library') });
  await library.saveSettings({ changes: { baseUrl: 'https://baocantho.example' } });
  out = join(dir, 'out');
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function publish(headline: string, changes: Record<string, unknown> = {}): Promise<Article> {
  const created = await library.createArticle(contract.createArticle.input.parse({ headline, byline: 'Minh Anh' }));
  const saved = await library.saveArticle(contract.saveArticle.input.parse({ id: created.id, baseRevision: 1, changes: { sapo: `Sapo: ${headline}.`, ...changes } }));
  return moveTo(library, saved, 'published');
}

const fileOf = (article: Article) => join(dir, 'library', 'articles', `${article.id}.json`);

/** The ways an article file can fail to be read. */
const damages: Array<[string, (path: string) => Promise<void>]> = [
  ['not JSON', (path) => writeFile(path, '{ "id": "nửa chừng')],
  ['empty', (path) => writeFile(path, '')],
  ['failing its schema', (path) => writeFile(path, JSON.stringify({ schemaVersion: 3, headline: 42, body: 'không phải tài liệu' }))],
  ['written by a newer Newsdesk', async (path) => writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), schemaVersion: 99 }))],
  [
    'a folder in its place',
    async (path) => {
      await rm(path);
      await mkdir(path);
    },
  ],
  ['gone', (path) => rm(path)],
];

describe('an article whose file cannot be read keeps its pages, and the export says so', () => {
  for (const [what, damage] of damages) {
    it(`its file ${what}`, async () => {
      const lost = await publish('Bài sẽ hỏng', { section: 'thoi-su', tags: ['Cần Thơ'] });
      const other = await publish('Bài vẫn đọc được', { section: 'thoi-su', tags: ['Cần Thơ'] });
      await library.exportSite({ outDir: out });
      const page = await readFile(join(out, `${lost.slug}.html`), 'utf8');
      await damage(fileOf(lost));
      // Something else changes meanwhile: the pages listing both are made again.
      await library.saveArticle({ id: other.id, baseRevision: (await library.getArticle({ id: other.id })).revision, changes: { sapo: 'Sapo mới của bài kia.' } });

      for (const round of [1, 2]) {
        const result = await library.exportSite({ outDir: out });
        expect(result.notes, `round ${round}`).toContain(`unreadable-article:${lost.id}`);
        expect(result.unreadable).toEqual([{ id: lost.id, headline: 'Bài sẽ hỏng' }]);
        // What the window is sent matches the contract.
        expect(contract.exportSite.output.parse(result)).toEqual(result);
        expect(await readFile(join(out, `${lost.slug}.html`), 'utf8')).toBe(page);
        // The lists still show it (as the last export did), beside the change to the other.
        for (const list of ['index.html', 'chuyen-muc/thoi-su.html', 'tu-khoa/can-tho.html']) {
          const html = await readFile(join(out, list), 'utf8');
          expect(html, list).toContain(`href="${list.includes('/') ? '../' : ''}${lost.slug}.html"`);
          expect(html, list).toContain('Sapo: Bài sẽ hỏng.');
          expect(html, list).toContain('Sapo mới của bài kia.');
        }
        expect(await readFile(join(out, 'sitemap.xml'), 'utf8')).toContain(`${lost.slug}.html`);
      }
    });
  }

  it('never exported before: nothing to keep and nothing links to it, the others exported, the article named (its headline from the catalog)', async () => {
    const lost = await publish('Bài hỏng từ đầu', { tags: ['Cần Thơ'] });
    await publish('Bài khác', { tags: ['Cần Thơ'] });
    await writeFile(fileOf(lost), 'không phải JSON');
    const result = await library.exportSite({ outDir: out });
    expect(result.unreadable).toEqual([{ id: lost.id, headline: 'Bài hỏng từ đầu' }]);
    expect(result.notes).toContain(`unreadable-article:${lost.id}`);
    for (const file of ['index.html', 'tu-khoa/can-tho.html', 'sitemap.xml', 'rss.xml']) {
      const text = await readFile(join(out, file), 'utf8');
      expect(text, file).toContain(file === 'sitemap.xml' ? 'bai-khac.html' : 'Bài khác');
      expect(text, file).not.toContain(`${lost.slug}.html`);
    }
  });

  it('a file the system refuses to read (permissions): the same', async () => {
    // (Tests run as root, whom no permission stops: the refusal is made by the read itself.)
    const lost = await publish('Bài không có quyền đọc', { tags: ['Cần Thơ'] });
    const kept = await publish('Bài đọc được', { tags: ['Cần Thơ'] });
    const articles = new Map([lost, kept].map((a) => [a.id, a]));
    let refuse = false;
    const source = {
      settings: { ...(await library.getSettings({})), baseUrl: 'https://baocantho.example' },
      catalog: [...articles.values()].map(summarize),
      read: async (id: string) => {
        if (refuse && id === lost.id) throw Object.assign(new Error(`EACCES: permission denied, open '${id}.json'`), { code: 'EACCES' });
        return articles.get(id)!;
      },
      fileStamp: async (id: string) => (refuse && id === lost.id ? 'mode changed' : 'same'),
      imageInfo: async () => () => null,
      outDir: out,
      derivative: async () => null,
      fontsDir: join(process.cwd(), 'node_modules/@fontsource/noto-serif/files'),
    };
    await exportSite(source);
    const page = await readFile(join(out, `${lost.slug}.html`), 'utf8');
    refuse = true;
    const result = await exportSite(source);
    expect(result.unreadable).toEqual([{ id: lost.id, headline: lost.headline }]);
    expect(await readFile(join(out, `${lost.slug}.html`), 'utf8')).toBe(page);
    expect(await readFile(join(out, 'tu-khoa/can-tho.html'), 'utf8')).toContain(`${lost.slug}.html`);
  });
});
