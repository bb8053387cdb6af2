import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedInput, SyncConnectionFailure, SyncState, SyncStatus } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { ensureDir, writeJsonAtomic } from '../library/atomicFile';
import { articleHash, imagesOf } from '../library/bundles';
import { fail } from '../library/errors';
import {
  ARTICLE_PREFIX,
  ASSET_PREFIX,
  articleDocId,
  articleIdOf,
  assetContentType,
  assetDocId,
  LOCK_PREFIX,
  LOCK_TTL_MS,
  lockDocId,
  SNAPSHOT_PREFIX,
  snapshotDocId,
  type ArticleDoc,
  type KeptReason,
  type LockDoc,
  type SnapshotDoc,
} from './docs';
import { InsecureStorageError, passwordKey, type PasswordKeeper } from './passwords';
import { DESIGN_DOC_ID, DOCUMENTS_FILTER_NAME } from './serverDesign';
import type { Db, Meta, Replication } from './pouch';

/** What the sync needs of the library: its files are the truth, and only the library writes them. */
export interface SyncLibrary {
  /** Every article's id and revision (from the catalog: no file read). */
  articleRevisions(): Array<[id: string, revision: number]>;
  /** The article as its file holds it; null when there is none or it cannot be read. */
  readArticle(id: string): Promise<Article | null>;
  /** Writes a version received from the server (or chosen in a conflict) exactly as given. */
  receiveArticle(article: Article, by: string): Promise<void>;
  /**
   * Lists a version named on another laptop in the article's history under its name: `later`
   * while the article here has not reached that revision yet, `clash` when this library already
   * kept a different text under the same revision (its own, kept as it is), `refused` when it
   * cannot be read as it is.
   */
  receiveNamedVersion(article: Article, named: { label: string; at: string; by: string }): Promise<'kept' | 'known' | 'later' | 'clash' | 'refused'>;
  /** Keeps a version as a new article of its own ("keep both"). */
  addCopy(article: Article, by: string): Promise<Article>;
  assetIds(): string[];
  hasAsset(assetId: string): boolean;
  readAsset(assetId: string): Promise<Buffer>;
  /** Stores an image received; refuses bytes that are not an image or not the image named. */
  receiveAsset(assetId: string, bytes: Buffer): Promise<void>;
  now(): Date;
}

export interface SyncOptions {
  passwords: PasswordKeeper;
  /** How often a running sync looks for changes on the server (ms). */
  intervalMs?: number;
  /** How long after a local save it is sent (ms). */
  sendDelayMs?: number;
  /** A replication with no batch through for this long is given up for this round (ms). */
  stallMs?: number;
}

interface SyncConfig {
  server: string;
  database: string;
  user: string;
  paused: boolean;
}

/** What the mirror's version of an article was when the file last matched it. */
interface FileState {
  rev: string;
  hash: string;
  /** The article's revision then (at the next start, only articles whose revision moved are read). */
  revision?: number;
}

/** A version received that the library would not take: made by a newer Newsdesk, or damaged. */
interface Unreadable {
  by: string;
  reason: 'newer' | 'damaged';
  detail: string;
}

interface KeptState {
  version: 1;
  files: Record<string, FileState>;
  /** The mirror's changes up to here have been written to the files. */
  appliedSeq: number | string;
  /** Everything in the mirror up to here is on the server. */
  pushedSeq: number | string;
  refused: Record<string, { reason: string; headline: string }>;
  /** Versions received that the library would not take (a newer Newsdesk's format, or damaged): the file kept as it was. */
  unreadable?: Record<string, Unreadable & { headline: string }>;
  /** Named versions received for a revision the article here has not reached yet: looked at again each round. */
  namesWaiting?: string[];
}

const CONFIG_FILE = 'config.json';
const STATE_FILE = 'state.json';
const DEFAULT_INTERVAL = 15_000;
const MAX_BACKOFF = 120_000;
const DEFAULT_STALL = 120_000;
/**
 * Articles, versions and notices go both ways by replication. Photos (5 MB each) never do, nor
 * are they copied into the mirror: replication would carry each as base64 text inside a batch of
 * JSON, and LevelDB would hold a second copy of every photo. They go straight between the
 * library's files and the server, one a request (sendAssets, fetchImages).
 *
 * Documents per replication batch: 500 on a good connection (fewer round trips: a first sync of
 * 10,000 articles is 20 batches each way); after a round cut off, a quarter of the last, down to
 * 25, so that a poor connection still gets batches through between cuts (each one resumed from
 * its checkpoint); doubled again after each round that gets through.
 */
const BATCH_MOST = 500;
const BATCH_LEAST = 25;
/** Articles read and put into the mirror together. */
const SEND_CHUNK = 200;
/** Named versions waiting for their article (see KeptState.namesWaiting), at most. */
const NAMES_WAITING_MOST = 1_000;

const blankState = (): KeptState => ({ version: 1, files: {}, appliedSeq: 0, pushedSeq: 0, refused: {} });

/**
 * Team sync (DESIGN.md "Moving articles between people", issue 15). The library's files stay the
 * truth; a PouchDB database in `sync/mirror` mirrors them and replicates with a CouchDB server.
 *
 * - A local save is put into the mirror on top of the version the file was last known to match
 *   (`files[id].rev`); when the mirror has moved on meanwhile (a change received and not yet
 *   written), the save becomes a branch of its own: a conflict, both kept.
 * - A change received is written to the file only when it descends from what the file holds and
 *   the file has nothing unsent; a version in conflict is never written: the user chooses.
 * - Resolving is one write to the mirror: the chosen (or merged) version on the winner's branch
 *   and every losing version deleted; then the file.
 * - Everything in the mirror can be made again from the files (delete `sync/`): articles whose
 *   versions then differ from the server's become conflicts, never overwrites.
 */
export class SyncService {
  private config: SyncConfig;
  private kept: KeptState = blankState();
  private mirror: Db | null = null;
  private remote: Db | null = null;
  private password: string | null = null;
  private state: SyncState = 'off';
  private lastSyncAt: string | null = null;
  private error: { code: string; message: string } | null = null;
  private progress: { done: number; total: number } | null = null;
  private readonly conflicts = new Map<string, number>();
  /** Articles saved here and not yet put into the mirror. */
  private readonly unsent = new Set<string>();
  private readonly unsentAssets = new Set<string>();
  private readonly unsentSnapshots = new Map<string, { article: Article; kept: KeptReason }>();
  /** Photos the server refused (not offered again this session). */
  private readonly assetsRefused = new Set<string>();
  private batchSize = BATCH_MOST;
  /** Whether the server's design document has the filter of what laptops receive (asked once a session). */
  private serverFilter: boolean | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private backoff = 0;
  private closed = false;
  private keptDirty = false;
  private cycleRunning: Promise<void> | null = null;

  private constructor(
    private readonly library: SyncLibrary,
    private readonly dir: string,
    private readonly options: SyncOptions,
    config: SyncConfig | null,
  ) {
    this.config = config ?? { server: '', database: 'newsdesk', user: '', paused: false };
  }

  /** Opens the sync of the library in `dataDir` (its mirror only once a server is set). */
  static async open(library: SyncLibrary, dataDir: string, options: SyncOptions): Promise<SyncService> {
    const dir = join(dataDir, 'sync');
    const config = await readJson<SyncConfig>(join(dir, CONFIG_FILE));
    const service = new SyncService(library, dir, options, config && typeof config.server === 'string' ? config : null);
    if (service.configured) await service.start();
    return service;
  }

  get configured(): boolean {
    return this.config.server !== '' && this.config.user !== '' && this.config.database !== '';
  }

  private get me(): string {
    return this.config.user;
  }

  // ---- the library tells -------------------------------------------------------------------

  /** An article was written here. */
  noteWritten(id: string): void {
    if (!this.mirror) return;
    this.unsent.add(id);
    this.soon();
  }

  noteAsset(assetId: string): void {
    if (!this.mirror) return;
    this.unsentAssets.add(assetId);
    this.soon();
  }

  /**
   * A version of an article was kept (history): it is mirrored as an immutable snapshot, with why.
   * (One text is one document, created once: the first reason it is kept with is the one sent.)
   */
  noteSnapshot(article: Article, kept: KeptReason): void {
    if (!this.mirror) return;
    const key = `${article.id}:${article.revision}:${kept.kind}`;
    if (!this.unsentSnapshots.has(key)) this.unsentSnapshots.set(key, { article, kept });
    this.soon();
  }

  /** Someone here is editing an article: their soft lock ("Minh Anh is editing since 09:12"). */
  noteEditing(id: string, name: string): void {
    if (!this.mirror) return;
    void this.serial(async () => {
      const mirror = this.mirror;
      if (!mirror) return;
      const now = this.library.now();
      const docId = lockDocId(id, this.me);
      const current = await mirror.get<LockDoc>(docId).catch(() => null);
      const live = current && Date.parse(current.until) > now.getTime();
      // (A lock is written again only when a good part of its time has passed: not at every autosave.)
      if (live && current.name === name && Date.parse(current.until) - now.getTime() > LOCK_TTL_MS - 5 * 60_000) return;
      const doc: LockDoc = {
        _id: docId,
        ...(current ? { _rev: current._rev } : {}),
        type: 'lock',
        articleId: id,
        user: this.me,
        name: name || this.me,
        since: live ? current.since : now.toISOString(),
        until: new Date(now.getTime() + LOCK_TTL_MS).toISOString(),
      };
      await mirror.put(doc).catch(() => undefined);
    });
    this.soon();
  }

  // ---- the API -----------------------------------------------------------------------------

  async status(): Promise<SyncStatus> {
    return {
      server: this.config.server,
      database: this.config.database,
      user: this.config.user,
      password: this.password !== null ? this.options.passwords.kind : 'none',
      state: this.state,
      lastSyncAt: this.lastSyncAt,
      pending: this.mirror ? await this.pending() : 0,
      conflicts: await Promise.all(
        [...this.conflicts].map(async ([id, versions]) => ({ id, versions, headline: (await this.library.readArticle(id))?.headline ?? '' })),
      ),
      refused: Object.entries(this.kept.refused).map(([id, { reason, headline }]) => ({ id, reason, headline })),
      unreadable: Object.entries(this.kept.unreadable ?? {}).map(([id, { reason, detail, headline, by }]) => ({ id, reason, detail, headline, by })),
      error: this.error,
      progress: this.progress,
    };
  }

  async configure(input: ParsedInput<'saveSyncSettings'>): Promise<SyncStatus> {
    const server = input.server.trim().replace(/\/+$/, '');
    if (server !== '' && !isServerAddress(server)) fail('invalid_input', 'bad_address: the server address must start with http:// or https://.');
    const database = input.database.trim() || 'newsdesk';
    const user = input.user.trim();
    if (server !== '' && user === '') fail('invalid_input', 'The sync user is missing.');
    const key = passwordKey(server, database, user);
    if (input.password !== undefined && server !== '') {
      try {
        await this.options.passwords.save(key, input.password);
      } catch (error) {
        if (error instanceof InsecureStorageError) fail('unavailable', `insecure_storage: ${error.message}`);
        throw error;
      }
    }
    await this.stop();
    this.config = { server, database, user, paused: this.config.paused && server !== '' };
    await ensureDir(this.dir);
    await writeJsonAtomic(join(this.dir, CONFIG_FILE), this.config);
    this.error = null;
    if (this.configured) await this.start();
    else this.state = 'off';
    return this.status();
  }

  async testConnection(input: ParsedInput<'testSyncConnection'>): Promise<{ ok: boolean; reason: SyncConnectionFailure | null; user: string; roles: string[]; message: string }> {
    const server = input.server.trim().replace(/\/+$/, '');
    const database = input.database.trim() || 'newsdesk';
    const user = input.user.trim();
    const failed = (reason: SyncConnectionFailure, message: string) => ({ ok: false, reason, user, roles: [] as string[], message });
    if (!isServerAddress(server)) return failed('bad_address', 'The server address must start with http:// or https://.');
    const password = input.password ?? (await this.options.passwords.load(passwordKey(server, database, user)));
    if (password === null || password === '') return failed('no_password', 'No password is kept for this user.');
    const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    let session: Response;
    try {
      session = await fetch(`${server}/_session`, { headers: { authorization: auth, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return failed('unreachable', (error as Error).message);
    }
    if (session.status === 401) return failed('unauthorized', 'The server did not accept this user and password.');
    const body = (await session.json().catch(() => null)) as { userCtx?: { name?: string | null; roles?: string[] } } | null;
    const roles = body?.userCtx?.roles ?? [];
    if (!body?.userCtx?.name) return failed('unauthorized', 'The server did not accept this user and password.');
    let db: Response;
    try {
      db = await fetch(`${server}/${encodeURIComponent(database)}`, { headers: { authorization: auth, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return failed('unreachable', (error as Error).message);
    }
    if (db.status === 404) return { ...failed('no_database', `The server has no database "${database}".`), roles };
    if (db.status === 401 || db.status === 403) return { ...failed('forbidden', `This user may not open the database "${database}".`), roles };
    if (!db.ok) return failed('unreachable', `The server answered ${db.status}.`);
    return { ok: true, reason: null, user: body.userCtx.name, roles, message: '' };
  }

  async setPaused(paused: boolean): Promise<SyncStatus> {
    if (!this.configured) return this.status();
    this.config = { ...this.config, paused };
    await writeJsonAtomic(join(this.dir, CONFIG_FILE), this.config);
    if (paused) {
      this.clearTimer();
      await this.cycleRunning;
      this.state = 'paused';
    } else {
      this.state = 'idle';
      this.soon(0);
    }
    return this.status();
  }

  /** Sends and receives what is waiting now (paused: only mirrors the local saves). */
  async syncNow(): Promise<SyncStatus> {
    await this.cycle();
    return this.status();
  }

  async articleSync(id: string): Promise<{ conflict: boolean; refused: string | null; unreadable: Unreadable | null; editing: Array<{ name: string; since: string }> }> {
    const editing: Array<{ name: string; since: string }> = [];
    if (this.mirror) {
      const now = this.library.now().getTime();
      const prefix = `${LOCK_PREFIX}${id}:`;
      const locks = await this.mirror.allDocs<LockDoc>({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true });
      for (const row of locks.rows) {
        const lock = row.doc;
        if (lock && lock.user !== this.me && Date.parse(lock.until) > now) editing.push({ name: lock.name, since: lock.since });
      }
    }
    const unreadable = this.kept.unreadable?.[id];
    return { conflict: this.conflicts.has(id), refused: this.kept.refused[id]?.reason ?? null, unreadable: unreadable ? { by: unreadable.by, reason: unreadable.reason, detail: unreadable.detail } : null, editing };
  }

  /** The versions of an article in conflict: the winner, the losers, and the last version they shared when the mirror still has it. */
  async conflict(id: string) {
    const mirror = this.requireMirror();
    const docId = articleDocId(id);
    const winner = await mirror.get<ArticleDoc>(docId, { conflicts: true, revs: true }).catch(() => fail('not_found', `No synced article ${id}.`));
    if (!winner._conflicts?.length) fail('not_found', `The article ${id} is not in conflict.`);
    const losers = await Promise.all(winner._conflicts.map((rev) => mirror.get<ArticleDoc>(docId, { rev, revs: true })));
    const version = (doc: ArticleDoc & { _rev: string }) => ({ rev: doc._rev, article: doc.article, by: doc.by, at: doc.at });
    const common = await this.commonVersion(docId, [winner, ...losers]);
    return { id, winner: version(winner), losers: losers.map(version), common };
  }

  /**
   * Ends a conflict: `compose` makes the article kept from the chosen version (merged fields applied
   * by the library); the mirror gets it on the winner's branch and every other version deleted, in
   * one write; then the file. `copies`: the other versions become new articles.
   */
  async resolve(id: string, keep: string, compose: (chosen: Article, revision: number) => Article, copies: boolean): Promise<Article> {
    const resolved = await this.serial(async () => {
      const mirror = this.requireMirror();
      const docId = articleDocId(id);
      const winner = await mirror.get<ArticleDoc>(docId, { conflicts: true }).catch(() => fail('not_found', `No synced article ${id}.`));
      const losers = await Promise.all((winner._conflicts ?? []).map((rev) => mirror.get<ArticleDoc>(docId, { rev })));
      const versions = [winner, ...losers];
      const chosen = versions.find((version) => version._rev === keep);
      if (!chosen) fail('not_found', 'That version is no longer among the versions in conflict (another person may have resolved it): open the article again.');
      const file = await this.library.readArticle(id);
      const revision = Math.max(file?.revision ?? 0, ...versions.map((version) => version.article.revision)) + 1;
      const article = compose(chosen.article, revision);
      const doc = this.articleDoc(article, winner);
      const results = await mirror.bulkDocs([{ ...doc, _rev: winner._rev }, ...losers.map((loser) => ({ _id: docId, _rev: loser._rev, _deleted: true }))]);
      const failed = results.find((result) => !('ok' in result) || !result.ok);
      if (failed) fail('conflict', `The conflict could not be resolved: ${'message' in failed ? failed.message : 'the versions changed'}. Open it again.`);
      await this.library.receiveArticle(article, this.me);
      this.setFile(id, { rev: (results[0] as { rev: string }).rev, hash: articleHash(article), revision: article.revision });
      this.unsent.delete(id);
      this.conflicts.delete(id);
      delete this.kept.refused[id];
      return { article, others: versions.filter((version) => version !== chosen).map((version) => version.article) };
    });
    if (copies) for (const other of resolved.others) await this.library.addCopy(other, this.me);
    this.soon(0);
    return resolved.article;
  }

  /** Stops syncing and closes the mirror (the library is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  // ---- running ------------------------------------------------------------------------------

  private async start(): Promise<void> {
    this.closed = false;
    await ensureDir(this.dir);
    this.kept = { ...blankState(), ...((await readJson<KeptState>(join(this.dir, STATE_FILE))) ?? {}) };
    // (PouchDB and LevelDB are loaded only here: a library that does not sync never loads them.)
    const { openMirror, openRemote } = await import('./pouch');
    this.mirror = openMirror(join(this.dir, 'mirror'));
    this.password = await this.options.passwords.load(passwordKey(this.config.server, this.config.database, this.config.user));
    this.remote = this.password !== null ? openRemote(this.config.server, this.config.database, this.config.user, this.password) : null;
    this.state = this.config.paused ? 'paused' : this.remote ? 'connecting' : 'error';
    this.error = this.remote ? null : { code: 'no_password', message: 'No password is kept for the sync user: enter it in Settings → Sync.' };
    // What changed while sync was off (the whole library, the first time) is mirrored before
    // anything is received: the articles whose revision is not the one last mirrored.
    for (const [id, revision] of this.library.articleRevisions()) if (this.kept.files[id]?.revision !== revision) this.unsent.add(id);
    for (const assetId of this.library.assetIds()) this.unsentAssets.add(assetId);
    await this.findConflicts();
    this.soon(0);
  }

  private async stop(): Promise<void> {
    this.clearTimer();
    await this.cycleRunning;
    await this.work.catch(() => undefined);
    await this.saveKept();
    const mirror = this.mirror;
    this.mirror = null;
    this.remote = null;
    this.password = null;
    this.conflicts.clear();
    this.unsentAssets.clear();
    this.assetsRefused.clear();
    this.serverFilter = null;
    if (mirror) await mirror.close().catch(() => undefined);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next cycle, after `delay` (a save: shortly; otherwise at the interval, longer while offline). */
  private soon(delay = this.options.sendDelayMs ?? 1000): void {
    if (this.closed || !this.mirror) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.cycle().finally(() => {
        if (!this.timer && !this.closed && this.mirror && !this.config.paused) this.soon(this.backoff || (this.options.intervalMs ?? DEFAULT_INTERVAL));
      });
    }, delay);
    this.timer.unref?.();
  }

  /** One round: the saves into the mirror, the mirror to the server and back, what came into the files. */
  private cycle(): Promise<void> {
    if (this.cycleRunning) return this.cycleRunning.then(() => this.cycle());
    const running = this.serial(() => this.runCycle()).finally(() => {
      this.cycleRunning = null;
    });
    this.cycleRunning = running;
    return running;
  }

  private async runCycle(): Promise<void> {
    const mirror = this.mirror;
    if (!mirror) return;
    await this.sendAll(mirror);
    const remote = this.remote;
    if (!remote || this.config.paused) {
      await this.saveKept();
      return;
    }
    this.state = 'syncing';
    try {
      await this.push(mirror, remote);
      await this.pull(mirror, remote);
      let made = await this.applyReceived(mirror, remote);
      const settled = (await mirror.info()).update_seq;
      // (The files just written are looked at again: unchanged, they put nothing.)
      await this.sendAll(mirror);
      made ||= (await mirror.info()).update_seq !== settled;
      // Saves here that met changes from the server (branches, conflicts) go out now; otherwise
      // everything in the mirror is on the server: it was sent, or it came from there.
      if (made) await this.push(mirror, remote);
      else this.kept.pushedSeq = settled;
      this.lastSyncAt = this.library.now().toISOString();
      this.state = 'idle';
      this.error = null;
      this.backoff = 0;
      this.batchSize = Math.min(BATCH_MOST, this.batchSize * 2);
    } catch (error) {
      const status = statusOf(error);
      this.state = status === 401 || status === 403 ? 'error' : 'offline';
      this.error = { code: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'unreachable', message: (error as Error).message || String(error) };
      this.backoff = Math.min(MAX_BACKOFF, this.backoff ? this.backoff * 2 : 5000);
      if (this.state === 'offline') this.batchSize = Math.max(BATCH_LEAST, Math.floor(this.batchSize / 4));
      // What arrived before the cut is written all the same (replication resumes from its checkpoint).
      await this.applyReceived(mirror, null).catch(() => undefined);
    } finally {
      this.progress = null;
      await this.saveKept();
    }
  }

  /**
   * The server's changes into the mirror, all but the photos (fetched as the articles received
   * show them), chosen by the server's filter. A database set up before it had one is replicated
   * with the same choice made here, each document sent whole to be looked at. (Whether it has one
   * is asked once a session: asking pouchdb-server for changes through a filter it lacks makes it
   * exit.)
   */
  private async pull(mirror: Db, remote: Db): Promise<void> {
    if (this.serverFilter === null) {
      const design = await this.inTime(remote.get<{ filters?: Record<string, string> }>(DESIGN_DOC_ID)).catch((error: unknown) => {
        if (statusOf(error) === 404) return null;
        throw error;
      });
      this.serverFilter = typeof design?.filters?.[DOCUMENTS_FILTER_NAME.slice(DOCUMENTS_FILTER_NAME.indexOf('/') + 1)] === 'string';
    }
    const filter = this.serverFilter ? DOCUMENTS_FILTER_NAME : (doc: { _id: string }) => !doc._id.startsWith(ASSET_PREFIX);
    await this.replicate(mirror.replicate.from(remote, { batch_size: this.batchSize, batches_limit: 1, filter }));
  }

  /** The mirror to the server, the library's new photos first (the articles sent next show them). */
  private async push(mirror: Db, remote: Db): Promise<void> {
    const seq = (await mirror.info()).update_seq;
    await this.sendAssets(remote);
    // (The mirror holds no photos: everything in it goes.)
    const replication = mirror.replicate.to(remote, { batch_size: this.batchSize, batches_limit: 1 });
    this.watchDenials(replication);
    await this.replicate(replication);
    this.kept.pushedSeq = seq;
    this.keptDirty = true;
  }

  /**
   * The library's photos not yet known to be on the server (all of them once a session, then
   * each new one), asked about in one request; the missing ones sent one at a time, read from
   * their files, as a version made from the image's own hash, as its id is: the same photo
   * imported on two laptops is the same version, never a conflict. (One photo per request:
   * replication would send them in batches, each held in memory whole several times over. Not
   * multipart either: pouchdb-server dies when such an upload is cut off halfway.)
   */
  private async sendAssets(remote: Db): Promise<void> {
    const asking = [...this.unsentAssets].filter((assetId) => !this.assetsRefused.has(assetId));
    if (!asking.length) return;
    const theirs = await this.inTime(remote.allDocs({ keys: asking.map(assetDocId) }));
    const missing = asking.filter((assetId, index) => {
      const found = theirs.rows[index];
      const there = !!found && !found.error && !found.value?.deleted;
      if (there) this.unsentAssets.delete(assetId);
      return !there;
    });
    let done = 0;
    for (const assetId of missing) {
      if (this.library.hasAsset(assetId)) {
        const hash = assetId.slice(0, 32);
        const data = await this.library.readAsset(assetId);
        const doc = { _id: assetDocId(assetId), _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] }, type: 'asset', assetId, _attachments: { data: { content_type: assetContentType(assetId), data } } };
        const [refused] = (await this.inTime(remote.bulkDocs([doc], { new_edits: false }))).filter((result) => 'error' in result);
        const forbidden = refused && (statusOf(refused) === 403 || (refused as { error?: unknown }).error === 'forbidden');
        if (refused && !forbidden) throw Object.assign(new Error((refused as { reason?: string }).reason ?? 'The server did not take a photo.'), refused);
        // (Refused: another laptop sent the same photo a moment ago, or this user may not send: not offered again.)
        if (refused) this.assetsRefused.add(assetId);
      }
      this.unsentAssets.delete(assetId);
      this.progress = { done: ++done, total: missing.length };
    }
  }

  private watchDenials(replication: Replication): void {
    replication.on('denied', (denied) => {
      const id = denied.id ? articleIdOf(denied.id) : null;
      if (!id) return;
      void this.library.readArticle(id).then((article) => {
        this.kept.refused[id] = { reason: denied.reason ?? denied.message ?? 'forbidden', headline: article?.headline ?? '' };
        this.keptDirty = true;
      });
    });
  }

  /**
   * Runs one replication to its end. A connection that stops answering without closing (a
   * half-open connection: Wi-Fi gone, a proxy stuck) would hang it for ever: when no batch has
   * gone through for `stallMs`, it is cancelled and the round counts as offline (the next one
   * resumes from the checkpoint).
   */
  private async replicate(replication: Replication): Promise<void> {
    const stallMs = this.options.stallMs ?? DEFAULT_STALL;
    let giveUp: (error: Error) => void = () => undefined;
    // (Cancelled while a request hangs, PouchDB's replication may never settle: it is left behind.)
    const stalled = new Promise<never>((_resolve, reject) => {
      giveUp = reject;
    });
    const stop = () => {
      replication.cancel();
      giveUp(new Error(`The server stopped answering (nothing went through for ${Math.round(stallMs / 1000)} s).`));
    };
    let watchdog = setTimeout(stop, stallMs);
    let done = 0;
    replication.on('change', (info) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(stop, stallMs);
      done += info.docs_written;
      this.progress = { done, total: done + (info.pending ?? 0) };
    });
    try {
      const result = await Promise.race([replication, stalled]);
      if (result.status === 'cancelled') throw new Error('The sync was interrupted.');
      if (!result.ok && result.errors.length && result.doc_write_failures === 0) throw result.errors[0];
    } finally {
      clearTimeout(watchdog);
    }
  }

  /** A request's answer, or a failure when the server stops answering (as replicate's watchdog). */
  private async inTime<T>(request: Promise<T>): Promise<T> {
    const stallMs = this.options.stallMs ?? DEFAULT_STALL;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The server stopped answering (nothing for ${Math.round(stallMs / 1000)} s).`)), stallMs);
    });
    try {
      return await Promise.race([request, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Everything saved here since the last round, into the mirror. */
  private async sendAll(mirror: Db): Promise<void> {
    const ids = [...this.unsent];
    for (let i = 0; i < ids.length; i += SEND_CHUNK) {
      const chunk = ids.slice(i, i + SEND_CHUNK);
      for (const id of chunk) this.unsent.delete(id);
      await this.sendArticles(mirror, chunk).catch((error: unknown) => {
        for (const id of chunk) this.unsent.add(id);
        throw error;
      });
    }
    for (const [key, { article, kept }] of [...this.unsentSnapshots]) {
      this.unsentSnapshots.delete(key);
      const docId = snapshotDocId(article.id, articleHash(article));
      if (await mirror.get(docId).then(() => true, () => false)) continue;
      const doc: SnapshotDoc = { _id: docId, type: 'snapshot', articleId: article.id, by: this.me, at: this.library.now().toISOString(), article, kept };
      await mirror.put(doc);
    }
  }

  private articleDoc(article: Article, current: Pick<ArticleDoc, 'author'> | null): ArticleDoc {
    return {
      _id: articleDocId(article.id),
      type: 'article',
      author: current?.author ?? this.me,
      assignee: article.assignee,
      published: article.status === 'published',
      by: this.me,
      at: this.library.now().toISOString(),
      article,
    };
  }

  /**
   * Articles' files into the mirror, many at once: read together, the mirror's versions asked in
   * one call, and the new ones and plain updates put in one write; the rest (a branch to make, a
   * write refused) one by one (sendArticle).
   */
  private async sendArticles(mirror: Db, ids: string[]): Promise<void> {
    const articles = await Promise.all(ids.map((id) => this.library.readArticle(id)));
    const changed: Array<{ article: Article; hash: string }> = [];
    for (const article of articles) {
      if (!article) continue;
      const hash = articleHash(article);
      const known = this.kept.files[article.id];
      if (known?.hash !== hash) changed.push({ article, hash });
      else if (known.revision !== article.revision) this.setFile(article.id, { ...known, revision: article.revision });
    }
    if (!changed.length) return;
    const current = await mirror.allDocs<ArticleDoc>({ keys: changed.map(({ article }) => articleDocId(article.id)), include_docs: true });
    const simple: Array<{ doc: ArticleDoc; article: Article; hash: string }> = [];
    const oneByOne: string[] = [];
    changed.forEach(({ article, hash }, index) => {
      const row = current.rows[index];
      const known = this.kept.files[article.id];
      if (row?.error === 'not_found') simple.push({ doc: this.articleDoc(article, null), article, hash });
      else if (row?.doc && known && row.doc._rev === known.rev && !row.doc._conflicts?.length) simple.push({ doc: { ...this.articleDoc(article, row.doc), _rev: known.rev }, article, hash });
      else oneByOne.push(article.id);
    });
    const results = simple.length ? await mirror.bulkDocs(simple.map(({ doc }) => doc)) : [];
    results.forEach((result, index) => {
      const { article, hash } = simple[index]!;
      if ('ok' in result && result.ok) {
        this.setFile(article.id, { rev: result.rev, hash, revision: article.revision });
        if (this.kept.refused[article.id]) delete this.kept.refused[article.id];
      } else oneByOne.push(article.id);
    });
    for (const id of oneByOne) await this.sendArticle(mirror, id);
  }

  /** One article's file into the mirror, on top of the version the file was last known to match. */
  private async sendArticle(mirror: Db, id: string): Promise<boolean> {
    const article = await this.library.readArticle(id);
    if (!article) return false;
    const hash = articleHash(article);
    const known = this.kept.files[id];
    if (known?.hash === hash) {
      if (known.revision !== article.revision) this.setFile(id, { ...known, revision: article.revision });
      return false;
    }
    const docId = articleDocId(id);
    const current = await mirror.get<ArticleDoc>(docId).catch(() => null);
    let rev: string;
    if (current && articleHash(current.article) === hash) rev = current._rev;
    else if (!current) rev = (await mirror.put(this.articleDoc(article, null))).rev;
    else if (known && current._rev === known.rev) {
      try {
        rev = (await mirror.put({ ...this.articleDoc(article, current), _rev: known.rev })).rev;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        rev = await this.branch(mirror, this.articleDoc(article, current), known.rev);
      }
    } else rev = await this.branch(mirror, this.articleDoc(article, current), known?.rev ?? null);
    this.setFile(id, { rev, hash, revision: article.revision });
    if (this.kept.refused[id]) {
      delete this.kept.refused[id];
      this.keptDirty = true;
    }
    return true;
  }

  /**
   * The local version as a branch of its own, growing from `base` (the version the file was based
   * on) when the mirror still knows it: the mirror then holds both, a conflict for the user.
   */
  private async branch(mirror: Db, doc: ArticleDoc, base: string | null): Promise<string> {
    const ancestry = base ? await mirror.get(doc._id, { rev: base, revs: true }).then((found) => found._revisions ?? null, () => null) : null;
    const generation = ancestry ? ancestry.start + 1 : 1;
    const id = createHash('md5').update(JSON.stringify(doc.article)).update(randomBytes(16)).digest('hex');
    const rev = `${generation}-${id}`;
    await mirror.bulkDocs([{ ...doc, _rev: rev, _revisions: { start: generation, ids: [id, ...(ancestry?.ids ?? [])] } }], { new_edits: false });
    this.conflicts.set(doc.article.id, Math.max(2, this.conflicts.get(doc.article.id) ?? 0));
    return rev;
  }

  /**
   * The photos an article received shows that the library does not have, fetched from the server
   * one at a time as bytes and stored (the library refuses bytes that are not the image named).
   * Answers whether all are here now; offline (no server), whether they were already.
   */
  private async fetchImages(article: Article, remote: Db | null): Promise<boolean> {
    const missing = imagesOf(article).filter((assetId) => !this.library.hasAsset(assetId));
    for (const assetId of missing) {
      if (!remote) return false;
      const data = await this.inTime(remote.getAttachment(assetDocId(assetId), 'data')).catch((error: unknown) => {
        // (Not on the server yet, or not an image: the article waits for a later round.)
        if (statusOf(error) === 404) return null;
        throw error;
      });
      if (!data) return false;
      const stored = await this.library.receiveAsset(assetId, Buffer.from(data)).then(() => true, () => false);
      if (!stored) return false;
    }
    return true;
  }

  /** The mirror's changes since the last round, into the files, each with the photos it shows. Answers whether saves here went into the mirror meanwhile. */
  private async applyReceived(mirror: Db, remote: Db | null): Promise<boolean> {
    const changes = await mirror.changes({ since: this.kept.appliedSeq, style: 'all_docs', return_docs: true });
    const articles: string[] = [];
    const names = new Set(this.kept.namesWaiting ?? []);
    for (const change of changes.results) {
      if (change.id.startsWith(SNAPSHOT_PREFIX) && !change.deleted) names.add(change.id);
      if (change.id.startsWith(ARTICLE_PREFIX)) {
        const id = change.id.slice(ARTICLE_PREFIX.length);
        // (One version, the one the file matches, nothing saved here since: nothing to do. Most
        // changes are the mirror's own writes.)
        const only = change.changes.length === 1 ? change.changes[0]!.rev : null;
        if (only && only === this.kept.files[id]?.rev && !change.deleted && !this.unsent.has(id) && !this.conflicts.has(id)) continue;
        articles.push(id);
      }
    }
    let sent = false;
    let deferred = false;
    for (const id of articles) {
      const outcome = await this.receiveArticle(mirror, remote, id);
      if (outcome === 'sent') sent = true;
      if (outcome === 'deferred') deferred = true;
    }
    if (names.size) await this.receiveNames(mirror, [...names]);
    // (An article whose photos have not all arrived is written at a later round.)
    if (!deferred) this.kept.appliedSeq = changes.last_seq;
    this.keptDirty = true;
    return sent;
  }

  /**
   * Versions named on other laptops (snapshots received, after their articles), into the
   * articles' history under their names; one whose article has not reached its revision here
   * waits for a later round. Other snapshots stay in the mirror only.
   */
  private async receiveNames(mirror: Db, ids: string[]): Promise<void> {
    const waiting: string[] = [];
    for (let i = 0; i < ids.length; i += SEND_CHUNK) {
      const rows = await mirror.allDocs<SnapshotDoc>({ keys: ids.slice(i, i + SEND_CHUNK), include_docs: true });
      for (const row of rows.rows) {
        const doc = 'doc' in row ? row.doc : null;
        if (!doc || doc.type !== 'snapshot' || doc.kept?.kind !== 'named' || typeof doc.kept.label !== 'string' || !doc.kept.label.trim()) continue;
        const outcome = await this.library.receiveNamedVersion(doc.article, { label: doc.kept.label, at: doc.kept.at, by: doc.by }).catch(() => 'refused' as const);
        if (outcome === 'later') waiting.push(doc._id);
      }
    }
    this.kept.namesWaiting = waiting.slice(-NAMES_WAITING_MOST);
  }

  private async receiveArticle(mirror: Db, remote: Db | null, id: string): Promise<'written' | 'sent' | 'deferred' | 'none'> {
    const docId = articleDocId(id);
    const doc = await mirror.get<ArticleDoc>(docId, { conflicts: true, revs: true }).catch(() => null);
    if (!doc) return 'none';
    const file = await this.library.readArticle(id);
    const fileHash = file ? articleHash(file) : null;
    const known = this.kept.files[id];
    // A save here not yet in the mirror goes in first: it grows from what the file was based on.
    if (file && fileHash !== known?.hash && (await this.sendArticle(mirror, id))) {
      const now = await mirror.get<ArticleDoc>(docId, { conflicts: true });
      this.updateConflict(id, now._conflicts);
      return 'sent';
    }
    this.updateConflict(id, doc._conflicts);
    if (doc._conflicts?.length) return 'none';
    if (known?.rev === doc._rev) return 'none';
    const incomingHash = articleHash(doc.article);
    if (file && incomingHash === fileHash) {
      this.setFile(id, { rev: doc._rev, hash: incomingHash, revision: file.revision });
      return 'none';
    }
    const follows = !file || (known && (descends(doc._revisions, known.rev) || (await this.endedBranch(mirror, docId, known.rev))));
    if (!follows) {
      // The file's version is not in the winner's history (a mirror made again from the files): both are kept.
      const rev = await this.branch(mirror, this.articleDoc(file, doc), null);
      this.setFile(id, { rev, hash: fileHash!, revision: file.revision });
      return 'sent';
    }
    if (!(await this.fetchImages(doc.article, remote))) return 'deferred';
    try {
      await this.library.receiveArticle(doc.article, doc.by);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'invalid_input') throw error;
      // Not a version this Newsdesk can read: the file stays as it is, and says why. (The next
      // version received is tried again; a save here goes out on top of it as usual.)
      const message = (error as Error).message;
      const reason = message.startsWith('newer: ') ? 'newer' : 'damaged';
      this.kept.unreadable = { ...this.kept.unreadable, [id]: { reason, detail: message.slice(message.indexOf(': ') + 2), headline: file?.headline ?? '', by: doc.by } };
      this.keptDirty = true;
      return 'none';
    }
    if (this.kept.unreadable?.[id]) delete this.kept.unreadable[id];
    this.setFile(id, { rev: doc._rev, hash: incomingHash, revision: doc.article.revision });
    return 'written';
  }

  /** Whether the version `rev` ended in a deletion: someone resolved the conflict it was part of. */
  private async endedBranch(mirror: Db, docId: string, rev: string): Promise<boolean> {
    const leaves = (await mirror.get(docId, { open_revs: 'all', revs: true }).catch(() => [])) as unknown as Array<{ ok?: Meta }>;
    return leaves.some((leaf) => leaf.ok?._deleted && descends(leaf.ok._revisions, rev));
  }

  private updateConflict(id: string, conflicts: string[] | undefined): void {
    if (conflicts?.length) this.conflicts.set(id, conflicts.length + 1);
    else this.conflicts.delete(id);
  }

  /** The articles in conflict, from the mirror (at start). */
  private async findConflicts(): Promise<void> {
    const mirror = this.mirror;
    if (!mirror) return;
    const all = await mirror.allDocs({ startkey: ARTICLE_PREFIX, endkey: `${ARTICLE_PREFIX}\uffff`, include_docs: true, conflicts: true });
    for (const row of all.rows) this.updateConflict(row.id.slice(ARTICLE_PREFIX.length), row.doc?._conflicts);
  }

  private async commonVersion(docId: string, versions: Array<{ _revisions?: { start: number; ids: string[] } }>): Promise<Article | null> {
    const mirror = this.requireMirror();
    const paths = versions.map((version) => revsOf(version._revisions));
    const shared = paths[0]?.find((rev) => paths.every((path) => path.includes(rev)));
    if (!shared) return null;
    const found = await mirror.get<ArticleDoc>(docId, { rev: shared }).catch(() => null);
    return found?.article ?? null;
  }

  /** Documents saved here that the server does not have yet (locks aside), and saves not yet mirrored. */
  private async pending(): Promise<number> {
    const mirror = this.mirror;
    if (!mirror) return 0;
    const changes = await mirror.changes({ since: this.kept.pushedSeq, return_docs: true });
    const waiting = new Set(changes.results.map((change) => change.id).filter((id) => !id.startsWith(LOCK_PREFIX)));
    for (const id of this.unsent) waiting.add(articleDocId(id));
    return waiting.size + this.unsentAssets.size;
  }

  private setFile(id: string, state: FileState): void {
    this.kept.files[id] = state;
    this.keptDirty = true;
  }

  private async saveKept(): Promise<void> {
    if (!this.keptDirty) return;
    this.keptDirty = false;
    await ensureDir(this.dir);
    await writeJsonAtomic(join(this.dir, STATE_FILE), this.kept);
  }

  private requireMirror(): Db {
    if (!this.mirror) fail('unavailable', 'Sync is not set up: Settings → Sync.');
    return this.mirror;
  }

  /** Runs after what is running (sync work one piece at a time). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.work.then(task, task);
    this.work = run.catch(() => undefined);
    return run;
  }
}

function isServerAddress(server: string): boolean {
  try {
    const url = new URL(server);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The revisions (`3-abc…`, newest first) of a version's history. */
function revsOf(revisions: { start: number; ids: string[] } | undefined): string[] {
  return revisions ? revisions.ids.map((id, index) => `${revisions.start - index}-${id}`) : [];
}

/** Whether `rev` is in the history `revisions` (the version itself included). */
function descends(revisions: { start: number; ids: string[] } | undefined, rev: string): boolean {
  return revsOf(revisions).includes(rev);
}

/** A PouchDB or CouchDB error's HTTP status (404 not found, 409 conflict, 401, 403…), else 0. */
function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 0;
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
