import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { ApiFailure } from '../../electron/library/errors';
import { plainTextToBody } from '../../shared/model/body';
import { listFiles, makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

let dir: string;
let clock: number;
let counter: number;
const MINUTE = 60_000;
const open = (user = 'Minh Anh') =>
  LibraryService.open({ dataDir: dir, now: () => new Date(clock), newId: () => `article-${++counter}`, user });

beforeEach(async () => {
  dir = await makeTempDir();
  clock = Date.parse('2026-11-20T01:00:00Z');
  counter = 0;
});
afterEach(async () => {
  await removeDir(dir);
});

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

const revisionFiles = async (id: string) => (await listFiles(join(dir, 'revisions', id))).filter((name) => name !== 'history.json');

describe('revision history', () => {
  it('keeps a snapshot at each named save, status change, export and restore, and lists them newest first', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Cần Thơ mở rộng đường Nguyễn Văn Cừ', byline: 'Minh Anh' });
    clock += MINUTE;
    let current = await library.saveArticle({ id: a.id, baseRevision: a.revision, changes: { body: plainTextToBody('Dự án dài 5 km.') } });
    clock += MINUTE;
    current = await library.saveArticle({ id: a.id, baseRevision: current.revision, changes: { sapo: 'UBND TP Cần Thơ duyệt dự án.' }, snapshot: true, label: 'Bản gửi thư ký' });
    clock += MINUTE;
    current = await library.setStatus({ id: a.id, baseRevision: current.revision, status: 'submitted' });
    clock += MINUTE;
    await library.exportArticleFolder({ id: a.id, outDir: `${dir}-out` });
    clock += MINUTE;
    current = await library.saveArticle({ id: a.id, baseRevision: current.revision, changes: { body: plainTextToBody('Dự án dài 7 km, vốn 1.200 tỉ đồng.') } });

    const before = await library.getRevision({ id: a.id, revision: 3 });
    const snapshotBytes = await readFile(join(dir, 'revisions', a.id, '3.json'), 'utf8');
    clock += MINUTE;
    const restored = await library.restoreRevision({ id: a.id, baseRevision: current.revision, revision: 3 });
    expect(restored.revision).toBe(current.revision + 1);
    expect(restored.body).toEqual(before.body);
    expect(restored.sapo).toBe('UBND TP Cần Thơ duyệt dự án.');
    // Restoring changes the text, not where the article is in review.
    expect(restored.status).toBe('submitted');
    // Nothing was overwritten: the old snapshot and the state before the restore are both there.
    expect(await readFile(join(dir, 'revisions', a.id, '3.json'), 'utf8')).toBe(snapshotBytes);
    expect((await library.getRevision({ id: a.id, revision: current.revision })).body).toEqual(current.body);

    const { current: at, entries } = await library.listRevisions({ id: a.id });
    expect(at).toBe(restored.revision);
    expect(entries.map((e) => [e.revision, e.kind, e.label])).toEqual([
      [6, 'restore', ''],
      [5, 'replaced', ''],
      [4, 'export', ''],
      [4, 'status', ''],
      [3, 'named', 'Bản gửi thư ký'],
      [1, 'created', ''],
    ]);
    expect(entries[0]).toMatchObject({ by: 'Minh Anh', restoredFrom: 3, status: 'submitted' });
    // Syllables as the editor counts them: headline, sapo and body.
    expect(entries.find((e) => e.kind === 'named')!.words).toBe(8 + 7 + 5);
    expect(await revisionFiles(a.id)).toEqual(['1.json', '3.json', '4.json', '5.json', '6.json']);
    await library.dispose();
  });

  it('refuses to restore from a stale copy or a revision that was never kept, changing nothing', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Tin' });
    const saved = await library.saveArticle({ id: a.id, baseRevision: 1, changes: { sapo: 'một' } });
    expect((await failure(library.restoreRevision({ id: a.id, baseRevision: 1, revision: 1 }))).code).toBe('conflict');
    expect((await failure(library.restoreRevision({ id: a.id, baseRevision: saved.revision, revision: 2 }))).code).toBe('not_found');
    expect((await failure(library.getRevision({ id: a.id, revision: 99 }))).code).toBe('not_found');
    expect((await library.getArticle({ id: a.id })).revision).toBe(saved.revision);
    await library.dispose();
  });

  it('keeps an automatic snapshot after every ten minutes of editing, and the end of a stretch of editing after a pause', async () => {
    const library = await open();
    let article = await library.createArticle({ headline: 'Giá lúa tăng' });
    // Twenty-five minutes of typing, an autosave a minute.
    for (let minute = 1; minute <= 25; minute++) {
      clock += MINUTE;
      article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: `Phút ${minute}` } });
    }
    let { entries } = await library.listRevisions({ id: article.id });
    expect(entries.map((e) => e.kind)).toEqual(['auto', 'auto', 'created']);
    const autoTimes = entries.filter((e) => e.kind === 'auto').map((e) => (Date.parse(e.at) - Date.parse(article.createdAt)) / MINUTE);
    expect(autoTimes).toEqual([20, 10]);

    // Lunch: an hour without a save. The first autosave after it keeps the state before lunch first.
    const beforeLunch = article;
    clock += 60 * MINUTE;
    article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: 'Sau giờ nghỉ' } });
    ({ entries } = await library.listRevisions({ id: article.id }));
    expect(entries[0]).toMatchObject({ kind: 'auto', revision: beforeLunch.revision, at: beforeLunch.updatedAt });
    expect((await library.getRevision({ id: article.id, revision: beforeLunch.revision })).sapo).toBe('Phút 25');
    // That snapshot carries the time before lunch, but the new stretch of editing has only begun:
    // the next automatic one comes ten minutes into it, not at the next save.
    for (let minute = 1; minute <= 10; minute++) {
      clock += MINUTE;
      article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: `Chiều ${minute}` } });
    }
    ({ entries } = await library.listRevisions({ id: article.id }));
    expect(entries.slice(0, 2).map((e) => [e.kind, e.revision])).toEqual([
      ['auto', article.revision],
      ['auto', beforeLunch.revision],
    ]);
    await library.dispose();
  });

  it('thins automatic snapshots (one an hour after a day, one a day after a week) and keeps named ones forever', async () => {
    const library = await open();
    let article = await library.createArticle({ headline: 'Nhật ký công trình' });
    const start = clock;
    // Ten days of editing, a save every 20 minutes; a named version on the first day.
    for (let step = 1; step <= 10 * 72; step++) {
      clock = start + step * 20 * MINUTE;
      article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: `Bước ${step}` }, ...(step === 5 ? { snapshot: true, label: 'Bản đầu' } : {}) });
    }
    const { entries } = await library.listRevisions({ id: article.id });
    const now = clock;
    const DAY = 24 * 60 * MINUTE;
    const autos = entries.filter((e) => e.kind === 'auto');
    const age = (e: { at: string }) => now - Date.parse(e.at);
    const perBucket = (list: typeof autos, size: number) => {
      const counts = new Map<number, number>();
      for (const e of list) counts.set(Math.floor(Date.parse(e.at) / size), (counts.get(Math.floor(Date.parse(e.at) / size)) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    expect(perBucket(autos.filter((e) => age(e) > 7 * DAY), DAY)).toBe(1);
    expect(perBucket(autos.filter((e) => age(e) > DAY && age(e) <= 7 * DAY), 60 * MINUTE)).toBe(1);
    // The last day is kept whole: every automatic snapshot of it (one each 20 minutes of saves that reach ten minutes since the last).
    expect(autos.filter((e) => age(e) <= DAY).length).toBeGreaterThanOrEqual(70);
    expect(entries.filter((e) => e.kind === 'named').map((e) => e.label)).toEqual(['Bản đầu']);
    expect(entries.at(-1)!.kind).toBe('created');
    // The files on disk are exactly the snapshots listed.
    expect(await revisionFiles(article.id)).toEqual([...new Set(entries.map((e) => `${e.revision}.json`))].sort());
    await library.dispose();
  });

  it('rebuilds a lost or damaged history from the snapshot files, and drops leftovers of failed writes', async () => {
    let library = await open();
    let article = await library.createArticle({ headline: 'Tin bão số 9' });
    article = await library.saveArticle({ id: article.id, baseRevision: 1, changes: { sapo: 'Bão gần bờ' }, snapshot: true, label: 'Tin nhanh' });
    article = await library.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' });
    await library.dispose();
    const folder = join(dir, 'revisions', article.id);
    // A snapshot file left by a write that failed (a revision the article never reached).
    await writeFile(join(folder, `${article.revision + 5}.json`), await readFile(join(folder, '2.json')));
    await writeFile(join(folder, 'history.json'), '{ "format": 1, "entries": [ {"revis');
    library = await open();
    const { entries } = await library.listRevisions({ id: article.id });
    expect(entries.map((e) => [e.revision, e.kind])).toEqual([
      [3, 'status'],
      [2, 'named'],
      [1, 'created'],
    ]);
    expect(await revisionFiles(article.id)).toEqual(['1.json', '2.json', '3.json']);

    // A library from before history.json: the same, guessed from the files.
    await library.dispose();
    await rm(join(folder, 'history.json'));
    library = await open();
    expect((await library.listRevisions({ id: article.id })).entries.map((e) => e.kind)).toEqual(['status', 'named', 'created']);
    await library.dispose();
  });
});

describe('revision history when something goes wrong', () => {
  it('writes over a snapshot file left by a save that never completed, never keeping its text', async () => {
    let library = await open();
    let article = await library.createArticle({ headline: 'Tin' });
    article = await library.saveArticle({ id: article.id, baseRevision: 1, changes: { sapo: 'một' } });
    await library.dispose();
    // A crash after the snapshot of revision 3 was written, before the article file was.
    const leftover = { ...article, revision: 3, sapo: 'NỘI DUNG CHƯA TỪNG ĐƯỢC LƯU' };
    await writeFile(join(dir, 'revisions', article.id, '3.json'), JSON.stringify(leftover));
    library = await open();
    article = await library.saveArticle({ id: article.id, baseRevision: 2, changes: { sapo: 'hai' }, snapshot: true });
    expect(article.revision).toBe(3);
    expect((await library.getRevision({ id: article.id, revision: 3 })).sapo).toBe('hai');
    await library.dispose();
  });

  it('never deletes a snapshot whose entry could not be written, and never fails an autosave for it', async () => {
    let library = await open();
    let article = await library.createArticle({ headline: 'Tin' });
    article = await library.saveArticle({ id: article.id, baseRevision: 1, changes: { sapo: 'một' } });
    await library.listRevisions({ id: article.id });
    // history.json cannot be written (here: a folder in its way).
    const history = join(dir, 'revisions', article.id, 'history.json');
    await rm(history);
    await mkdir(history);
    await expect(library.recordExport({ id: article.id, revision: article.revision })).rejects.toThrow(/EISDIR|EPERM|ENOTEMPTY/);
    // An autosave after a pause (which keeps a snapshot first) still saves.
    clock += 30 * MINUTE;
    article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: 'hai' } });
    expect(article.sapo).toBe('hai');
    await rm(history, { recursive: true });
    article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: 'ba' }, snapshot: true });
    await library.dispose();
    library = await open();
    // The export's snapshot (revision 2) is still on disk and listed, its reason guessed.
    expect(await revisionFiles(article.id)).toContain('2.json');
    expect((await library.listRevisions({ id: article.id })).entries.map((e) => e.revision)).toEqual([4, 2, 1]);
    await library.dispose();
  });

  it('leaves alone a snapshot it cannot read, and lists the others', async () => {
    let library = await open();
    let article = await library.createArticle({ headline: 'Tin' });
    for (const sapo of ['một', 'hai', 'ba']) article = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo }, snapshot: true });
    await library.dispose();
    const folder = join(dir, 'revisions', article.id);
    await rm(join(folder, 'history.json'));
    const future = { ...JSON.parse(await readFile(join(folder, '2.json'), 'utf8')), schemaVersion: 999 };
    await writeFile(join(folder, '2.json'), JSON.stringify(future));
    library = await open();
    expect((await library.listRevisions({ id: article.id })).entries.map((e) => e.revision)).toEqual([4, 3, 1]);
    await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: 'bốn' }, snapshot: true });
    expect(await revisionFiles(article.id)).toEqual(['1.json', '2.json', '3.json', '4.json', '5.json']);
    await library.dispose();
  });

  it('records an export only of the revision exported', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Tin' });
    const saved = await library.saveArticle({ id: a.id, baseRevision: 1, changes: { sapo: 'một' } });
    expect(await library.recordExport({ id: a.id, revision: 1 })).toBeNull();
    expect(await library.recordExport({ id: a.id, revision: saved.revision })).toMatchObject({ kind: 'export', revision: saved.revision });
    await library.dispose();
  });
});

describe('the pre-publish checklist in the service', () => {
  it('refuses to publish an article with an error, and changes nothing', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Ngập nặng trên đường Nguyễn Văn Cừ sau mưa lớn', sapo: 'Mưa lớn kéo dài hai giờ chiều qua khiến nhiều tuyến đường ở quận Ninh Kiều ngập sâu, xe máy chết máy hàng loạt.' });
    const ready = await moveTo(library, a, 'approved');
    const refused = await failure(library.setStatus({ id: a.id, baseRevision: ready.revision, status: 'published' }));
    expect(refused.code).toBe('checklist_failed');
    expect(refused.message).toContain('byline');
    const unchanged = await library.getArticle({ id: a.id });
    expect(unchanged).toMatchObject({ status: 'approved', revision: ready.revision });
    const check = await library.getChecklist({ id: a.id });
    expect(check.errors).toBeGreaterThan(0);
    expect(check.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['byline']);
    // Fixed in the draft: the checklist of the unsaved changes is clean of errors.
    expect((await library.getChecklist({ id: a.id, changes: { byline: 'Minh Anh' } })).errors).toBe(0);
    const fixed = await library.saveArticle({ id: a.id, baseRevision: ready.revision, changes: { byline: 'Minh Anh' } });
    // Warnings do not block publishing.
    const published = await library.setStatus({ id: a.id, baseRevision: fixed.revision, status: 'published' });
    expect(published.status).toBe('published');
    await library.dispose();
  });

  it('applies the severities set in Settings: a rule made an error blocks, one turned off does not', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Ngập nặng trên đường Nguyễn Văn Cừ sau mưa lớn', byline: 'Minh Anh', sapo: 'Mưa lớn kéo dài hai giờ chiều qua khiến nhiều tuyến đường ở quận Ninh Kiều ngập sâu... xe máy chết máy hàng loạt.' });
    const settings = await library.getSettings({});
    await library.saveSettings({ changes: { checklist: { ...settings.checklist, severities: { ...settings.checklist.severities, ellipsis: 'error' } } } });
    const ready = await moveTo(library, a, 'approved');
    expect((await failure(library.setStatus({ id: a.id, baseRevision: ready.revision, status: 'published' }))).message).toContain('ellipsis');
    await library.saveSettings({ changes: { checklist: { ...settings.checklist, severities: { ...settings.checklist.severities, ellipsis: 'off', byline: 'off' } } } });
    expect((await library.setStatus({ id: a.id, baseRevision: ready.revision, status: 'published' })).status).toBe('published');
    await library.dispose();
  });

  it('does not bring back into a published article a version with errors', async () => {
    const library = await open();
    const a = await library.createArticle({ headline: 'Ngập nặng trên đường Nguyễn Văn Cừ sau mưa lớn' });
    const signed = await library.saveArticle({ id: a.id, baseRevision: a.revision, changes: { byline: 'Minh Anh' } });
    const published = await moveTo(library, signed, 'published');
    // Revision 1 had no byline.
    expect((await failure(library.restoreRevision({ id: a.id, baseRevision: published.revision, revision: 1 }))).code).toBe('checklist_failed');
    expect(await library.getArticle({ id: a.id })).toMatchObject({ revision: published.revision, byline: 'Minh Anh', status: 'published' });
    await library.dispose();
  });
});
