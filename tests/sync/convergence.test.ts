import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHash } from '../../electron/library/bundles';
import { LibraryService } from '../../electron/library/LibraryService';
import { memoryPasswords } from '../../electron/sync/passwords';
import type { Article } from '../../shared/model/article';
import { cameraPhoto } from '../helpers/cameraPhotos';
import { seededRandom as seeded } from '../helpers/crashProtocol';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { startCuttingProxy, type CuttingProxy } from '../helpers/cuttingProxy';
import { startSyncServer, type SyncServer } from '../helpers/syncServer';

// Issue 15: libraries that edit offline converge through the server — the same winners
// everywhere, no edit lost, every conflict in the list the interface shows — and a sync cut at
// random moments resumes from its checkpoint. Real libraries on disk, a real server on loopback;
// every round is asked for (syncNow), none waits on time.

let server: SyncServer;
const dirs: string[] = [];
const libraries: LibraryService[] = [];

beforeAll(async () => {
  server = await startSyncServer({ database: 'convergence' });
}, 60_000);
afterAll(async () => {
  for (const library of libraries.splice(0)) await library.dispose();
  for (const dir of dirs.splice(0)) await removeDir(dir);
  await server?.stop();
});

async function open(name: string, password: string, via = server.url): Promise<LibraryService> {
  const dataDir = await makeTempDir('newsdesk-converge-');
  dirs.push(dataDir);
  // (A connection cut without closing is given up after 5 s: the next round resumes.)
  const library = await LibraryService.open({ dataDir, user: name, passwords: memoryPasswords(), syncIntervalMs: 3_600_000, syncStallMs: 5_000 });
  libraries.push(library);
  await library.saveSyncSettings({ server: via, database: server.database, user: name, password });
  return library;
}

/** Rounds of syncNow on every library until none has anything waiting and a round changes nothing. */
async function settle(all: LibraryService[]): Promise<void> {
  for (let round = 0; round < 6; round++) {
    for (const library of all) {
      const status = await library.syncNow({});
      expect(status.error, JSON.stringify(status.error)).toBeNull();
    }
    const statuses = await Promise.all(all.map((library) => library.getSyncStatus({})));
    if (statuses.every((status) => status.pending === 0) && round >= 1) return;
  }
  throw new Error('The libraries did not settle in six rounds');
}

async function everything(library: LibraryService): Promise<Map<string, Article>> {
  const ids = (await library.listArticleIds({})).ids;
  return new Map(await Promise.all(ids.map(async (id) => [id, await library.getArticle({ id })] as const)));
}

describe('three libraries, 500 offline edits', () => {
  it('converge to the same winners, lose no edit, and list every conflict', async () => {
    const people = [
      { name: 'Thu Trang', password: server.users.editor.password },
      { name: 'Hải Yến', password: 'pw-hai-yen-newsdesk' },
      { name: 'Đức Minh', password: 'pw-duc-minh-newsdesk' },
    ];
    await server.addUser(people[1]!.name, people[1]!.password, ['editor']);
    await server.addUser(people[2]!.name, people[2]!.password, ['editor']);
    const all: LibraryService[] = [];
    for (const person of people) all.push(await open(person.name, person.password));
    const [first] = all as [LibraryService, ...LibraryService[]];
    for (let i = 0; i < 25; i++) await first.createArticle({ headline: `Bài gốc số ${i + 1} về Cần Thơ`, sapo: `Sapo ${i + 1}` }, {});
    await settle(all);
    for (const library of all) expect((await everything(library)).size).toBe(25);

    // Offline: 500 edits, each library on its own; some articles are new.
    for (const library of all) await library.setSyncPaused({ paused: true });
    const random = seeded(15);
    /** Each library's last word on each article it touched: its final version must survive. */
    const lastWord = all.map(() => new Map<string, string>());
    for (let edit = 0; edit < 500; edit++) {
      const which = Math.floor(random() * all.length);
      const library = all[which]!;
      const mark = `[${which}:${edit}]`;
      if (random() < 0.06) {
        const created = await library.createArticle({ headline: `Bài mới ${mark} phường Ninh Kiều` }, {});
        lastWord[which]!.set(created.id, created.headline);
        continue;
      }
      const ids = (await library.listArticleIds({})).ids;
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = await library.getArticle({ id });
      const field = random() < 0.5 ? 'headline' : 'sapo';
      const value = `${field === 'headline' ? 'Tít' : 'Sapo'} ${mark} ${current[field].slice(0, 60)}`.slice(0, 110);
      const saved = await library.saveArticle({ id, baseRevision: current.revision, changes: { [field]: value } }, {});
      lastWord[which]!.set(id, `${saved.headline}\n${saved.sapo}`);
    }
    for (const library of all) await library.setSyncPaused({ paused: false });
    await settle(all);

    // The same articles everywhere, and for each: the same file, or the same conflict.
    const states = await Promise.all(all.map(everything));
    const ids = [...states[0]!.keys()].sort();
    for (const state of states) expect([...state.keys()].sort()).toEqual(ids);
    const conflictLists = await Promise.all(all.map(async (library) => (await library.getSyncStatus({})).conflicts.map((c) => c.id).sort()));
    for (const list of conflictLists) expect(list).toEqual(conflictLists[0]);
    const inConflict = new Set(conflictLists[0]);
    expect(inConflict.size).toBeGreaterThan(0);
    const versionsOf = new Map<string, Article[]>();
    for (const id of ids) {
      if (inConflict.has(id)) {
        const views = await Promise.all(all.map((library) => library.getSyncConflict({ id })));
        // The same winner and the same losing versions on every library.
        for (const view of views) {
          expect(view.winner.rev).toBe(views[0]!.winner.rev);
          expect(view.losers.map((l) => l.rev).sort()).toEqual(views[0]!.losers.map((l) => l.rev).sort());
        }
        versionsOf.set(id, [views[0]!.winner.article, ...views[0]!.losers.map((l) => l.article)]);
        // Each library's file still holds its own version: no winner was accepted silently.
        for (const state of states) expect(versionsOf.get(id)!.map(articleHash)).toContain(articleHash(state.get(id)!));
      } else {
        for (const state of states) expect(articleHash(state.get(id)!)).toBe(articleHash(states[0]!.get(id)!));
        versionsOf.set(id, [states[0]!.get(id)!]);
      }
    }
    // No edit lost: every library's last version of every article it touched is among the versions.
    let checked = 0;
    for (const [which, words] of lastWord.entries()) {
      for (const [id, word] of words) {
        const versions = versionsOf.get(id)!.map((article) => `${article.headline}\n${article.sapo}`);
        const headlineOnly = versionsOf.get(id)!.map((article) => article.headline);
        expect(versions.includes(word) || headlineOnly.includes(word), `library ${which}, article ${id}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);

    // Resolved on one library (keeping the winner), the conflicts end everywhere, identically.
    const resolver = all[1]!;
    for (const id of inConflict) {
      const view = await resolver.getSyncConflict({ id });
      await resolver.resolveSyncConflict({ id, keep: view.winner.rev }, {});
    }
    await settle(all);
    const after = await Promise.all(all.map(everything));
    for (const library of all) expect((await library.getSyncStatus({})).conflicts).toEqual([]);
    for (const id of ids) for (const state of after) expect(articleHash(state.get(id)!)).toBe(articleHash(after[0]!.get(id)!));
  }, 300_000);
});

describe('a connection cut at random moments', () => {
  const servers: SyncServer[] = [];
  const proxies: CuttingProxy[] = [];
  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    for (const one of servers) await one.stop();
  });

  /** A library of 150 articles, four with a camera photo, syncing with a server of its own through a proxy. */
  async function alone(headline: string): Promise<{ library: LibraryService; proxy: CuttingProxy; own: SyncServer; ids: string[]; photos: string[] }> {
    const own = await startSyncServer({ database: 'interrupted' });
    servers.push(own);
    const proxy = await startCuttingProxy(own.url);
    proxies.push(proxy);
    const dataDir = await makeTempDir('newsdesk-cut-');
    dirs.push(dataDir);
    const library = await LibraryService.open({ dataDir, user: own.users.editor.name, passwords: memoryPasswords(), syncIntervalMs: 3_600_000, syncStallMs: 5_000 });
    libraries.push(library);
    await library.saveSyncSettings({ server: proxy.url, database: own.database, user: own.users.editor.name, password: own.users.editor.password });
    // (Photos go outside replication, as bytes: a cut may fall in the middle of one.)
    const photos: string[] = [];
    for (let seed = 1; seed <= 4; seed++) {
      const photo = await cameraPhoto({ width: 900, height: 600, seed, orientation: 1 });
      photos.push((await library.importAsset({ fileName: `anh-${seed}.jpg`, dataBase64: photo.toString('base64') })).assetId);
    }
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const assetId = photos[i % 40 === 0 ? i / 40 : -1];
      const featuredImage = assetId ? { assetId, caption: `Ảnh ${i}`, credit: '', alt: `Ảnh minh họa ${i}` } : undefined;
      ids.push((await library.createArticle({ headline: `${headline} số ${i + 1}`, sapo: 'Mưa lớn ở quận Bình Thủy '.repeat(20), ...(featuredImage ? { featuredImage } : {}) }, {})).id);
    }
    return { library, proxy, own, ids, photos };
  }

  it('resumes from its checkpoint and gets everything across', async () => {
    // The same kind of library sent once without cuts tells how many bytes a whole transfer takes.
    const measure = await alone('Bài đo');
    expect((await measure.library.syncNow({})).error).toBeNull();
    const whole = measure.proxy.bytes;

    const { library: sender, proxy, own, ids, photos } = await alone('Tin ngắt quãng');
    // A cut, on average, every sixth of a whole transfer: started again from nothing each time, it
    // would seldom get through; resumed from its checkpoint it does, in a few attempts.
    proxy.cutAtRandom(seeded(7), Math.floor(whole / 3));
    let attempts = 0;
    const tried: string[] = [];
    let status = await sender.getSyncStatus({});
    while (attempts < 60) {
      attempts++;
      status = await sender.syncNow({});
      tried.push(`${status.state} ${status.pending} waiting, ${proxy.cuts} cuts: ${status.error?.message ?? 'done'}`);
      if (status.error === null && status.pending === 0) break;
      expect(status.state).toBe('offline');
    }
    proxy.cutAtRandom(() => 0, 0);
    expect(status.error, tried.join('\n')).toBeNull();
    expect(status.pending).toBe(0);
    expect(proxy.cuts).toBeGreaterThan(0);
    expect(attempts).toBeGreaterThan(1);
    // Not sent again and again: with a cut every sixth of a transfer on average, all the attempts
    // together carry a few whole transfers at most (a request cut is sent again whole, and the
    // changes are read again from the last checkpoint), not one per cut.
    expect(proxy.bytes, tried.join('\n')).toBeLessThan(whole * 5);

    // A library straight on the server receives every article, whole.
    const dataDir = await makeTempDir('newsdesk-cut-');
    dirs.push(dataDir);
    const receiver = await LibraryService.open({ dataDir, user: own.users.editor.name, passwords: memoryPasswords(), syncIntervalMs: 3_600_000 });
    libraries.push(receiver);
    await receiver.saveSyncSettings({ server: own.url, database: own.database, user: own.users.editor.name, password: own.users.editor.password });
    expect((await receiver.syncNow({})).error).toBeNull();
    for (const id of ids) expect(await receiver.getArticle({ id })).toEqual(await sender.getArticle({ id }));
    // … and every photo, byte for byte.
    for (const assetId of photos) expect((await readFile(join(receiver.assetsDir, assetId))).equals(await readFile(join(sender.assetsDir, assetId)))).toBe(true);
  }, 300_000);
});
