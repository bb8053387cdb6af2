import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { articleDocId, assetDocId } from '../../electron/sync/docs';
import { memoryPasswords } from '../../electron/sync/passwords';
import { basicAuth, DESIGN_DOC_ID, DOCUMENTS_FILTER, setupDatabase } from '../../electron/sync/serverDesign';
import { emptyBody } from '../../shared/model/body';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { startSyncServer, type SyncServer, type SyncUser } from '../helpers/syncServer';

// The sync engine (electron/sync/SyncService.ts) between real libraries on disk and a real
// CouchDB-compatible server on loopback. Each step is driven by syncNow (no timers).

let server: SyncServer;
const opened: LibraryService[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = await startSyncServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const library of opened.splice(0)) await library.dispose();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function library(user: SyncUser, dir?: string, database = server.database): Promise<LibraryService> {
  const dataDir = dir ?? (await makeTempDir('newsdesk-sync-'));
  if (!dir) dirs.push(dataDir);
  // (A long interval: every round here is asked for.)
  const opened1 = await LibraryService.open({ dataDir, user: user.name, passwords: memoryPasswords(), syncIntervalMs: 3_600_000 });
  opened.push(opened1);
  const status = await opened1.saveSyncSettings({ server: server.url, database, user: user.name, password: user.password });
  expect(status.state).not.toBe('off');
  return opened1;
}

const ok = async (library: LibraryService) => {
  const status = await library.syncNow({});
  expect(status.error, JSON.stringify(status.error)).toBeNull();
  return status;
};

describe('sync between two libraries', () => {
  it('sends an article, receives it, and a change made on one reaches the other', async () => {
    const a = await library(server.users.editor);
    const b = await library(server.users.editor);
    const created = await a.createArticle({ headline: 'Bình Thủy đẩy mạnh chuyển đổi số', sapo: 'Sapo đầu tiên' }, {});
    expect((await ok(a)).pending).toBe(0);
    await ok(b);
    const received = await b.getArticle({ id: created.id });
    expect(received.headline).toBe('Bình Thủy đẩy mạnh chuyển đổi số');
    const saved = await b.saveArticle({ id: created.id, baseRevision: received.revision, changes: { sapo: 'Sapo sửa ở máy B' } }, {});
    await ok(b);
    await ok(a);
    const back = await a.getArticle({ id: created.id });
    expect(back.sapo).toBe('Sapo sửa ở máy B');
    expect(back.revision).toBe(saved.revision);
    // Nothing more to do: a round changes no file.
    const file = await readFile(join(a.dataDir, 'articles', `${created.id}.json`), 'utf8');
    expect((await ok(a)).pending).toBe(0);
    expect((await ok(b)).conflicts).toEqual([]);
    expect(await readFile(join(a.dataDir, 'articles', `${created.id}.json`), 'utf8')).toBe(file);
  });

  it('edits made on both while apart become a conflict on both, resolved once for everyone', async () => {
    const a = await library(server.users.editor);
    const b = await library(server.users.editor);
    const created = await a.createArticle({ headline: 'Giá lúa tăng', body: emptyBody() }, {});
    await ok(a);
    await ok(b);
    const onA = await a.saveArticle({ id: created.id, baseRevision: created.revision, changes: { headline: 'Giá lúa tăng mạnh' } }, {});
    const onB = await b.saveArticle({ id: created.id, baseRevision: created.revision, changes: { headline: 'Giá lúa tăng nhẹ' } }, {});
    await ok(a);
    await ok(b);
    await ok(a);
    for (const side of [a, b]) {
      const status = await side.getSyncStatus({});
      expect(status.conflicts.map((c) => c.id)).toEqual([created.id]);
      expect((await side.getArticleSync({ id: created.id })).conflict).toBe(true);
    }
    // Never a winner accepted silently: each file still holds its own version.
    expect((await a.getArticle({ id: created.id })).headline).toBe(onA.headline);
    expect((await b.getArticle({ id: created.id })).headline).toBe(onB.headline);
    const conflict = await a.getSyncConflict({ id: created.id });
    const headlines = [conflict.winner, ...conflict.losers].map((v) => v.article.headline).sort();
    expect(headlines).toEqual(['Giá lúa tăng mạnh', 'Giá lúa tăng nhẹ']);
    expect(conflict.common?.headline).toBe('Giá lúa tăng');
    const keep = [conflict.winner, ...conflict.losers].find((v) => v.article.headline === 'Giá lúa tăng nhẹ')!;
    const resolved = await a.resolveSyncConflict({ id: created.id, keep: keep.rev }, {});
    expect(resolved.headline).toBe('Giá lúa tăng nhẹ');
    expect((await a.getSyncStatus({})).conflicts).toEqual([]);
    await ok(a);
    await ok(b);
    expect((await b.getSyncStatus({})).conflicts).toEqual([]);
    expect((await b.getArticle({ id: created.id })).headline).toBe('Giá lúa tăng nhẹ');
    expect((await a.getArticle({ id: created.id })).revision).toBe((await b.getArticle({ id: created.id })).revision);
  });

  it('a photo goes to the server on its own, as the same version from every laptop, and arrives byte for byte', async () => {
    const photo = await readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
    const a = await library(server.users.editor);
    const image = await a.importAsset({ fileName: 'cau.png', dataBase64: photo.toString('base64') });
    // (What the library keeps of the import: these bytes go everywhere.)
    const bytes = await readFile(join(a.assetsDir, image.assetId));
    await ok(a);
    const docUrl = `${server.url}/${encodeURIComponent(server.database)}/${encodeURIComponent(assetDocId(image.assetId))}`;
    const headers = { authorization: basicAuth(server.users.editor.name, server.users.editor.password) };
    const onServer = (await (await fetch(`${docUrl}?conflicts=true`, { headers })).json()) as { _rev: string; _conflicts?: string[]; _attachments: { data: { length: number; content_type: string } } };
    // The version is made from the image's own hash, the same on every laptop.
    expect(onServer._rev).toBe(`1-${image.assetId.slice(0, 32)}`);
    expect(onServer._attachments.data).toMatchObject({ length: bytes.length, content_type: 'image/png' });
    expect(Buffer.from(await (await fetch(`${docUrl}/data`, { headers })).arrayBuffer()).equals(bytes)).toBe(true);

    // Imported on a second laptop before it ever synced: no second version, no conflict.
    const b = await library(server.users.reporter);
    await b.importAsset({ fileName: 'cau-can-tho.png', dataBase64: photo.toString('base64') });
    await ok(b);
    const after = (await (await fetch(`${docUrl}?conflicts=true`, { headers })).json()) as typeof onServer;
    expect(after._rev).toBe(onServer._rev);
    expect(after._conflicts).toBeUndefined();

    // A third laptop receives it exactly, with the article that shows it.
    const created = await a.createArticle({ headline: 'Cầu Cần Thơ', featuredImage: { assetId: image.assetId, caption: 'Cầu', credit: '', alt: 'Cầu Cần Thơ' } }, {});
    await ok(a);
    const c = await library(server.users.editor);
    await ok(c);
    expect((await c.getArticle({ id: created.id })).featuredImage?.assetId).toBe(image.assetId);
    expect((await readFile(join(c.assetsDir, image.assetId))).equals(bytes)).toBe(true);
    // A round with nothing new sends nothing.
    expect((await ok(c)).pending).toBe(0);
  });

  it('a database set up before the server chose what laptops receive still syncs, and setting it up again adds the choice', async () => {
    const database = `older_${Date.now()}`;
    await setupDatabase({ server: server.url, database, admin: server.admin });
    const designUrl = `${server.url}/${database}/${DESIGN_DOC_ID}`;
    const admin = { authorization: basicAuth(server.admin.user, server.admin.password), 'content-type': 'application/json' };
    const { filters: _filters, ...older } = (await (await fetch(designUrl, { headers: admin })).json()) as Record<string, unknown>;
    expect((await fetch(designUrl, { method: 'PUT', headers: admin, body: JSON.stringify(older) })).status).toBe(201);

    const a = await library(server.users.editor, undefined, database);
    const b = await library(server.users.editor, undefined, database);
    const photo = await readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
    const image = await a.importAsset({ fileName: 'cau.png', dataBase64: photo.toString('base64') });
    const created = await a.createArticle({ headline: 'Bến Ninh Kiều', featuredImage: { assetId: image.assetId, caption: 'Bến', credit: '', alt: 'Bến Ninh Kiều' } }, {});
    await ok(a);
    await ok(b);
    expect((await b.getArticle({ id: created.id })).featuredImage?.assetId).toBe(image.assetId);
    expect((await readFile(join(b.assetsDir, image.assetId))).equals(await readFile(join(a.assetsDir, image.assetId)))).toBe(true);

    await setupDatabase({ server: server.url, database, admin: server.admin });
    const design = (await (await fetch(designUrl, { headers: admin })).json()) as { filters?: Record<string, string> };
    expect(design.filters?.documents).toBe(DOCUMENTS_FILTER);
    await b.saveArticle({ id: created.id, baseRevision: (await b.getArticle({ id: created.id })).revision, changes: { sapo: 'Sửa sau khi cài lại' } }, {});
    await ok(b);
    await ok(a);
    expect((await a.getArticle({ id: created.id })).sapo).toBe('Sửa sau khi cài lại');
  });

  it('a version received that this Newsdesk cannot read (a newer format, or damaged) is not written: the file is kept and the reason listed', async () => {
    const a = await library(server.users.editor);
    const b = await library(server.users.editor);
    const created = await a.createArticle({ headline: 'Mưa lớn ở Ninh Kiều', sapo: 'Bản đọc được' }, {});
    await ok(a);
    await ok(b);
    const kept = await b.getArticle({ id: created.id });
    const docUrl = `${server.url}/${encodeURIComponent(server.database)}/${encodeURIComponent(articleDocId(created.id))}`;
    const headers = { authorization: basicAuth(server.users.editor.name, server.users.editor.password), 'content-type': 'application/json' };
    // Another laptop's Newsdesk puts a version straight on the server.
    const putVersion = async (change: (article: Record<string, unknown>) => Record<string, unknown>) => {
      const doc = (await (await fetch(docUrl, { headers })).json()) as { article: Record<string, unknown> };
      const answer = await fetch(docUrl, { method: 'PUT', headers, body: JSON.stringify({ ...doc, by: 'Quốc Huy', article: change(doc.article) }) });
      expect(answer.status).toBe(201);
    };

    await putVersion((article) => ({ ...article, schemaVersion: 99, sapo: 'Bản của phiên bản mới hơn', revision: (article.revision as number) + 1 }));
    await ok(b);
    expect(await b.getArticle({ id: created.id })).toEqual(kept);
    expect((await b.getSyncStatus({})).unreadable).toEqual([{ id: created.id, headline: 'Mưa lớn ở Ninh Kiều', by: 'Quốc Huy', reason: 'newer', detail: 'article format 99' }]);
    expect((await b.getArticleSync({ id: created.id })).unreadable).toEqual({ by: 'Quốc Huy', reason: 'newer', detail: 'article format 99' });

    await putVersion((article) => ({ ...article, schemaVersion: kept.schemaVersion, body: { type: 'doc', content: [{ type: 'marquee', content: [{ type: 'text', text: 'Chữ chạy' }] }] }, revision: (article.revision as number) + 1 }));
    await ok(b);
    expect(await b.getArticle({ id: created.id })).toEqual(kept);
    expect((await b.getSyncStatus({})).unreadable).toMatchObject([{ id: created.id, reason: 'damaged', detail: 'body' }]);

    // A readable version after them is written, and the notice goes.
    await putVersion((article) => ({ ...kept, sapo: 'Bản sửa đọc được', revision: (article.revision as number) + 1 }));
    await ok(b);
    expect((await b.getArticle({ id: created.id })).sapo).toBe('Bản sửa đọc được');
    expect((await b.getSyncStatus({})).unreadable).toEqual([]);
    expect((await b.getArticleSync({ id: created.id })).unreadable).toBeNull();
  });

  it('a version named on one laptop is listed under its name in the others\' history, never over a text kept there', async () => {
    const a = await library(server.users.reporter);
    const b = await library(server.users.editor);
    const created = await a.createArticle({ headline: 'Cầu Cần Thơ sửa khe co giãn', body: emptyBody() }, {});
    const named = await a.saveArticle({ id: created.id, baseRevision: created.revision, changes: { sapo: 'Bản đầu, gửi duyệt' }, snapshot: true, label: 'Bản gửi duyệt' }, {});
    // A save by hand with no name is not announced to the others.
    await a.saveArticle({ id: created.id, baseRevision: named.revision, changes: { sapo: 'Bản đầu, sửa lỗi chính tả' }, snapshot: true }, {});
    await ok(a);
    await ok(b);
    const namesOn = async (side: LibraryService) =>
      (await side.listRevisions({ id: created.id })).entries.filter((entry) => entry.kind === 'named' && entry.label).map((entry) => `${entry.revision} ${entry.label} (${entry.by})`);
    expect(await namesOn(b)).toEqual([`${named.revision} Bản gửi duyệt (${server.users.reporter.name})`]);
    expect((await b.getRevision({ id: created.id, revision: named.revision })).sapo).toBe('Bản đầu, gửi duyệt');
    // Listed once however often the version comes round.
    await ok(b);
    expect(await namesOn(b)).toHaveLength(1);

    // Both edit while apart and name their versions; A's branch goes two revisions further.
    const base = await b.getArticle({ id: created.id });
    const onB = await b.saveArticle({ id: created.id, baseRevision: base.revision, changes: { sapo: 'Bản của biên tập' }, snapshot: true, label: 'Bản của B' }, {});
    const a1 = await a.saveArticle({ id: created.id, baseRevision: base.revision, changes: { sapo: 'Bản của phóng viên' }, snapshot: true, label: 'Bản của A' }, {});
    const a2 = await a.saveArticle({ id: created.id, baseRevision: a1.revision, changes: { sapo: 'Bản của phóng viên, lần hai' }, snapshot: true, label: 'Bản A lần hai' }, {});
    expect(onB.revision).toBe(a1.revision);
    await ok(a);
    await ok(b);
    expect((await b.getSyncStatus({})).conflicts.map((c) => c.id)).toEqual([created.id]);
    // A's first version has the revision B kept its own text under: B's stays, A's is not listed
    // over it. A's second is for a revision B's article has not reached: it waits.
    expect(await namesOn(b)).toEqual([`${onB.revision} Bản của B (${server.users.editor.name})`, `${named.revision} Bản gửi duyệt (${server.users.reporter.name})`]);
    expect((await b.getRevision({ id: created.id, revision: onB.revision })).sapo).toBe('Bản của biên tập');
    // Once B keeps A's version, A's second name is listed with its text.
    const conflict = await b.getSyncConflict({ id: created.id });
    const keep = [conflict.winner, ...conflict.losers].find((version) => version.article.sapo === 'Bản của phóng viên, lần hai')!;
    await b.resolveSyncConflict({ id: created.id, keep: keep.rev }, {});
    await ok(b);
    expect(await namesOn(b)).toEqual([
      `${a2.revision} Bản A lần hai (${server.users.reporter.name})`,
      `${onB.revision} Bản của B (${server.users.editor.name})`,
      `${named.revision} Bản gửi duyệt (${server.users.reporter.name})`,
    ]);
    expect((await b.getRevision({ id: created.id, revision: a2.revision })).sapo).toBe('Bản của phóng viên, lần hai');
    // And A lists B's name only where A kept no other text under that revision: nowhere here.
    await ok(a);
    expect(await namesOn(a)).toEqual([`${a2.revision} Bản A lần hai (${server.users.reporter.name})`, `${a1.revision} Bản của A (${server.users.reporter.name})`, `${named.revision} Bản gửi duyệt (${server.users.reporter.name})`]);
  });

  it('keeps both versions on request, and images travel as content-addressed documents', async () => {
    const a = await library(server.users.editor);
    const b = await library(server.users.editor);
    const photo = (await readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'))).toString('base64');
    const image = await a.importAsset({ fileName: 'cau.png', dataBase64: photo });
    // The same photo imported on both: one document, never a conflict.
    await b.importAsset({ fileName: 'cau-can-tho.png', dataBase64: photo });
    const created = await a.createArticle({ headline: 'Ảnh đẹp', featuredImage: { assetId: image.assetId, caption: 'Chú thích', credit: '', alt: 'Ảnh' } }, {});
    await ok(a);
    await ok(b);
    expect((await b.getArticle({ id: created.id })).featuredImage?.assetId).toBe(image.assetId);
    await a.saveArticle({ id: created.id, baseRevision: created.revision, changes: { sapo: 'A' } }, {});
    await b.saveArticle({ id: created.id, baseRevision: created.revision, changes: { sapo: 'B' } }, {});
    await ok(a);
    await ok(b);
    const conflict = await b.getSyncConflict({ id: created.id });
    const before = (await b.listArticles({})).total;
    await b.resolveSyncConflict({ id: created.id, keep: conflict.winner.rev, keepOthersAsCopies: true }, {});
    const after = await b.listArticles({});
    expect(after.total).toBe(before + 1);
    // (The server's database is shared by this file's tests: the other articles are left aside.)
    const copies = after.items.filter((item) => item.headline === 'Ảnh đẹp');
    const sapos = await Promise.all(copies.map(async (item) => (await b.getArticle({ id: item.id })).sapo));
    expect(sapos.sort()).toEqual(['A', 'B']);
    await ok(b);
    await ok(a);
    expect((await a.listArticles({})).total).toBe(before + 1);
    expect((await a.getSyncStatus({})).conflicts).toEqual([]);
  });
});
