/**
 * The writer process of the crash test (tests/electron/crash.test.ts): it opens a library through
 * the real LibraryService and works on it without end — creating articles, autosaves, named saves,
 * moves through the workflow, image imports, trash and restore, bringing back old revisions —
 * until the test kills it (SIGKILL). Each operation is announced before it starts and reported as
 * soon as the service has acknowledged it (tests/helpers/crashProtocol.ts), so the test knows which
 * writes were acknowledged before the kill.
 *
 * The test bundles this file with esbuild and runs it with plain node; it is not a test itself.
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LibraryService } from '../../electron/library/LibraryService';
import { ApiFailure } from '../../electron/library/errors';
import type { Article, ArticleFields, ArticleStatus } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import { ASSET_ID_PATTERN } from '../../shared/model/fields';
import { transitions } from '../../shared/review/workflow';
import { contentHash, seededRandom, type AckedSnapshot, type CrashMessage, type CrashOp, type WriterConfig } from './crashProtocol';

const SYLLABLES = (
  'thành phố cần thơ ủy ban nhân dân quận bình thủy ninh kiều cái răng ô môn thốt nốt phong điền ' +
  'hội nghị tổng kết phong trào học tập suốt đời người dân tham gia đẩy mạnh phát triển kinh tế ' +
  'xã hội giáo dục y tế văn hóa thể thao giao thông đô thị nông nghiệp giá lúa tăng mạnh trong tuần qua ' +
  'theo sở chủ tịch bí thư đại biểu cử tri kiến nghị giải quyết dự án công trình khởi công hoàn thành ' +
  'phóng viên báo ghi nhận tại hiện trường mưa lớn ngập nước triều cường sạt lở bờ sông hậu'
)
  .normalize('NFC')
  .split(' ');

const MAX_ARTICLES = 10;

/** The moves that take an article on towards the site. */
const FORWARD: Partial<Record<ArticleStatus, ArticleStatus[]>> = {
  draft: ['submitted'],
  submitted: ['review', 'approved'],
  review: ['approved'],
  changes_requested: ['submitted'],
  approved: ['published'],
  published: ['archived', 'approved'],
  archived: ['published'],
  spiked: ['draft'],
};

/**
 * One line to the test, written synchronously: it is in the pipe before the next operation starts.
 * Lines are short (fields are sent as hashes), so each goes in one write, which a kill cannot cut.
 */
function send(message: CrashMessage): void {
  const line = Buffer.from(`${JSON.stringify(message)}\n`);
  for (let done = 0; done < line.length; ) {
    try {
      done += writeSync(1, line, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** What an operation will write, as the hash of each field (see CrashMessage 'begin'). */
const hashed = (fields: object): Record<string, string> => Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, contentHash(value)]));

/** The configuration, one line of JSON on stdin: the test starts a writer before it needs it, so that loading overlaps its checks. */
async function readConfig(): Promise<WriterConfig> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return JSON.parse(text) as WriterConfig;
}

async function main(): Promise<void> {
  const config = await readConfig();
  const random = seededRandom(config.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  let clock = config.clockStart;
  let nextId = '';
  let created = 0;

  const words = (min: number, max: number) => {
    const out: string[] = [];
    for (let i = min + int(max - min + 1); i > 0; i--) out.push(pick(SYLLABLES));
    const text = out.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  const library = await LibraryService.open({
    dataDir: config.dataDir,
    // A clock that moves 1–60 s at each reading: ten minutes of editing pass within a round, so
    // automatic snapshots are kept and thinned.
    now: () => new Date((clock += 1000 + int(59_000))),
    newId: () => nextId,
    user: 'Phóng viên thử',
  });

  const articles = new Map<string, Article>();
  for (const view of ['active', 'trash'] as const) {
    for (const summary of (await library.listArticles({ view, limit: 1000 })).items) articles.set(summary.id, await library.getArticle({ id: summary.id }));
  }
  const assets = (await readdir(join(config.dataDir, 'assets'))).filter((name) => ASSET_ID_PATTERN.test(name));
  let lastImage: Buffer | null = null;
  send({ t: 'ready', pid: process.pid, articles: articles.size, assets: assets.length });

  const body = (): BodyDoc => {
    const content: BodyDoc['content'] = [];
    // Mostly short, now and then long (some 100 kB written at once).
    const paragraphs = random() < 0.04 ? 100 + int(200) : 1 + int(25);
    for (let i = 0; i < paragraphs; i++) {
      if (assets.length && random() < 0.05) {
        content.push({ type: 'figure', attrs: { assetId: pick(assets), alt: words(3, 8), caption: words(5, 15), credit: 'Ảnh: Phóng viên' } });
      } else content.push({ type: 'paragraph', content: [{ type: 'text', text: `${words(20, 80)}.` }] });
    }
    return { type: 'doc', content };
  };

  /** Some of the fields a reporter changes, as an autosave or a named save sends them. */
  const changes = (): Partial<ArticleFields> => {
    const out: Partial<ArticleFields> = {};
    if (random() < 0.2) out.headline = words(6, 16);
    if (random() < 0.5) out.sapo = `${words(25, 45)}.`;
    if (random() < 0.7) out.body = body();
    if (random() < 0.2) out.tags = [...new Set(Array.from({ length: int(4) }, () => words(1, 3)))];
    if (random() < 0.1) out.byline = words(2, 4);
    if (random() < 0.15) out.featuredImage = assets.length && random() < 0.8 ? { assetId: pick(assets), caption: words(5, 12), credit: 'Ảnh: Phóng viên', alt: words(3, 8) } : null;
    if (Object.keys(out).length === 0) out.sapo = `${words(25, 45)}.`;
    return out;
  };

  const image = async (): Promise<Buffer> => {
    if (lastImage && random() < 0.15) return lastImage; // the same photo again: one file
    const width = 8 + int(57);
    const height = 8 + int(57);
    const raw = Buffer.alloc(width * height * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = int(256);
    const made = sharp(raw, { raw: { width, height, channels: 3 } });
    lastImage = random() < 0.5 ? await made.png().toBuffer() : await made.jpeg({ quality: 70 + int(25) }).toBuffer();
    return lastImage;
  };

  const ack = (seq: number, op: CrashOp, article: Article, snapshots: AckedSnapshot[] = []) => {
    articles.set(article.id, article);
    send({ t: 'ack', seq, op, id: article.id, revision: article.revision, hash: contentHash(article), headline: article.headline, status: article.status, trashedAt: article.trashedAt, snapshots, clock });
  };

  for (let seq = 1; ; seq++) {
    const all = [...articles.values()];
    const active = all.filter((a) => a.trashedAt === null);
    const trashed = all.filter((a) => a.trashedAt !== null);
    const weights: Array<[CrashOp, number]> = [
      ['create', all.length >= MAX_ARTICLES ? 0 : active.length < 2 ? 100 : 6],
      ['autosave', active.length ? 40 : 0],
      ['named', active.length ? 12 : 0],
      ['status', active.length ? 12 : 0],
      ['import', 7],
      ['trash', active.length > 1 ? 6 : 0],
      ['restore', trashed.length ? 7 : 0],
      ['restoreRevision', active.length ? 4 : 0],
      ['idle', 2],
    ];
    let roll = random() * weights.reduce((sum, [, w]) => sum + w, 0);
    const op = weights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'autosave';
    const target = op === 'restore' ? pick(trashed) : active.length ? pick(active) : undefined;

    try {
      if (op === 'create') {
        nextId = `r${config.round}-${++created}`;
        const fields = { headline: words(6, 16), sapo: `${words(25, 45)}.`, byline: words(2, 4), section: pick(['thoi-su', 'kinh-te', 'xa-hoi']), body: body() };
        send({ t: 'begin', seq, op, id: nextId, base: 0, expect: hashed(fields) });
        const article = await library.createArticle(fields);
        ack(seq, op, article, [{ revision: 1, kind: 'created', label: '', hash: contentHash(article) }]);
      } else if (op === 'autosave' || op === 'named') {
        const current = target!;
        const fields = changes();
        const label = op === 'named' ? `Bản ${seq} ${words(1, 3)}` : undefined;
        send({ t: 'begin', seq, op, id: current.id, base: current.revision, expect: hashed(fields) });
        const article = await library.saveArticle({ id: current.id, baseRevision: current.revision, changes: fields, ...(label ? { snapshot: true, label } : {}) });
        ack(seq, op, article, label ? [{ revision: article.revision, kind: 'named', label, hash: contentHash(article) }] : []);
      } else if (op === 'status') {
        const current = target!;
        // Mostly onward (so articles reach publication and beyond), sometimes any move the workflow has.
        const to = FORWARD[current.status] && random() < 0.7 ? pick(FORWARD[current.status]!) : pick(transitions.filter((t) => t.from === current.status)).to;
        send({ t: 'begin', seq, op, id: current.id, base: current.revision, expect: hashed({ status: to }) });
        try {
          const article = await library.setStatus({ id: current.id, baseRevision: current.revision, status: to, note: words(2, 6) });
          ack(seq, op, article, [{ revision: article.revision, kind: 'status', label: '', hash: contentHash(article) }]);
        } catch (error) {
          // Publishing an article the pre-publish checklist stops is refused, and nothing is written.
          if (!(error instanceof ApiFailure && to === 'published' && (error.code === 'checklist_failed' || error.code === 'invalid_input'))) throw error;
          send({ t: 'refused', seq, op, id: current.id, code: error.code });
        }
      } else if (op === 'import') {
        const bytes = await image();
        send({ t: 'begin', seq, op, id: '', base: 0, expect: {} });
        const stored = await library.importAsset({ fileName: 'anh', dataBase64: bytes.toString('base64') });
        if (!assets.includes(stored.assetId)) assets.push(stored.assetId);
        send({ t: 'asset', seq, assetId: stored.assetId, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, clock });
      } else if (op === 'trash' || op === 'restore') {
        const current = target!;
        send({ t: 'begin', seq, op, id: current.id, base: current.revision, expect: { trashed: op === 'trash' } });
        const summary = op === 'trash' ? await library.trashArticle({ id: current.id }) : await library.restoreArticle({ id: current.id });
        const article = await library.getArticle({ id: current.id });
        if (summary.revision !== article.revision) throw new Error(`${op} answered revision ${summary.revision}, the article is at ${article.revision}`);
        ack(seq, op, article);
      } else if (op === 'restoreRevision') {
        const current = target!;
        const older = (await library.listRevisions({ id: current.id })).entries.filter((entry) => entry.revision < current.revision);
        if (!older.length) continue;
        const revision = pick(older).revision;
        const old = await library.getRevision({ id: current.id, revision });
        const { headline, sapo, byline, section, tags, featuredImage, body: oldBody, related } = old;
        send({ t: 'begin', seq, op, id: current.id, base: current.revision, expect: hashed({ headline, sapo, byline, section, tags, featuredImage, body: oldBody, related }) });
        const article = await library.restoreRevision({ id: current.id, baseRevision: current.revision, revision });
        ack(seq, op, article, [
          { revision: current.revision, kind: 'replaced', label: '', hash: contentHash(current) },
          { revision: article.revision, kind: 'restore', label: '', hash: contentHash(article) },
        ]);
      } else {
        send({ t: 'begin', seq, op, id: '', base: 0, expect: {} });
        await library.whenIdle();
        send({ t: 'idle', seq, clock });
      }
    } catch (error) {
      const detail = error instanceof ApiFailure ? `${error.code}: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error);
      send({ t: 'error', message: `operation ${seq} (${op} ${target?.id ?? ''}) failed: ${detail}` });
      process.exit(1);
    }
  }
}

main().catch((error: unknown) => {
  send({ t: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
