import { readFileSync } from 'node:fs';
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextToBody } from '../../shared/model/body';
import { LibraryService } from '../../electron/library/LibraryService';
import { ApiFailure } from '../../electron/library/errors';
import { listFiles, makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';

let dir: string;
let clock: number;
let counter: number;
const open = () =>
  LibraryService.open({
    dataDir: dir,
    now: () => new Date((clock += 1000)),
    newId: () => `article-${++counter}`,
  });

beforeEach(async () => {
  dir = await makeTempDir();
  clock = Date.parse('2026-11-27T01:00:00Z');
  counter = 0;
});
afterEach(async () => {
  await removeDir(dir);
});

async function expectFailure(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  expect((error as ApiFailure).code).toBe(code);
}

describe('LibraryService on a real folder', () => {
  it('says when it is idle: library.json is then written, the journal empty, and the folder stays as it is', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Chờ ghi xong' });
    await library.saveArticle({ id: a.id, baseRevision: 1, changes: { sapo: 'Sapo' } });
    // Straight after a save the catalog is only in the journal (library.json is rewritten a little later)…
    expect(await readFile(join(dir, 'catalog-journal.jsonl'), 'utf8')).not.toBe('');
    await library.whenIdle();
    // …once idle, it is in library.json and nothing is waiting to be written.
    expect(await readFile(join(dir, 'catalog-journal.jsonl'), 'utf8')).toBe('');
    const catalog = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).catalog;
    expect(catalog.map((s: { id: string; revision: number }) => [s.id, s.revision])).toEqual([[a.id, 2]]);
    const snapshot = await snapshotDir(dir);
    await library.whenIdle();
    await library.listArticles({});
    expect(await snapshotDir(dir)).toEqual(snapshot);
    await library.dispose();
  });

  it('creates the layout of DESIGN.md and an article file per article', async () => {
    const library = await open();
    const article = await library.createArticle({ headline: 'Bình Thủy đẩy mạnh việc học tập' });
    expect(article).toMatchObject({ id: 'article-1', revision: 1, status: 'draft', slug: 'binh-thuy-day-manh-viec-hoc-tap' });
    const files = await listFiles(dir);
    expect(files).toEqual(
      expect.arrayContaining(['library.json', 'articles/article-1.json', 'revisions/article-1/1.json']),
    );
    const onDisk = JSON.parse(await readFile(join(dir, 'articles/article-1.json'), 'utf8'));
    expect(onDisk.headline).toBe('Bình Thủy đẩy mạnh việc học tập');
    await library.dispose();
    const libraryFile = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(libraryFile.catalog).toHaveLength(1);
    expect(libraryFile.catalog[0]).toMatchObject({ id: 'article-1', headline: 'Bình Thủy đẩy mạnh việc học tập', wordCount: 7 });
  });

  it('saves on top of the revision it was based on and refuses a stale save', async () => {
    const library = await open();
    const created = await library.createArticle({ headline: 'Tin một' });
    const first = await library.saveArticle({ id: created.id, baseRevision: 1, changes: { sapo: 'Bản của phóng viên A' } });
    expect(first.revision).toBe(2);
    await expectFailure(
      library.saveArticle({ id: created.id, baseRevision: 1, changes: { sapo: 'Bản của phóng viên B' } }),
      'conflict',
    );
    const stored = await library.getArticle({ id: created.id });
    expect(stored.sapo).toBe('Bản của phóng viên A');
    expect(stored.revision).toBe(2);
  });

  it('keeps everything after a restart, and every file it wrote parses as JSON', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Cần Thơ mưa lớn' });
    await library.saveArticle({ id: a.id, baseRevision: 1, changes: { body: plainTextToBody('Đoạn một.\nĐoạn hai.') }, snapshot: true });
    const b = await library.createArticle({ headline: 'Giá lúa tăng' });
    await library.trashArticle({ id: b.id });
    await library.saveSettings({ changes: { paperName: 'Báo Cần Thơ' } });
    await library.dispose();

    for (const file of await listFiles(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const documents = file.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text];
      for (const json of documents) expect(() => JSON.parse(json), file).not.toThrow();
    }

    const reopened = await open();
    const article = await reopened.getArticle({ id: a.id });
    expect(article.body.content).toHaveLength(2);
    expect((await reopened.listArticles({})).items.map((s) => s.id)).toEqual([a.id]);
    expect((await reopened.listArticles({ view: 'trash' })).items.map((s) => s.id)).toEqual([b.id]);
    expect((await reopened.getSettings({})).paperName).toBe('Báo Cần Thơ');
  });

  it('keeps immutable snapshots for named saves, not for quick autosaves or the trash', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Tin' });
    await library.saveArticle({ id: a.id, baseRevision: 1, changes: { sapo: 'autosave' } });
    await library.saveArticle({ id: a.id, baseRevision: 2, changes: { sapo: 'named' }, snapshot: true });
    await library.trashArticle({ id: a.id });
    expect((await listFiles(join(dir, 'revisions', a.id))).sort()).toEqual(['1.json', '3.json', 'history.json']);
    const snapshot = JSON.parse(await readFile(join(dir, 'revisions', a.id, '3.json'), 'utf8'));
    expect(snapshot.sapo).toBe('named');
  });

  it('follows the headline with the slug until it is edited by hand, and keeps slugs unique', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Tin nóng' });
    const b = await library.createArticle({ headline: 'Tin nóng' });
    expect([a.slug, b.slug]).toEqual(['tin-nong', 'tin-nong-2']);
    const renamed = await library.saveArticle({ id: b.id, baseRevision: 1, changes: { headline: 'Tin nóng trong ngày' } });
    expect(renamed.slug).toBe('tin-nong-trong-ngay');
    const custom = await library.saveArticle({ id: b.id, baseRevision: 2, changes: { slug: 'tin-rieng' } });
    const after = await library.saveArticle({ id: b.id, baseRevision: custom.revision, changes: { headline: 'Tít khác' } });
    expect(after.slug).toBe('tin-rieng');
    await expectFailure(library.saveArticle({ id: b.id, baseRevision: after.revision, changes: { slug: 'tin-nong' } }), 'slug_taken');
  });

  it('moves a corrupt article file aside, reports it, and keeps the rest working', async () => {
    const library = await open();
    const good = await library.createArticle({ headline: 'Bài tốt' });
    const bad = await library.createArticle({ headline: 'Bài hỏng' });
    await library.dispose();
    await writeFile(join(dir, 'articles', `${bad.id}.json`), '{"headline": "cut off', 'utf8');

    const reopened = await open();
    await expectFailure(reopened.getArticle({ id: bad.id }), 'corrupt_file');
    const files = await listFiles(join(dir, 'articles'));
    expect(files.some((f) => f.startsWith(`${bad.id}.json.corrupt-`))).toBe(true);
    expect((await reopened.getAppInfo({})).problems).toHaveLength(1);
    expect((await reopened.listArticles({})).items.map((s) => s.id)).toEqual([good.id]);
    expect((await reopened.getArticle({ id: good.id })).headline).toBe('Bài tốt');
  });

  it('rebuilds the catalog from the article files when library.json is damaged', async () => {
    const library = await open();
    await library.createArticle({ headline: 'Một' });
    await library.createArticle({ headline: 'Hai' });
    await library.dispose();
    await writeFile(join(dir, 'library.json'), 'not json at all', 'utf8');

    const reopened = await open();
    const listing = await reopened.listArticles({ sort: 'headline' });
    expect(listing.items.map((s) => s.headline)).toEqual(['Hai', 'Một']);
    const info = await reopened.getAppInfo({});
    expect(info.problems[0]?.file).toBe(join(dir, 'library.json'));
    expect((await listFiles(dir)).some((f) => f.startsWith('library.json.corrupt-'))).toBe(true);
  });

  it('rebuilds the catalog when library.json is missing, and adds articles it does not know', async () => {
    const library = await open();
    await library.createArticle({ headline: 'Còn đây' });
    await library.dispose();
    await rm(join(dir, 'library.json'));
    const reopened = await open();
    expect((await reopened.listArticles({})).items.map((s) => s.headline)).toEqual(['Còn đây']);
  });

  it('lists the tags in use, most used first, ignoring case and marks when counting', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Một' });
    const b = await library.createArticle({ headline: 'Hai' });
    const c = await library.createArticle({ headline: 'Ba' });
    await library.saveArticle({ id: a.id, baseRevision: 1, changes: { tags: ['Giáo dục', 'Cần Thơ'] } });
    await library.saveArticle({ id: b.id, baseRevision: 1, changes: { tags: ['giáo dục'] } });
    await library.saveArticle({ id: c.id, baseRevision: 1, changes: { tags: ['Bóng đá'] } });
    await library.trashArticle({ id: c.id });
    expect(await library.listTags({})).toEqual([
      { tag: 'Giáo dục', count: 2 },
      { tag: 'Cần Thơ', count: 1 },
    ]);
  });

  it('searches headlines without regard to marks and tone placement', async () => {
    const library = await open();
    await library.createArticle({ headline: 'Quận ủy Ninh Kiều họp' });
    await library.createArticle({ headline: 'Hòa Bình đón khách' });
    const titles = async (query: string) => (await library.listArticles({ query })).items.map((s) => s.headline);
    expect(await titles('quan uy')).toEqual(['Quận ủy Ninh Kiều họp']);
    expect(await titles('hoà')).toEqual(['Hòa Bình đón khách']);
    expect(await titles('không có')).toEqual([]);
  });

  it('serialises concurrent saves so none is lost or torn', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Đua' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => library.saveArticle({ id: a.id, baseRevision: 1, changes: { sapo: `bản ${i}` } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stored = await library.getArticle({ id: a.id });
    expect(stored.revision).toBe(2);
  });

  it('returns not_found for an unknown article and validates settings as a whole', async () => {
    const library = await open();
    await expectFailure(library.getArticle({ id: 'nope' }), 'not_found');
    await expectFailure(library.saveSettings({ changes: { sections: [] } }), 'invalid_input');
    expect((await library.getSettings({})).sections.length).toBeGreaterThan(0);
  });
});

describe('LibraryService after a crash or in odd company', () => {
  it('repairs the catalog when the process died between the article write and the catalog write', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Tin cũ' });
    await library.dispose();
    const catalogBefore = await readFile(join(dir, 'library.json'), 'utf8');

    // The same library, reopened, saves a new headline and "crashes" before compaction:
    // library.json still holds the old catalog, the journal and the article file the new one.
    const second = await open();
    await second.saveArticle({ id: a.id, baseRevision: 1, changes: { headline: 'Tin mới' } });
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(catalogBefore);
    await rm(join(dir, 'library.lock')); // the crashed process is gone

    const reopened = await open();
    const listing = await reopened.listArticles({});
    expect(listing.items.map((s) => [s.headline, s.slug, s.revision])).toEqual([['Tin mới', 'tin-moi', 2]]);
    const b = await reopened.createArticle({ headline: 'Tin mới' });
    expect(b.slug).toBe('tin-moi-2');
  });

  it('answers a save as done once the article file is written, and costs no catalog rewrite', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Nhanh' });
    await library.dispose();
    const second = await open();
    const before = await readFile(join(dir, 'library.json'), 'utf8');
    for (let revision = 1; revision <= 5; revision++) {
      await second.saveArticle({ id: a.id, baseRevision: revision, changes: { sapo: `lần ${revision}` } });
    }
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect((await second.getArticle({ id: a.id })).revision).toBe(6);
    await second.dispose();
    const after = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(after.catalog[0].revision).toBe(6);
    expect(await readFile(join(dir, 'catalog-journal.jsonl'), 'utf8')).toBe('');
  });

  it('refuses a second process on the same library', async () => {
    const library = await open();
    const { LibraryLockedError } = await import('../../electron/library/libraryLock');
    await writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: process.ppid }), 'utf8');
    await expect(open()).rejects.toBeInstanceOf(LibraryLockedError);
    await rm(join(dir, 'library.lock'));
    await library.dispose();
  });

  it('takes over the lock of a process that is gone', async () => {
    await writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }), 'utf8');
    const library = await open();
    expect((await library.listArticles({})).total).toBe(0);
    await library.dispose();
  });

  it('refuses a library written by a newer Newsdesk without touching it', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, settings: { paperName: 'Báo Mới' }, catalog: [], future: true });
    await writeFile(join(dir, 'library.json'), newer, 'utf8');
    const { LibraryTooNewError } = await import('../../electron/library/LibraryService');
    await expect(open()).rejects.toBeInstanceOf(LibraryTooNewError);
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(newer);
    expect((await listFiles(dir)).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('leaves an article from a newer Newsdesk in place and says so', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Từ tương lai' });
    await library.dispose();
    const path = join(dir, 'articles', `${a.id}.json`);
    const future = JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), schemaVersion: 7 });
    await writeFile(path, future, 'utf8');
    const reopened = await open();
    await expectFailure(reopened.getArticle({ id: a.id }), 'too_new');
    expect(await readFile(path, 'utf8')).toBe(future);
  });

  it('keeps valid settings when only the catalog in library.json is damaged, and keeps the original', async () => {
    const library = await open();
    await library.saveSettings({ changes: { paperName: 'Báo Cần Thơ' } });
    await library.createArticle({ headline: 'Còn nguyên' });
    await library.dispose();
    const file = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    file.catalog = [{ id: 42 }];
    await writeFile(join(dir, 'library.json'), JSON.stringify(file), 'utf8');
    const reopened = await open();
    expect((await reopened.getSettings({})).paperName).toBe('Báo Cần Thơ');
    expect((await reopened.listArticles({})).items.map((s) => s.headline)).toEqual(['Còn nguyên']);
    expect((await reopened.getAppInfo({})).problems[0]).toMatchObject({ kind: 'repaired', fields: ['catalog'] });
    expect((await listFiles(dir)).some((f) => f.startsWith('library.json.corrupt-'))).toBe(true);
  });
});

describe('an article file changed from outside while the library is open', () => {
  // The service keeps the articles it has just read or written in memory, and reads one again
  // only when its file is no longer the one it wrote or read: whatever another program did to it.
  it('is read again after an edit in place (even of the same length), a replacement, a removal and damage', async () => {
    const library = await open();
    try {
      const created = await library.createArticle({ headline: 'Tin A' });
      const saved = await library.saveArticle({ id: created.id, baseRevision: 1, changes: { sapo: 'Sapo một' } });
      expect((await library.getArticle({ id: saved.id })).sapo).toBe('Sapo một');
      const path = join(dir, 'articles', `${saved.id}.json`);

      // Rewritten in place a moment later, same length: only the modification time tells. (Set
      // a second on: a rewrite within the file system's timestamp tick of Newsdesk's own write,
      // of exactly the same length, is the one change this cannot see.)
      const text = await readFile(path, 'utf8');
      const sameLength = text.replace('Sapo một', 'Sapo mốt');
      expect(Buffer.byteLength(sameLength)).toBe(Buffer.byteLength(text));
      const written = (await stat(path)).mtime;
      await writeFile(path, sameLength);
      const later = new Date(written.getTime() + 1000);
      await utimes(path, later, later);
      expect((await library.getArticle({ id: saved.id })).sapo).toBe('Sapo mốt');

      // Replaced by another file (as a synchronising program does).
      await writeFile(`${path}.new`, sameLength.replace('Sapo mốt', 'Sapo ba'));
      await rename(`${path}.new`, path);
      expect((await library.getArticle({ id: saved.id })).sapo).toBe('Sapo ba');
      // A save is based on what the file says now.
      await expectFailure(library.saveArticle({ id: saved.id, baseRevision: saved.revision - 1, changes: { sapo: 'cũ' } }), 'conflict');

      // Damaged: refused as such (moved aside), never answered from memory.
      await writeFile(path, '{ "damaged": ');
      await expectFailure(library.getArticle({ id: saved.id }), 'corrupt_file');

      const other = await library.createArticle({ headline: 'Tin B' });
      await rm(join(dir, 'articles', `${other.id}.json`));
      await expectFailure(library.getArticle({ id: other.id }), 'not_found');
    } finally {
      await library.dispose();
    }
  });
});
