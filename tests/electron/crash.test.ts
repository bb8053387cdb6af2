import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { libraryFileSchema } from '../../electron/library/libraryFile';
import { articleSchema, summarize, type Article, type ArticleSummary } from '../../shared/model/article';
import { ASSET_ID_PATTERN } from '../../shared/model/fields';
import { historyFileSchema, type RevisionEntry } from '../../shared/review/history';
import { stableStringify } from '../../shared/text/stableStringify';
import { contentHash, seededRandom, type AckedSnapshot, type CrashMessage, type WriterConfig } from '../helpers/crashProtocol';
import { listFiles, makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Issue 12, item 1: a process saving through the real LibraryService is killed (SIGKILL) at 50
 * random moments, and after each kill the library must hold every write the service had
 * acknowledged, exactly, with every file readable and the catalog in agreement with the article
 * files. The writer (tests/helpers/crashWriter.ts) is bundled with esbuild and run with plain node;
 * it reports each operation as it begins and as soon as the service acknowledges it
 * (tests/helpers/crashProtocol.ts). The same library goes on across all the kills: each new writer
 * opens the library a killed one left. The moment of each kill is random (after a random number of
 * acknowledged operations, or a random delay); no verdict depends on timing.
 *
 * After each kill the test checks the folder as the kill left it (nothing opens it first), then
 * opens a copy of it with the service (the restart path) and checks what the service says. Set
 * CRASH_SEED to replay a run's choices (the writers' timing still varies).
 */

const KILLS = 50;
const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

/** What the test knows of an article: its latest acknowledged (or found written) revision, and every revision's content. */
interface KnownArticle {
  revision: number;
  hash: string;
  /** contentHash of each revision this article has had. */
  revisions: Map<number, string>;
  /** Snapshots acknowledged operations kept (never thinned). */
  snapshots: AckedSnapshot[];
  /** What wrote each revision, for messages. */
  writtenBy: Map<number, string>;
}

const newKnown = (): KnownArticle => ({ revision: 0, hash: '', revisions: new Map(), snapshots: [], writtenBy: new Map() });

type Begin = Extract<CrashMessage, { t: 'begin' }>;

const known = new Map<string, KnownArticle>();
const knownAssets = new Map<string, string>();
const counts = { kills: 0, acknowledged: 0, ackedChecks: 0, filesChecked: 0, adoptedInFlight: 0, published: 0, refused: 0, danglingEntries: 0 };
/** Temporary files (of interrupted writes) found after a kill, and found still there once the library was opened again. */
const leftoverTemps = new Set<string>();
const tempsAfterOpen = new Set<string>();
/** Snapshot files found above their article's revision (left by a named save, status change or restore the kill interrupted). */
const staleSnapshots = new Map<string, string>();
/** Acknowledged snapshots already read back through the service (each is, after the kill that follows it, and all again at the end). */
const readBack = new Set<string>();
/** Derived images already decoded (by path, size and time): they never change once written. */
const decoded = new Set<string>();

let work = '';
let bundle = '';
/** Writers started and not yet reaped (all are killed and reaped at the end, whatever happens). */
const children = new Set<ChildProcess>();

function fail(round: number, message: string): never {
  throw new Error(`round ${round} (CRASH_SEED=${seed}): ${message}`);
}

/** Kills and reaps a writer if it is still running. */
async function stopChild(running: ChildProcess): Promise<void> {
  if (running.exitCode === null && running.signalCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }
  children.delete(running);
}

beforeAll(async () => {
  work = await makeTempDir('newsdesk-crash-');
  bundle = join(work, 'crashWriter.mjs');
  // sharp stays outside the bundle (its native part loads from node_modules), by its absolute path
  // since the bundle lives in a temporary folder.
  const sharpPath = createRequire(join(root, 'package.json')).resolve('sharp');
  await build({
    entryPoints: [join(root, 'tests/helpers/crashWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    plugins: [{ name: 'sharp-outside', setup: (b) => b.onResolve({ filter: /^sharp$/ }, () => ({ path: sharpPath, external: true })) }],
  });
});

afterAll(async () => {
  await Promise.all([...children].map(stopChild));
  if (work) await removeDir(work);
});

interface Writer {
  process: ChildProcess;
  messages: CrashMessage[];
  /** Called with each message as it arrives. */
  onMessage: (message: CrashMessage) => void;
  /** The exit code and signal, once the process has exited and its output is read. */
  closed: Promise<[number | null, NodeJS.Signals | null]>;
  stderr: () => string;
  /** What is left of the output after its last newline. */
  rest: () => string;
}

/**
 * Starts a writer process. It loads and waits for its configuration on stdin, touching nothing,
 * so the next writer can be started while the test checks what the last one left.
 */
function startWriter(): Writer {
  const running = spawn(process.execPath, [bundle], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(running);
  let stderr = '';
  let pending = '';
  const writer: Writer = {
    process: running,
    messages: [],
    onMessage: () => undefined,
    closed: new Promise((resolve) =>
      running.once('close', (code, signal) => {
        children.delete(running);
        resolve([code, signal]);
      }),
    ),
    stderr: () => stderr,
    rest: () => pending,
  };
  running.stdout!.setEncoding('utf8');
  running.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const message = JSON.parse(pending.slice(0, newline)) as CrashMessage;
      pending = pending.slice(newline + 1);
      writer.messages.push(message);
      writer.onMessage(message);
    }
  });
  running.stderr!.setEncoding('utf8');
  running.stderr!.on('data', (chunk: string) => (stderr += chunk));
  // A writer killed before it read its configuration closes its stdin under us.
  running.stdin!.on('error', () => undefined);
  return writer;
}

/** Lets a started writer work on the library until it is killed; returns what it said. */
async function runWriter(round: number, writer: Writer, config: WriterConfig, random: () => number): Promise<{ messages: CrashMessage[]; pid: number }> {
  const int = (n: number) => Math.floor(random() * n);
  const running = writer.process;
  let acks = 0;
  const kill = () => running.kill('SIGKILL');
  // When to kill: at a random delay from the start (perhaps while the library opens), after a
  // random number of acknowledged operations, or at a random delay once the writer is working.
  const mode = random();
  const afterAcks = mode >= 0.1 && mode < 0.7 ? 1 + int(30) : 0;
  const afterReady = mode >= 0.7 ? int(1000) : -1;
  writer.onMessage = (message) => {
    if (message.t === 'ready' && afterReady >= 0) setTimeout(kill, afterReady);
    if (message.t === 'ack' || message.t === 'asset') {
      acks++;
      if (acks === afterAcks) setTimeout(kill, int(20));
    }
  };
  running.stdin!.end(`${JSON.stringify(config)}\n`);
  if (mode < 0.1) setTimeout(kill, int(100));
  const [code, signal] = await writer.closed;
  const { messages } = writer;
  const error = messages.find((m): m is Extract<CrashMessage, { t: 'error' }> => m.t === 'error');
  if (error || signal !== 'SIGKILL') fail(round, `the writer stopped by itself (code ${code}, signal ${signal}): ${error?.message ?? ''}\n${writer.stderr()}`);
  // Every line is written whole with one synchronous write, so the kill never cuts one.
  if (writer.rest() !== '') fail(round, `a torn line from the writer: ${writer.rest().slice(0, 200)}`);
  return { messages, pid: running.pid! };
}

/** Takes what the writer said into what the test knows; returns the operation in flight at the kill, if any. */
function learn(round: number, messages: CrashMessage[]): { inFlight: Begin | null; lastClock: number } {
  let inFlight: Begin | null = null;
  let lastClock = 0;
  for (const message of messages) {
    if (message.t === 'begin') inFlight = message;
    else if (message.t === 'ack') {
      if (inFlight?.seq !== message.seq) fail(round, `acknowledgement of ${message.seq} without its beginning`);
      inFlight = null;
      counts.acknowledged++;
      lastClock = Math.max(lastClock, message.clock);
      const article = known.get(message.id) ?? newKnown();
      if (message.revision !== article.revision + 1) fail(round, `${message.id}: revision ${message.revision} acknowledged after ${article.revision}`);
      if (message.op === 'status' && message.status === 'published') counts.published++;
      article.revision = message.revision;
      article.hash = message.hash;
      article.revisions.set(message.revision, message.hash);
      article.writtenBy.set(message.revision, `${message.op} (round ${round}, acknowledged)`);
      for (const snapshot of message.snapshots) {
        if (article.revisions.get(snapshot.revision) !== snapshot.hash) fail(round, `${message.id}: the writer's snapshot of revision ${snapshot.revision} is not what was acknowledged`);
        article.snapshots.push(snapshot);
      }
      known.set(message.id, article);
    } else if (message.t === 'asset') {
      inFlight = null;
      counts.acknowledged++;
      lastClock = Math.max(lastClock, message.clock);
      if (message.assetId.slice(0, 64) !== message.sha256) fail(round, `image ${message.assetId} is not named by the SHA-256 of its bytes (${message.sha256})`);
      knownAssets.set(message.assetId, message.sha256);
    } else if (message.t === 'refused') {
      inFlight = null;
      counts.refused++;
    } else if (message.t === 'idle') {
      inFlight = null;
      lastClock = Math.max(lastClock, message.clock);
    }
  }
  return { inFlight, lastClock };
}

/** Whether an article has what an operation set out to write. */
function hasExpected(article: Article, expected: Record<string, string | boolean>): boolean {
  return Object.entries(expected).every(([key, value]) => (key === 'trashed' ? (article.trashedAt !== null) === value : contentHash(article[key as keyof Article]) === value));
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

/**
 * The folder as the kill left it: every file readable, every acknowledged write there unchanged,
 * the one write in flight either absent or whole, the catalog and its journal covering every
 * article file. Nothing here writes.
 */
async function checkFolder(round: number, dir: string, inFlight: Begin | null, killedPids: ReadonlySet<number>): Promise<void> {
  const onDisk = new Map<string, Article>();
  const snapshotFiles = new Map<string, Map<number, string>>();
  const histories = new Map<string, RevisionEntry[]>();
  let libraryFile: { catalog: ArticleSummary[] } | null = null;
  let journal: Set<string> | null = null;

  for (const file of await listFiles(dir)) {
    const path = join(dir, file);
    const name = basename(file);
    const folder = dirname(file);
    if (name.startsWith('.tmp-')) {
      // A write the kill interrupted (its temporary file: never read, removed on open).
      leftoverTemps.add(file);
      continue;
    }
    counts.filesChecked++;
    if (name.includes('.corrupt-')) fail(round, `${file}: the library moved a file aside (it could not be read)`);
    if (file === 'library.json') {
      const parsed = libraryFileSchema.safeParse(await readJson(path));
      if (!parsed.success) fail(round, `library.json does not pass its schema: ${parsed.error.message}`);
      libraryFile = parsed.data;
    } else if (file === 'catalog-journal.jsonl') {
      const raw = await readFile(path, 'utf8');
      const lines = raw.split('\n');
      // The journal is appended to line by line; only a last line cut short by the kill may not parse.
      const torn = lines.pop()!;
      journal = new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id));
      if (torn !== '') {
        try {
          journal.add((JSON.parse(torn) as { id: string }).id);
        } catch {
          // a torn last line: ignored when the library opens
        }
      }
    } else if (file === 'search-index.json') {
      // The full-text index (a cache): written whole or not at all, like every file of the library.
      const index = (await readJson(path)) as { version?: unknown; ids?: unknown };
      if (index.version !== 1 || !Array.isArray(index.ids)) fail(round, 'search-index.json is not a whole index');
    } else if (file === 'library.lock') {
      const raw = await readFile(path, 'utf8');
      // Written after the file is created: the kill may leave it empty (taken as stale). A writer
      // killed before it took the lock leaves the lock of the one before it.
      if (raw !== '' && !killedPids.has((JSON.parse(raw) as { pid: number }).pid)) fail(round, `library.lock names process ${raw}, none of the writers killed (${[...killedPids].join(', ')})`);
    } else if (folder === 'articles' && name.endsWith('.json')) {
      const raw = await readJson(path);
      const parsed = articleSchema.safeParse(raw);
      if (!parsed.success) fail(round, `${file} is not a valid article: ${parsed.error.message}`);
      if (parsed.data.id !== name.slice(0, -5)) fail(round, `${file} holds article ${parsed.data.id}`);
      onDisk.set(parsed.data.id, raw as Article);
    } else if (folder.startsWith('revisions/') && folder.split('/').length === 2) {
      const id = folder.slice('revisions/'.length);
      if (name === 'history.json') {
        const parsed = historyFileSchema.safeParse(await readJson(path));
        if (!parsed.success) fail(round, `${file} does not pass its schema: ${parsed.error.message}`);
        histories.set(id, parsed.data.entries);
        continue;
      }
      const revision = /^([1-9][0-9]*)\.json$/.exec(name)?.[1];
      if (!revision) fail(round, `unexpected file ${file}`);
      const snapshot = (await readJson(path)) as Article;
      if (snapshot.id !== id || snapshot.revision !== Number(revision)) fail(round, `${file} holds revision ${snapshot.revision} of ${snapshot.id}`);
      const files = snapshotFiles.get(id) ?? new Map<number, string>();
      files.set(Number(revision), contentHash(snapshot));
      snapshotFiles.set(id, files);
    } else if (folder === 'assets') {
      if (!ASSET_ID_PATTERN.test(name)) fail(round, `unexpected file ${file}`);
      const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
      if (sha256 !== name.slice(0, 64)) fail(round, `${file} does not hold the bytes it is named by (SHA-256 ${sha256})`);
    } else if (folder === 'derived') {
      if (name.endsWith('.json')) await readJson(path);
      else {
        const info = await stat(path);
        const key = `${file}:${info.size}:${info.mtimeMs}`;
        if (!decoded.has(key)) {
          const { info: image } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
          if (!(image.width > 0)) fail(round, `${file} is not an image`);
          decoded.add(key);
        }
      }
    } else fail(round, `unexpected file ${file}`);
  }

  // Articles: every acknowledged save is there, unchanged; a later revision only from the write in flight.
  for (const [id, article] of onDisk) {
    const hash = contentHash(article);
    const mine = known.get(id);
    if (!mine || article.revision > mine.revision) {
      const from = mine?.revision ?? 0;
      if (inFlight?.id !== id || inFlight.base !== from || article.revision !== from + 1 || !hasExpected(article, inFlight.expect)) {
        fail(round, `articles/${id}.json is at revision ${article.revision}, which no operation acknowledged or had in flight (acknowledged: ${from}; in flight: ${JSON.stringify(inFlight && { ...inFlight, expect: Object.keys(inFlight.expect) })})`);
      }
      // The interrupted write reached the disk: it is now the article's state.
      const adopted = mine ?? newKnown();
      adopted.revision = article.revision;
      adopted.hash = hash;
      adopted.revisions.set(article.revision, hash);
      adopted.writtenBy.set(article.revision, `${inFlight.op} (round ${round}, interrupted by the kill after its write)`);
      known.set(id, adopted);
      counts.adoptedInFlight++;
    } else if (article.revision < mine.revision) {
      fail(round, `articles/${id}.json went back to revision ${article.revision}: acknowledged revision ${mine.revision} is lost`);
    } else if (hash !== mine.hash) {
      fail(round, `articles/${id}.json at revision ${article.revision} is not what was acknowledged`);
    }
  }
  for (const [id, mine] of known) {
    counts.ackedChecks++;
    const article = onDisk.get(id);
    if (!article) fail(round, `articles/${id}.json is gone (acknowledged at revision ${mine.revision})`);
    // Revision history: each snapshot file of a revision the article has had holds that revision.
    const files = snapshotFiles.get(id) ?? new Map<number, string>();
    for (const [revision, hash] of files) {
      if (revision > article.revision) {
        // Left by a write that never completed; removed when the history is next read.
        const key = `${id}/${revision}`;
        if (!staleSnapshots.has(key)) staleSnapshots.set(key, inFlight?.id === id ? `${inFlight.op} of revision ${inFlight.base + 1} interrupted in round ${round}` : `found in round ${round}`);
        continue;
      }
      if (mine.revisions.get(revision) !== hash) {
        const left = staleSnapshots.get(`${id}/${revision}`);
        fail(
          round,
          `revisions/${id}/${revision}.json does not hold revision ${revision} of the article as it was saved by ${mine.writtenBy.get(revision) ?? 'no operation the test saw'} ` +
            `(article now at ${article.revision})${left ? `; a file of that revision had been left above the article's revision by a ${left}` : ''}`,
        );
      }
    }
    const entries = histories.get(id) ?? [];
    counts.danglingEntries += entries.filter((entry) => !files.has(entry.revision)).length;
    for (const snapshot of mine.snapshots) {
      counts.ackedChecks++;
      if (!files.has(snapshot.revision)) fail(round, `revisions/${id}/${snapshot.revision}.json (${snapshot.kind}, acknowledged) is gone`);
      if (!entries.some((entry) => entry.revision === snapshot.revision && entry.kind === snapshot.kind && entry.label === snapshot.label)) {
        fail(round, `revisions/${id}/history.json has lost the acknowledged ${snapshot.kind} snapshot of revision ${snapshot.revision} "${snapshot.label}"`);
      }
    }
  }
  for (const [assetId] of knownAssets) {
    counts.ackedChecks++;
    const present = await stat(join(dir, 'assets', assetId)).then(
      () => true,
      () => false,
    );
    if (!present) fail(round, `assets/${assetId} (acknowledged) is gone`);
  }

  // The catalog: library.json and its journal together cover every article file. An article whose
  // summary in library.json is not its file's must be named in the journal (re-read on open).
  if (libraryFile) {
    const catalog = new Map(libraryFile.catalog.map((summary) => [summary.id, summary]));
    for (const [id, article] of onDisk) {
      if (journal?.has(id)) continue;
      if (stableStringify(catalog.get(id) ?? null) !== stableStringify(summarize(article))) {
        fail(round, `library.json's summary of ${id} (${JSON.stringify(catalog.get(id))}) is not its file's (revision ${article.revision}), and the journal does not name it`);
      }
    }
    for (const id of catalog.keys()) if (!onDisk.has(id)) fail(round, `library.json lists ${id}, which has no article file`);
  } else if (onDisk.size > 0 && round > 1) fail(round, 'library.json is missing');
}

/**
 * A copy of a library folder made of hard links (quick), but for the journal, the one file written
 * in place (appended to, emptied): the library writes every other file anew (temporary file,
 * rename) and only unlinks, so the copy can be opened and written without touching the original.
 */
async function linkCopy(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    await mkdir(dirname(join(to, file)), { recursive: true });
    if (file === 'catalog-journal.jsonl') await copyFile(join(from, file), join(to, file));
    else await link(join(from, file), join(to, file));
  }
}

/**
 * The restart: a copy of the folder opened with the service, as the app would open it after the
 * crash. It must report no problem, list exactly the article files (the trash included) with their
 * summaries, read every article and every acknowledged snapshot as saved, and close cleanly.
 */
async function checkReopened(round: number, dir: string, copy: string): Promise<void> {
  await removeDir(copy);
  await linkCopy(dir, copy);
  const library = await LibraryService.open({ dataDir: copy });
  try {
    const { problems } = await library.getAppInfo({});
    if (problems.length) fail(round, `the reopened library reports problems: ${JSON.stringify(problems)}`);
    for (const file of await listFiles(copy)) if (basename(file).startsWith('.tmp-')) tempsAfterOpen.add(file);
    const listed = new Map<string, ArticleSummary>();
    for (const view of ['active', 'trash'] as const) {
      for (const summary of (await library.listArticles({ view, limit: 1000 })).items) listed.set(summary.id, summary);
    }
    const files = (await listFiles(join(copy, 'articles'))).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
    expect([...listed.keys()].sort(), `round ${round}: listArticles (with the trash) lists the article files`).toEqual(files.sort());
    for (const id of files) {
      const fromFile = (await readJson(join(copy, 'articles', `${id}.json`))) as Article;
      const summary = listed.get(id)!;
      if (stableStringify(summary) !== stableStringify(summarize(fromFile))) {
        fail(round, `the catalog's summary of ${id} (revision ${summary.revision}, "${summary.headline}", ${summary.status}, trashed ${summary.trashedAt}) is not its file's (revision ${fromFile.revision}, "${fromFile.headline}", ${fromFile.status}, trashed ${fromFile.trashedAt})`);
      }
      const article = await library.getArticle({ id });
      if (contentHash(article) !== known.get(id)!.hash) fail(round, `getArticle(${id}) is not the article as saved`);
      const { current, entries } = await library.listRevisions({ id });
      if (current !== article.revision) fail(round, `listRevisions(${id}) says revision ${current}, the article is at ${article.revision}`);
      for (const snapshot of known.get(id)!.snapshots) {
        if (!entries.some((entry) => entry.revision === snapshot.revision && entry.kind === snapshot.kind && entry.label === snapshot.label)) {
          fail(round, `listRevisions(${id}) has lost the acknowledged ${snapshot.kind} snapshot of revision ${snapshot.revision}`);
        }
        const key = `${id}/${snapshot.revision}`;
        if (readBack.has(key) && round < KILLS) continue;
        if (contentHash(await library.getRevision({ id, revision: snapshot.revision })) !== snapshot.hash) fail(round, `getRevision(${id}, ${snapshot.revision}) is not the revision as saved`);
        readBack.add(key);
      }
    }
    await library.whenIdle();
  } finally {
    await library.dispose();
  }
  // Closed: library.json holds the catalog, the journal is empty, the lock is gone.
  const libraryFile = libraryFileSchema.parse(await readJson(join(copy, 'library.json')));
  const bySummary = new Map(libraryFile.catalog.map((summary) => [summary.id, summary]));
  for (const file of (await listFiles(join(copy, 'articles'))).filter((name) => name.endsWith('.json'))) {
    const article = (await readJson(join(copy, 'articles', file))) as Article;
    if (stableStringify(bySummary.get(article.id) ?? null) !== stableStringify(summarize(article))) fail(round, `after closing, library.json's summary of ${article.id} is not its file's`);
    bySummary.delete(article.id);
  }
  if (bySummary.size) fail(round, `after closing, library.json lists articles without a file: ${[...bySummary.keys()].join(', ')}`);
  expect(await readFile(join(copy, 'catalog-journal.jsonl'), 'utf8').catch(() => '')).toBe('');
  await expect(stat(join(copy, 'library.lock'))).rejects.toThrow();
}

describe('a library survives its writer being killed', () => {
  it(`keeps every acknowledged save through ${KILLS} kills (SIGKILL at random moments)`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const random = seededRandom(seed);
    const dir = join(work, 'library');
    const copy = join(work, 'reopened');
    await mkdir(dir, { recursive: true });
    let clock = Date.parse('2026-03-02T01:00:00Z');
    const killedPids = new Set<number>();
    let writer = startWriter();
    for (let round = 1; round <= KILLS; round++) {
      const config: WriterConfig = { dataDir: dir, seed: Math.floor(random() * 2 ** 31), round, clockStart: clock };
      const { messages, pid } = await runWriter(round, writer, config, random);
      // The next writer loads while this one's work is checked.
      if (round < KILLS) writer = startWriter();
      counts.kills++;
      killedPids.add(pid);
      const { inFlight, lastClock } = learn(round, messages);
      // The next writer's clock starts after anything this one may have stamped (an operation
      // reads the clock a few times, a minute at most each), and after a pause of its own.
      clock = Math.max(clock, lastClock) + 15 * 60_000 + Math.floor(random() * 3 * 3600_000);
      await checkFolder(round, dir, inFlight, killedPids);
      await checkReopened(round, dir, copy);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test (CRASH_SEED=${seed}): ${counts.kills} kills, ${counts.acknowledged} acknowledged operations, ${counts.ackedChecks} checks of acknowledged saves, ` +
        `${counts.filesChecked} files checked; ${known.size} articles, ${knownAssets.size} images; ${counts.adoptedInFlight} interrupted writes found whole on disk, ` +
        `${counts.published} publications and ${counts.refused} refused; ${leftoverTemps.size} temporary files left by kills, ${tempsAfterOpen.size} of them still there after reopening${tempsAfterOpen.size ? ` (in ${[...new Set([...tempsAfterOpen].map((file) => file.split('/')[0]))].join(', ')})` : ''}; ` +
        `${staleSnapshots.size} snapshot files above their article's revision, ${counts.danglingEntries} history entries without a file; ${seconds} s`,
    );
    expect(counts.kills).toBe(KILLS);
    expect(counts.acknowledged).toBeGreaterThan(KILLS);
  });
});
