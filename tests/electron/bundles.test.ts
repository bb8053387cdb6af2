import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS, BundleRefusedError, readBundle, type BundleManifest, type BundleRefusal } from '../../electron/library/bundles';
import { ApiFailure } from '../../electron/library/errors';
import { LibraryService } from '../../electron/library/LibraryService';
import type { BundleSummary, CallContext } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import type { CommentMessage, CommentThread } from '../../shared/review/comments';
import type { Profile } from '../../shared/review/people';
import { dirFingerprint } from '../helpers/dirFingerprint';
import { readRawZip, writeRawZip, type RawZipEntry } from '../helpers/rawZip';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { electronTransport } from '../helpers/transports';
import { moveTo } from '../helpers/workflow';

/*
 * `.newsdesk` bundles (issue 12, item 3) between real libraries in temporary folders: what an
 * import adds, updates, leaves or keeps as a conflict, and — for a damaged or hostile file — that
 * it is refused whole (`bundle_refused`, with its reason) and the receiving folder is left exactly
 * as it was. Hostile files are written with tests/helpers/rawZip.ts, which checks nothing.
 */

// ---- images, articles, libraries -----------------------------------------------------------------

let JPEG: Buffer;
let PNG: Buffer;
let OTHER_PNG: Buffer;

beforeAll(async () => {
  JPEG = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();
  PNG = await sharp({ create: { width: 32, height: 24, channels: 4, background: '#e07a5f' } })
    .png()
    .toBuffer();
  OTHER_PNG = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#81b29a' } })
    .png()
    .toBuffer();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const HEADLINE = 'Chợ nổi Cái Răng đông vui ngày cuối tuần';
const PROFILES: Profile[] = [
  { id: 'thu-ha', name: 'Thu Hà', initials: 'TH', role: 'chief_editor' },
  { id: 'quoc-huy', name: 'Quốc Huy', initials: 'QH', role: 'section_editor' },
  { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' },
];
const as = (profileId: string): CallContext => ({ profileId });
const EDITOR = as('quoc-huy');
const REPORTER = as('minh-anh');

const paragraph = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
const bodyOf = (first: string, assetId: string, last: string): BodyDoc =>
  ({
    type: 'doc',
    content: [paragraph(first), { type: 'figure', attrs: { assetId, alt: 'Ghe hàng trên chợ nổi', caption: 'Chợ nổi Cái Răng lúc bình minh', credit: 'Minh Anh' } }, paragraph(last)],
  }) as BodyDoc;

interface Story {
  article: Article;
  /** The featured photo (a JPEG) and the body's photo (a PNG). */
  photo: string;
  figure: string;
}

/** An article with a featured photo and a photo in its body, both imported into the library first. */
async function story(library: LibraryService, headline = HEADLINE): Promise<Story> {
  const photo = (await library.importAsset({ fileName: 'ghe-hang.jpg', dataBase64: JPEG.toString('base64') })).assetId;
  const figure = (await library.importAsset({ fileName: 'cho-noi.png', dataBase64: PNG.toString('base64') })).assetId;
  const article = await library.createArticle({
    headline,
    sapo: 'Từ 5 giờ sáng, hàng trăm ghe xuồng đã tấp nập trên sông Cần Thơ.',
    byline: 'Minh Anh',
    featuredImage: { assetId: photo, caption: 'Ghe hàng trên sông Cần Thơ', credit: 'Minh Anh', alt: 'Ghe hàng chở trái cây' },
    body: bodyOf('Chợ nổi Cái Răng họp từ sáng sớm.', figure, 'Thương lái mua bán ngay trên ghe.'),
  });
  return { article, photo, figure };
}

let root: string;
let opened: LibraryService[] = [];

/** A library in `root/<name>` whose ids start with its name, acting as `user`. */
async function openLibrary(name: string, user = `Tòa soạn ${name.toUpperCase()}`): Promise<LibraryService> {
  let counter = 0;
  const library = await LibraryService.open({ dataDir: join(root, name), user, newId: () => `${name}-${++counter}` });
  opened.push(library);
  return library;
}

/** The same library closed and opened again (as when Newsdesk restarts). */
async function reopen(library: LibraryService): Promise<LibraryService> {
  const { dataDir } = library;
  await library.dispose();
  opened = opened.filter((other) => other !== library);
  let counter = 1000;
  const again = await LibraryService.open({ dataDir, user: 'Tòa soạn A', newId: () => `a-${++counter}` });
  opened.push(again);
  return again;
}

async function closeAll(): Promise<void> {
  for (const library of opened) await library.dispose();
  opened = [];
  await removeDir(root);
}

const bytesOf = (exported: { dataBase64: string }) => Buffer.from(exported.dataBase64, 'base64');
const manifestOf = (bundle: Buffer) => JSON.parse(readRawZip(bundle).find((entry) => entry.name === 'manifest.json')!.data.toString('utf8')) as BundleManifest;

const ref = (article: Article) => ({ id: article.id, headline: article.headline });
const summaryOf = (partial: Partial<BundleSummary>): BundleSummary => ({ added: [], updated: [], conflicts: [], unchanged: [], renamed: [], images: 0, ...partial });

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

/** The versions of an article a library remembers having sent (its sent.json). */
async function sentOf(library: LibraryService, id: string): Promise<unknown[]> {
  const file = JSON.parse(await readFile(join(library.dataDir, 'sent.json'), 'utf8')) as { articles: Record<string, unknown[]> };
  return file.articles[id] ?? [];
}

/** The library folder's fingerprint once nothing is pending (derivatives made, catalog written). */
async function settled(library: LibraryService) {
  await library.whenIdle();
  return dirFingerprint(library.dataDir);
}

/** An article without the fields a conflict changes (its comments, revision and time). */
function textOf(article: Article) {
  const copy: Partial<Article> = { ...article };
  delete copy.comments;
  delete copy.revision;
  delete copy.updatedAt;
  return copy;
}

// ---- between two libraries -------------------------------------------------------------------------

describe('bundles between two libraries', () => {
  let A: LibraryService;
  let B: LibraryService;

  beforeEach(async () => {
    root = await makeTempDir('newsdesk-bundles-');
    A = await openLibrary('a');
    B = await openLibrary('b');
  });
  afterEach(closeAll);

  it('carries an article and its photos to another library: added, identical, images with the same bytes; remembered as sent in A, an import snapshot in B', async () => {
    const { article, photo, figure } = await story(A);
    const historyBefore = await A.listRevisions({ id: article.id });
    const exported = await A.exportBundle({ ids: [article.id] });
    expect(exported).toMatchObject({ fileName: `${article.slug}.newsdesk`, articles: 1, assets: 2, bytes: bytesOf(exported).length });
    // Sending changes nothing of the article, nor its history: the version sent is remembered in sent.json.
    expect(await A.getArticle({ id: article.id })).toEqual(article);
    expect(await A.listRevisions({ id: article.id })).toEqual(historyBefore);
    expect(await sentOf(A, article.id)).toEqual([
      { revision: article.revision, hash: manifestOf(bytesOf(exported)).articles[0]!.hash, suggestions: [], at: expect.any(String) },
    ]);

    const summary = await B.importBundle({ dataBase64: exported.dataBase64 });
    expect(summary).toEqual(summaryOf({ added: [ref(article)], images: 2 }));
    expect(await B.getArticle({ id: article.id })).toEqual(article);
    expect((await readFile(join(B.assetsDir, photo))).equals(JPEG)).toBe(true);
    expect((await readFile(join(B.assetsDir, figure))).equals(PNG)).toBe(true);
    expect((await readFile(join(B.assetsDir, photo))).equals(await readFile(join(A.assetsDir, photo)))).toBe(true);
    const history = await B.listRevisions({ id: article.id });
    expect(history.current).toBe(article.revision);
    expect(history.entries).toEqual([expect.objectContaining({ revision: article.revision, kind: 'import', by: 'Tòa soạn B' })]);
    expect(await B.getRevision({ id: article.id, revision: article.revision })).toEqual(article);
    // The received images are the library's own now: listed and prepared for pages.
    expect((await B.listArticles({})).items.map((item) => item.id)).toEqual([article.id]);
    await B.whenIdle();
    expect(Object.keys((await B.getImageInfo({ assetIds: [photo, figure] })).images).sort()).toEqual([photo, figure].sort());
  });

  it('brings an edit made in B back to A: updated, A’s old version kept as “replaced”, A then equal to B', async () => {
    const { article } = await story(A);
    await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 });
    const edited = await B.saveArticle({
      id: article.id,
      baseRevision: article.revision,
      changes: { headline: 'Chợ nổi Cái Răng tấp nập dịp cuối tuần', sapo: 'Sapo viết lại ở tòa soạn B.' },
      snapshot: true,
      label: 'Sửa ở B',
    });

    const summary = await A.importBundle({ dataBase64: (await B.exportBundle({ ids: [article.id] })).dataBase64 });
    expect(summary).toEqual(summaryOf({ updated: [ref(edited)] }));
    expect(await A.getArticle({ id: article.id })).toEqual(await B.getArticle({ id: article.id }));
    expect(await A.getArticle({ id: article.id })).toEqual(edited);
    const entries = (await A.listRevisions({ id: article.id })).entries;
    expect(entries).toContainEqual(expect.objectContaining({ revision: article.revision, kind: 'replaced' }));
    expect(entries).toContainEqual(expect.objectContaining({ revision: edited.revision, kind: 'import' }));
    expect(await A.getRevision({ id: article.id, revision: article.revision })).toEqual(article);
    expect(await A.getRevision({ id: article.id, revision: edited.revision })).toEqual(edited);
  });

  const T1 = '2026-11-28T09:00:00+07:00';
  const message = (id: string, by: string, at: string, value: string): CommentMessage => ({ id, by, at, text: value });
  const thread = (id: string, messages: CommentMessage[], resolved: CommentThread['resolved'] = null): CommentThread => ({
    id,
    anchor: { from: 1, to: 9 },
    quote: 'Chợ nổi',
    messages,
    resolved,
  });

  /** An article both libraries have, with a comment thread; then changed in each. */
  async function parted() {
    const { article } = await story(A);
    const shared = thread('c-1', [message('m-1', 'Quốc Huy', T1, 'Kiểm tra giờ họp chợ.')]);
    const start = await A.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [shared] } });
    await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 });

    const ownA = thread('c-a', [message('m-a1', 'Thu Hà', '2026-11-28T09:30:00+07:00', 'Thêm giá trái cây.')]);
    const inA = await A.saveArticle({
      id: article.id,
      baseRevision: start.revision,
      changes: { sapo: 'Sapo sửa ở tòa soạn A.', comments: [{ ...shared, messages: [...shared.messages, message('m-a', 'Thu Hà', '2026-11-28T10:00:00+07:00', 'Chợ họp từ 5 giờ.')] }, ownA] },
    });
    const resolvedInB = { at: '2026-11-28T11:00:00+07:00', by: 'Minh Anh' };
    const ownB = thread('c-b', [message('m-b1', 'Minh Anh', '2026-11-28T09:45:00+07:00', 'Ảnh cần chú thích rõ hơn.')]);
    const inB = await B.saveArticle({
      id: article.id,
      baseRevision: start.revision,
      changes: {
        headline: 'Chợ nổi Cái Răng: sửa tít ở tòa soạn B',
        comments: [{ ...shared, messages: [...shared.messages, message('m-b', 'Minh Anh', '2026-11-28T10:30:00+07:00', 'Đã hỏi ban quản lý chợ.')], resolved: resolvedInB }, ownB],
      },
    });
    const merged = { ...shared, messages: [...shared.messages, inA.comments[0]!.messages[1]!, inB.comments[0]!.messages[1]!], resolved: inB.comments[0]!.resolved };
    return { start, inA, inB, ownA: inA.comments[1]!, ownB: inB.comments[1]!, merged };
  }

  it('keeps both sides of a conflict both ways: each its own text, the other’s kept as a “conflict” version, comments merged by id', async () => {
    const { inA, inB, ownA, ownB, merged } = await parted();
    const fromA = await A.exportBundle({ ids: [inA.id] });
    const fromB = await B.exportBundle({ ids: [inB.id] });

    expect(await A.importBundle({ dataBase64: fromB.dataBase64 })).toEqual(summaryOf({ conflicts: [ref(inA)] }));
    expect(await B.importBundle({ dataBase64: fromA.dataBase64 })).toEqual(summaryOf({ conflicts: [ref(inB)] }));

    const sides = [
      { library: A, mine: inA, theirs: inB, comments: [merged, ownA, ownB], sender: 'Tòa soạn B' },
      { library: B, mine: inB, theirs: inA, comments: [merged, ownB, ownA], sender: 'Tòa soạn A' },
    ];
    for (const { library, mine, theirs, comments, sender } of sides) {
      const now = await library.getArticle({ id: mine.id });
      expect(textOf(now)).toEqual(textOf(mine));
      expect(now.revision).toBe(mine.revision + 2);
      expect(now.comments).toEqual(comments);
      expect(now.comments[0]!.messages.map((m) => m.id)).toEqual(['m-1', 'm-a', 'm-b']);
      const entries = (await library.listRevisions({ id: mine.id })).entries;
      expect(entries).toContainEqual(expect.objectContaining({ revision: mine.revision + 1, kind: 'conflict', label: sender }));
      expect(await library.getRevision({ id: mine.id, revision: mine.revision + 1 })).toEqual({ ...theirs, revision: mine.revision + 1 });
    }
  });

  it('merges suggested edits of a conflict by their ids: each side gets the other’s in the paragraphs that read the same, with who made them', async () => {
    const { article } = await story(A);
    await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 });
    const [first, figure, last] = article.body.content as unknown as Array<Record<string, unknown>>;
    const marked = (type: 'insertion' | 'deletion', id: string) => [{ type, attrs: { id } }];
    const paragraph = (...runs: Array<[string, unknown?]>) => ({ type: 'paragraph', content: runs.map(([text, marks]) => (marks ? { type: 'text', text, marks } : { type: 'text', text })) });
    // Quốc Huy suggests a word in the first paragraph in A; Thu Hà, in B, deleting one in the last.
    const inA = await A.saveArticle({
      id: article.id,
      baseRevision: article.revision,
      changes: {
        body: { type: 'doc', content: [paragraph(['Chợ nổi Cái Răng họp từ '], ['rất ', marked('insertion', 'quoc-huy:1')], ['sáng sớm.']), figure, last] } as unknown as BodyDoc,
        suggestions: [{ id: 'quoc-huy:1', profileId: 'quoc-huy', by: 'Quốc Huy', at: '2026-11-28T09:00:00.000Z' }],
      },
    });
    const inB = await B.saveArticle({
      id: article.id,
      baseRevision: article.revision,
      changes: {
        body: { type: 'doc', content: [first, figure, paragraph(['Thương lái mua bán '], ['ngay ', marked('deletion', 'thu-ha:1')], ['trên ghe.'])] } as unknown as BodyDoc,
        suggestions: [{ id: 'thu-ha:1', profileId: 'thu-ha', by: 'Thu Hà', at: '2026-11-28T09:30:00.000Z' }],
      },
    });
    const fromA = await A.exportBundle({ ids: [article.id] });
    const fromB = await B.exportBundle({ ids: [article.id] });
    expect(await A.importBundle({ dataBase64: fromB.dataBase64 })).toEqual(summaryOf({ conflicts: [ref(inA)] }));
    expect(await B.importBundle({ dataBase64: fromA.dataBase64 })).toEqual(summaryOf({ conflicts: [ref(inB)] }));

    const both = { type: 'doc', content: [inA.body.content[0], figure, inB.body.content[2]] };
    for (const [library, mine, theirs] of [
      [A, inA, inB],
      [B, inB, inA],
    ] as const) {
      const now = await library.getArticle({ id: article.id });
      expect(now.body).toEqual(both);
      expect(now.suggestions.map((entry) => [entry.id, entry.by]).sort()).toEqual([
        ['quoc-huy:1', 'Quốc Huy'],
        ['thu-ha:1', 'Thu Hà'],
      ]);
      // The other side's copy is still kept whole, as the conflict version.
      expect(await library.getRevision({ id: article.id, revision: mine.revision + 1 })).toEqual({ ...theirs, revision: mine.revision + 1 });
    }
  });

  it('does not bring back in a conflict a suggestion rejected here after the copies parted', async () => {
    const { article } = await story(A);
    const [first, figure, last] = article.body.content as unknown as Array<Record<string, unknown>>;
    const marked = (type: 'insertion' | 'deletion', id: string) => [{ type, attrs: { id } }];
    const paragraph = (...runs: Array<[string, unknown?]>) => ({ type: 'paragraph', content: runs.map(([text, marks]) => (marks ? { type: 'text', text, marks } : { type: 'text', text })) });
    const deleting = paragraph(['Thương lái mua bán '], ['ngay ', marked('deletion', 'thu-ha:1')], ['trên ghe.']);
    const s1 = { id: 'thu-ha:1', profileId: 'thu-ha', by: 'Thu Hà', at: '2026-11-28T09:00:00.000Z' };
    const start = await A.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: { type: 'doc', content: [first, figure, deleting] } as unknown as BodyDoc, suggestions: [s1] } });
    await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 });

    // In A the suggestion is rejected; in B, another is made in the first paragraph.
    const inA = await A.saveArticle({ id: article.id, baseRevision: start.revision, changes: { body: { type: 'doc', content: [first, figure, last] } as unknown as BodyDoc, suggestions: [] } });
    const adding = paragraph(['Chợ nổi Cái Răng họp từ '], ['rất ', marked('insertion', 'quoc-huy:1')], ['sáng sớm.']);
    const s2 = { id: 'quoc-huy:1', profileId: 'quoc-huy', by: 'Quốc Huy', at: '2026-11-28T09:30:00.000Z' };
    await B.saveArticle({ id: article.id, baseRevision: start.revision, changes: { body: { type: 'doc', content: [adding, figure, deleting] } as unknown as BodyDoc, suggestions: [s1, s2] } });

    expect(await A.importBundle({ dataBase64: (await B.exportBundle({ ids: [article.id] })).dataBase64 })).toEqual(summaryOf({ conflicts: [ref(inA)] }));
    const now = await A.getArticle({ id: article.id });
    expect(now.body).toEqual({ type: 'doc', content: [adding, figure, last] });
    expect(now.suggestions).toEqual([s2]);
  });

  it('sends whatever became of sent.json (damaged, not there): it is bookkeeping, rewritten whole at the next send', async () => {
    const { article } = await story(A);
    for (const damage of ['{ "format": 1, "articles": ', JSON.stringify({ format: 9, articles: {} }), null]) {
      const path = join(A.dataDir, 'sent.json');
      if (damage === null) await rm(path, { force: true });
      else await writeFile(path, damage);
      const reopened = await reopen(A);
      A = reopened;
      const exported = await A.exportBundle({ ids: [article.id] });
      expect(exported.articles).toBe(1);
      expect(await sentOf(A, article.id)).toHaveLength(1);
    }
    expect(await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 })).toEqual(summaryOf({ added: [ref(article)], images: 2 }));
  });

  it('leaves an article it already has: importing the same bundle twice writes nothing the second time, nor does a bundle of what is here', async () => {
    const { article } = await story(A);
    const bundle = await A.exportBundle({ ids: [article.id] });
    expect((await B.importBundle({ dataBase64: bundle.dataBase64 })).added).toEqual([ref(article)]);

    const before = await settled(B);
    expect(await B.importBundle({ dataBase64: bundle.dataBase64 })).toEqual(summaryOf({ unchanged: [ref(article)] }));
    expect(await settled(B)).toEqual(before);

    // B's copy, unchanged, sent back to A: A has it already.
    const back = await B.exportBundle({ ids: [article.id] });
    const beforeA = await settled(A);
    expect(await A.importBundle({ dataBase64: back.dataBase64 })).toEqual(summaryOf({ unchanged: [ref(article)] }));
    expect(await settled(A)).toEqual(beforeA);
    expect(await A.getArticle({ id: article.id })).toEqual(article);
  });

  it('leaves an older bundle: B’s earlier export received after a newer one changes nothing (and A’s first one, in B, neither)', async () => {
    const { article } = await story(A);
    const first = await A.exportBundle({ ids: [article.id] });
    await B.importBundle({ dataBase64: first.dataBase64 });
    const once = await B.saveArticle({ id: article.id, baseRevision: article.revision, changes: { sapo: 'Lần sửa thứ nhất.' } });
    const older = await B.exportBundle({ ids: [article.id] });
    expect((await A.importBundle({ dataBase64: older.dataBase64 })).updated).toEqual([ref(once)]);
    const twice = await B.saveArticle({ id: article.id, baseRevision: once.revision, changes: { sapo: 'Lần sửa thứ hai.' } });
    const newer = await B.exportBundle({ ids: [article.id] });
    expect((await A.importBundle({ dataBase64: newer.dataBase64 })).updated).toEqual([ref(twice)]);
    expect(await A.getArticle({ id: article.id })).toEqual(twice);

    const beforeA = await settled(A);
    expect(await A.importBundle({ dataBase64: older.dataBase64 })).toEqual(summaryOf({ unchanged: [ref(once)] }));
    expect(await settled(A)).toEqual(beforeA);
    expect(await A.getArticle({ id: article.id })).toEqual(twice);

    const beforeB = await settled(B);
    expect(await B.importBundle({ dataBase64: first.dataBase64 })).toEqual(summaryOf({ unchanged: [ref(article)] }));
    expect(await settled(B)).toEqual(beforeB);
    expect(await B.getArticle({ id: article.id })).toEqual(twice);
  });

  /* The version received in a conflict is known as received (by the revision it had where it came from): the same bundle again changes nothing. */
  it('leaves a conflicting bundle it has already received: the second time it is unchanged and nothing is written', async () => {
    const { inA } = await parted();
    const fromB = await B.exportBundle({ ids: [inA.id] });
    expect((await A.importBundle({ dataBase64: fromB.dataBase64 })).conflicts).toEqual([ref(inA)]);
    const after = await A.getArticle({ id: inA.id });

    const before = await settled(A);
    const again = await A.importBundle({ dataBase64: fromB.dataBase64 });
    expect({ again, revision: (await A.getArticle({ id: inA.id })).revision }).toEqual({ again: summaryOf({ unchanged: [ref(inA)] }), revision: after.revision });
    expect(await settled(A)).toEqual(before);
  });

  it('bundles a selection, or the whole library without the trash', async () => {
    const { article: one, photo, figure } = await story(A);
    const two = await A.createArticle({ headline: 'Cầu Cần Thơ thông xe sau sửa chữa' });
    const gone = await A.createArticle({ headline: 'Bài đã bỏ vào thùng rác' });
    await A.trashArticle({ id: gone.id });

    const selection = await A.exportBundle({ ids: [two.id] });
    expect(selection).toMatchObject({ fileName: `${two.slug}.newsdesk`, articles: 1, assets: 0 });
    expect(manifestOf(bytesOf(selection)).articles.map((entry) => entry.id)).toEqual([two.id]);
    expect(readRawZip(bytesOf(selection)).map((entry) => entry.name)).toEqual([`articles/${two.id}.json`, 'manifest.json']);

    const whole = await A.exportBundle({});
    expect(whole).toMatchObject({ articles: 2, assets: 2 });
    expect(whole.fileName).toMatch(/^newsdesk-\d{4}-\d{2}-\d{2}\.newsdesk$/);
    const manifest = manifestOf(bytesOf(whole));
    expect(manifest.articles.map((entry) => entry.id).sort()).toEqual([one.id, two.id].sort());
    expect(manifest.entries.map((entry) => entry.path).sort()).toEqual([`articles/${one.id}.json`, `articles/${two.id}.json`, `assets/${photo}`, `assets/${figure}`].sort());
    for (const id of [one.id, two.id]) expect(await sentOf(A, id)).toHaveLength(1);

    const summary = await B.importBundle({ dataBase64: whole.dataBase64 });
    expect({ ...summary, added: [...summary.added].sort((a, b) => a.id.localeCompare(b.id)) }).toEqual(summaryOf({ added: [ref(one), ref(two)].sort((a, b) => a.id.localeCompare(b.id)), images: 2 }));
    expect((await B.listArticles({})).total).toBe(2);
    expect((await B.listArticles({ view: 'trash' })).total).toBe(0);
    expect((await failure(B.getArticle({ id: gone.id }))).code).toBe('not_found');
  });

  it('gives a received article a new slug when a different article here already has its slug', async () => {
    const { article } = await story(A);
    const own = await B.createArticle({ headline: HEADLINE });
    expect(own.slug).toBe(article.slug);

    const summary = await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [article.id] })).dataBase64 });
    expect(summary).toEqual(summaryOf({ added: [ref(article)], renamed: [ref(article)], images: 2 }));
    const received = await B.getArticle({ id: article.id });
    expect(received.slug).toMatch(new RegExp(`^${article.slug}-\\d+$`));
    expect({ ...received, slug: article.slug }).toEqual(article);
    expect((await B.getArticle({ id: own.id })).slug).toBe(own.slug);
    const slugs = (await B.listArticles({})).items.map((item) => item.slug);
    expect(new Set(slugs).size).toBe(2);
  });

  it('receives many articles at once (written several at a time): each once, slugs unique, all there again after reopening', async () => {
    // Two of A's share a headline (slugs s and s-2), and B has its own article with slug s.
    const twins = [await A.createArticle({ headline: HEADLINE }), await A.createArticle({ headline: HEADLINE })];
    expect(twins.map((article) => article.slug)).toEqual([twins[0]!.slug, `${twins[0]!.slug}-2`]);
    const others = [];
    for (let i = 0; i < 38; i++) others.push(await A.createArticle({ headline: `Tin ngắn số ${i}`, body: { type: 'doc', content: [paragraph(`Nội dung tin số ${i}.`)] } as BodyDoc }));
    const own = await B.createArticle({ headline: HEADLINE });

    const summary = await B.importBundle({ dataBase64: (await A.exportBundle({})).dataBase64 });
    expect(summary.added).toHaveLength(40);
    const slugs = (await B.listArticles({ limit: 100 })).items.map((item) => item.slug);
    expect(slugs).toHaveLength(41);
    expect(new Set(slugs).size).toBe(41);
    expect(summary.renamed.map((entry) => entry.id).sort()).toEqual(twins.map((article) => article.id).sort());

    const dataDir = B.dataDir;
    await B.dispose();
    opened = opened.filter((library) => library !== B);
    const reopened = await LibraryService.open({ dataDir, user: 'Tòa soạn B' });
    opened.push(reopened);
    expect((await reopened.listArticles({ limit: 100 })).items.map((item) => item.slug).sort()).toEqual([...slugs].sort());
    for (const article of [...twins, ...others]) {
      const received = await reopened.getArticle({ id: article.id });
      expect({ ...received, slug: article.slug }).toEqual(article);
      expect((await reopened.listRevisions({ id: article.id })).entries.map((entry) => entry.kind)).toEqual(['import']);
    }
    expect((await reopened.getArticle({ id: own.id })).slug).toBe(own.slug);
  });

  it('refuses a reporter a bundle holding a published article, writing nothing; an editor may import it', async () => {
    await B.saveSettings({ changes: { profiles: PROFILES } }, {});
    const { article } = await story(A);
    const published = await moveTo(A, article, 'published');
    const draft = await A.createArticle({ headline: 'Bản nháp đi cùng bài đã đăng' });
    const bundle = await A.exportBundle({ ids: [draft.id, published.id] });

    const before = await settled(B);
    expect((await failure(B.importBundle({ dataBase64: bundle.dataBase64 }, REPORTER))).code).toBe('forbidden');
    expect(await settled(B)).toEqual(before);
    expect((await B.listArticles({})).total).toBe(0);

    // A reporter may bring in a draft alone.
    const drafts = await A.exportBundle({ ids: [draft.id] });
    expect((await B.importBundle({ dataBase64: drafts.dataBase64 }, REPORTER)).added).toEqual([ref(draft)]);
    const summary = await B.importBundle({ dataBase64: bundle.dataBase64 }, EDITOR);
    expect(summary).toEqual(summaryOf({ added: [ref(published)], unchanged: [ref(draft)], images: 2 }));
    expect(await B.getArticle({ id: published.id })).toEqual(published);
  });

  it('refuses a reporter a bundle that would replace a published article, writing nothing', async () => {
    await A.saveSettings({ changes: { profiles: PROFILES } }, {});
    const { article } = await story(A);
    const published = await moveTo(A, await A.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' }, REPORTER), 'published', EDITOR);
    await B.importBundle({ dataBase64: (await A.exportBundle({ ids: [published.id] })).dataBase64 });
    const corrected = await B.saveArticle({ id: published.id, baseRevision: published.revision, changes: { sapo: 'Đính chính: chợ họp từ 4 giờ sáng.' } });

    const bundle = await B.exportBundle({ ids: [published.id] });
    const before = await settled(A);
    expect((await failure(A.importBundle({ dataBase64: bundle.dataBase64 }, REPORTER))).code).toBe('forbidden');
    expect(await settled(A)).toEqual(before);
    expect((await A.importBundle({ dataBase64: bundle.dataBase64 }, EDITOR)).updated).toEqual([ref(corrected)]);
  });

  it('reads a bundle from its bytes alone: readBundle writes nothing, and asks the library only for photos the bundle lacks', async () => {
    const { article, photo, figure } = await story(A);
    const bundle = bytesOf(await A.exportBundle({ ids: [article.id] }));
    await A.whenIdle();
    await B.whenIdle();
    const before = await dirFingerprint(root);

    expect(readBundle.length).toBe(2);
    const asked: string[] = [];
    const read = await readBundle(bundle, (assetId) => {
      asked.push(assetId);
      return false;
    });
    expect(read.articles).toEqual([article]);
    expect(read.manifest.articles).toEqual([expect.objectContaining({ id: article.id, revision: article.revision })]);
    expect([...read.assets.keys()].sort()).toEqual([photo, figure].sort());
    expect(read.assets.get(photo)!.equals(JPEG) && read.assets.get(figure)!.equals(PNG)).toBe(true);
    expect(asked).toEqual([]);

    // Without its images, a bundle is read only if the library has them.
    const entries = readRawZip(bundle).filter((entry) => !entry.name.startsWith('assets/'));
    const manifest = manifestOf(bundle);
    const bare = writeRawZip(
      entries.map((entry) =>
        entry.name === 'manifest.json' ? { name: entry.name, data: Buffer.from(JSON.stringify({ ...manifest, entries: manifest.entries.filter((e) => !e.path.startsWith('assets/')) })) } : entry,
      ),
    );
    const known = (assetId: string) => {
      asked.push(assetId);
      return true;
    };
    expect((await readBundle(bare, known)).assets.size).toBe(0);
    expect(asked.sort()).toEqual([photo, figure].sort());

    // A hostile one is refused by the reader alone, which never writes, wherever its names point.
    const hostile = writeRawZip([...readRawZip(bundle), { name: '../evil.json', data: Buffer.from('{}') }]);
    await expect(readBundle(hostile, () => false)).rejects.toMatchObject({ reason: 'unsafe_name' });
    expect(await dirFingerprint(root)).toEqual(before);
  });

  it('answers through the API as the window calls it: a summary, or bundle_refused with "<reason>: <detail>"', async () => {
    const { article } = await story(A);
    const bundle = await A.exportBundle({ ids: [article.id] });
    const { api } = electronTransport(B);
    const hostile = writeRawZip([...readRawZip(bytesOf(bundle)), { name: 'articles/../../x.json', data: Buffer.from('{}') }]);
    const before = await settled(B);
    const refused = await api.importBundle({ dataBase64: hostile.toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bundle_refused' } });
    expect(!refused.ok && refused.error.message).toMatch(/^unsafe_name: .+/);
    expect(await settled(B)).toEqual(before);
    expect(await api.importBundle({ dataBase64: bundle.dataBase64 })).toEqual({ ok: true, value: summaryOf({ added: [ref(article)], images: 2 }) });
    // (The fingerprint does see an import that writes.)
    expect(await settled(B)).not.toEqual(before);
  });
});

// ---- damaged and hostile bundles -----------------------------------------------------------------

describe('a damaged or hostile bundle is refused whole, the receiving library left byte for byte as it was', () => {
  let A: LibraryService;
  let B: LibraryService;
  let GOOD: Buffer;
  let ARTICLE: Article;
  let PHOTO: string;
  let FIGURE: string;

  beforeAll(async () => {
    root = await makeTempDir('newsdesk-bundles-');
    A = await openLibrary('a');
    B = await openLibrary('b');
    ({ article: ARTICLE, photo: PHOTO, figure: FIGURE } = await story(A));
    GOOD = bytesOf(await A.exportBundle({ ids: [ARTICLE.id] }));
    // The receiving library has work of its own (and an image), but not A's photos.
    const own = (await B.importAsset({ fileName: 'rieng.png', dataBase64: OTHER_PNG.toString('base64') })).assetId;
    await B.createArticle({ headline: 'Bài riêng của tòa soạn B', body: bodyOf('Đoạn đầu.', own, 'Đoạn cuối.') });
    await A.whenIdle();
  });
  afterAll(closeAll);

  interface Parts {
    manifest: BundleManifest;
    files: Map<string, Buffer>;
  }
  const articleName = () => `articles/${ARTICLE.id}.json`;

  /** The good bundle taken apart: its manifest and its other files, in order. */
  function parts(): Parts {
    const entries = readRawZip(GOOD);
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.data.toString('utf8')) as BundleManifest;
    return { manifest, files: new Map(entries.filter((entry) => entry.name !== 'manifest.json').map((entry) => [entry.name, entry.data])) };
  }

  /** Zip entries of a bundle, its manifest last. `relist`: the manifest's list of files made to match the files (so only the intended defect is left). */
  function entriesOf({ manifest, files }: Parts, { relist = true } = {}): RawZipEntry[] {
    const listed = relist ? { ...manifest, entries: [...files].map(([path, data]) => ({ path, sha256: sha256(data), bytes: data.length })) } : manifest;
    return [
      ...[...files].map(([name, data]): RawZipEntry => ({ name, data, method: name.startsWith('assets/') ? 'store' : 'deflate' })),
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(listed)) },
    ];
  }
  const pack = (p: Parts, options?: { relist?: boolean }) => writeRawZip(entriesOf(p, options));
  /** The good bundle with entries added at its end. */
  const withEntries = (...extra: RawZipEntry[]) => writeRawZip([...entriesOf(parts()), ...extra]);

  /** JSON of a value, or the bytes themselves. */
  const dataOf = (value: unknown) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value)));

  /** The good bundle with its article changed (the manifest's list of files made to match, unless told). */
  function withArticle(change: (json: Record<string, unknown>) => unknown, options?: { relist?: boolean; name?: string }): Buffer {
    const p = parts();
    const json = JSON.parse(p.files.get(articleName())!.toString('utf8')) as Record<string, unknown>;
    const changed = dataOf(change(json));
    p.files.delete(articleName());
    p.files.set(options?.name ?? articleName(), changed);
    return pack(p, options);
  }
  const withManifest = (change: (manifest: BundleManifest) => unknown) => {
    const p = parts();
    return writeRawZip([...entriesOf(p).slice(0, -1), { name: 'manifest.json', data: dataOf(change(entriesManifest(p))) }]);
  };
  const entriesManifest = (p: Parts): BundleManifest => JSON.parse(entriesOf(p).at(-1)!.data.toString('utf8')) as BundleManifest;
  /** The central directory's offset, from the end record. */
  const directoryAt = (bytes: Buffer) => bytes.readUInt32LE(bytes.length - 22 + 16);

  type Case = { name: string; bundle: () => Buffer; reason: BundleRefusal; readerAccepts?: boolean };
  const cases: Case[] = [
    // Not a bundle at all.
    { name: 'text, not a zip', bundle: () => Buffer.from('Đây không phải là một tệp .newsdesk, chỉ là chữ. '.repeat(4)), reason: 'not_a_bundle' },
    { name: 'an image, not a zip', bundle: () => JPEG, reason: 'not_a_bundle' },
    { name: 'an empty file', bundle: () => Buffer.alloc(0), reason: 'not_a_bundle' },
    { name: 'a zip without a manifest', bundle: () => writeRawZip(entriesOf(parts()).slice(0, -1)), reason: 'not_a_bundle' },
    // Cut short.
    { name: 'the first 10 bytes', bundle: () => GOOD.subarray(0, 10), reason: 'not_a_bundle' },
    { name: 'the first quarter', bundle: () => GOOD.subarray(0, Math.floor(GOOD.length / 4)), reason: 'damaged' },
    { name: 'the first half', bundle: () => GOOD.subarray(0, Math.floor(GOOD.length / 2)), reason: 'damaged' },
    { name: 'cut before the central directory', bundle: () => GOOD.subarray(0, directoryAt(GOOD)), reason: 'damaged' },
    { name: 'cut inside the central directory', bundle: () => GOOD.subarray(0, directoryAt(GOOD) + 30), reason: 'damaged' },
    { name: 'all but the end record', bundle: () => GOOD.subarray(0, GOOD.length - 22), reason: 'damaged' },
    { name: 'all but the last byte', bundle: () => GOOD.subarray(0, GOOD.length - 1), reason: 'damaged' },
    // Names that point outside the library, or that a bundle never holds.
    ...['../evil.json', 'articles/../../x.json', 'assets/../../../etc/passwd', '/etc/passwd', '/tmp/evil.json', 'C:/Windows/evil.json', 'articles\\evil.json', '..\\..\\evil.json'].map(
      (name): Case => ({ name: `an entry named ${JSON.stringify(name)}`, bundle: () => withEntries({ name, data: Buffer.from('{"pwned":true}') }), reason: 'unsafe_name' }),
    ),
    ...['articles/x.json\0.exe', 'evil.exe', 'articles/x.txt', 'articles/sub/x.json', 'articles/X.json', 'assets/anh.png', `assets/${'a'.repeat(64)}.svg`, 'Manifest.json', 'articles/', 'readme.txt'].map(
      (name): Case => ({ name: `an entry named ${JSON.stringify(name)}`, bundle: () => withEntries({ name, data: Buffer.from('{}') }), reason: 'unsafe_name' }),
    ),
    { name: 'a name with a NUL byte', bundle: () => withEntries({ name: Buffer.from('manifest.json\0../../evil', 'latin1'), data: Buffer.from('{}') }), reason: 'unsafe_name' },
    { name: 'an article twice', bundle: () => withEntries({ name: articleName(), data: parts().files.get(articleName())! }), reason: 'unsafe_name' },
    { name: 'a second manifest', bundle: () => withEntries({ name: 'manifest.json', data: Buffer.from('{}') }), reason: 'unsafe_name' },
    // Zip bombs: data that inflates beyond what the header says; a header that says too much.
    {
      name: 'an article inflating to 48 MB while its header says 300 bytes',
      bundle: () => withEntries({ name: 'articles/bom.json', data: Buffer.alloc(48 * 1024 * 1024, 0x20), declaredSize: 300 }),
      // Refused before anything is inflated: the manifest does not list it.
      reason: 'unlisted_entry',
    },
    {
      name: 'an image whose header declares 4 GB',
      bundle: () => withEntries({ name: `assets/${'b'.repeat(64)}.png`, data: Buffer.from('tiny'), declaredSize: 0xffffffff }),
      reason: 'too_large',
    },
    {
      name: 'an article that truly inflates past its limit (40 MB)',
      bundle: () => withEntries({ name: 'articles/bom.json', data: Buffer.alloc(BUNDLE_LIMITS.articleBytes + 8 * 1024 * 1024, 0x20) }),
      reason: 'too_large',
    },
    {
      name: 'a manifest whose header declares more than its limit',
      bundle: () => {
        const entries = entriesOf(parts());
        return writeRawZip([...entries.slice(0, -1), { ...entries.at(-1)!, declaredSize: BUNDLE_LIMITS.manifestBytes + 1 }]);
      },
      reason: 'too_large',
    },
    // Checksums.
    { name: 'an article changed after the manifest was written', bundle: () => withArticle((json) => ({ ...json, headline: 'Tít bị sửa lén' }), { relist: false }), reason: 'checksum' },
    {
      name: 'an article changed, its file’s checksum updated but not its hash',
      bundle: () => withArticle((json) => ({ ...json, headline: 'Tít bị sửa lén' })),
      reason: 'checksum',
    },
    {
      name: 'an article whose revision is not the manifest’s',
      bundle: () => withArticle((json) => ({ ...json, revision: (json.revision as number) + 1 })),
      reason: 'checksum',
    },
    {
      name: 'an image changed after the manifest was written',
      bundle: () => {
        const p = parts();
        const changed = Buffer.from(p.files.get(`assets/${PHOTO}`)!);
        const at = changed.length - 3;
        changed[at] = changed[at]! ^ 0xff;
        p.files.set(`assets/${PHOTO}`, changed);
        return pack(p, { relist: false });
      },
      reason: 'checksum',
    },
    { name: 'a file whose size is not the manifest’s', bundle: () => withManifest((m) => ({ ...m, entries: m.entries.map((e) => ({ ...e, bytes: e.bytes + 1 })) })), reason: 'checksum' },
    // Files missing, files not listed.
    {
      name: 'an image the manifest lists, missing',
      bundle: () => {
        const p = parts();
        p.files.delete(`assets/${FIGURE}`);
        return pack(p, { relist: false });
      },
      reason: 'missing_entry',
    },
    {
      name: 'the article the manifest lists, missing',
      bundle: () => {
        const p = parts();
        p.files.delete(articleName());
        return pack(p, { relist: false });
      },
      reason: 'missing_entry',
    },
    {
      name: 'an article the manifest describes, neither in the zip nor in its list of files',
      bundle: () => {
        const p = parts();
        p.files.delete(articleName());
        return pack(p);
      },
      reason: 'missing_entry',
    },
    {
      name: 'an image the manifest does not list',
      bundle: () => {
        const p = parts();
        const zip = entriesOf(p);
        return writeRawZip([{ name: `assets/${sha256(OTHER_PNG)}.png`, data: OTHER_PNG, method: 'store' }, ...zip]);
      },
      reason: 'unlisted_entry',
    },
    { name: 'an article the manifest does not list', bundle: () => withEntries({ name: 'articles/a-99.json', data: parts().files.get(articleName())! }), reason: 'unlisted_entry' },
    // The manifest itself.
    { name: 'a manifest of format version 2', bundle: () => withManifest((m) => ({ ...m, version: 2 })), reason: 'too_new' },
    { name: 'a manifest of format version 2 with fields this version does not know', bundle: () => withManifest((m) => ({ ...m, version: 2, signatures: [{ by: 'x' }] })), reason: 'too_new' },
    { name: 'a manifest of another format', bundle: () => withManifest((m) => ({ ...m, format: 'other-app-bundle' })), reason: 'not_a_bundle' },
    { name: 'a manifest that is not JSON', bundle: () => withManifest(() => Buffer.from('{"format":"newsdesk-bundle","version":1,')), reason: 'damaged' },
    { name: 'a manifest of version 0', bundle: () => withManifest((m) => ({ ...m, version: 0 })), reason: 'damaged' },
    { name: 'a manifest with a field no version has', bundle: () => withManifest((m) => ({ ...m, extra: true })), reason: 'damaged' },
    { name: 'a manifest listing a hash that is not a SHA-256', bundle: () => withManifest((m) => ({ ...m, entries: m.entries.map((e) => ({ ...e, sha256: 'abc' })) })), reason: 'damaged' },
    // Articles.
    { name: 'an article that is not JSON', bundle: () => withArticle(() => Buffer.from('{"id":"a-1",')), reason: 'bad_article' },
    { name: 'an article of an unknown status', bundle: () => withArticle((json) => ({ ...json, status: 'live' })), reason: 'bad_article' },
    { name: 'an article with a field articles do not have', bundle: () => withArticle((json) => ({ ...json, script: '<script>alert(1)</script>' })), reason: 'bad_article' },
    {
      name: 'an article with a javascript: link',
      bundle: () =>
        withArticle((json) => ({
          ...json,
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bấm vào đây', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
        })),
      reason: 'bad_article',
    },
    { name: 'an article of a newer article format', bundle: () => withArticle((json) => ({ ...json, schemaVersion: 99 })), reason: 'bad_article' },
    { name: 'an article whose file name is not its id', bundle: () => withArticle((json) => json, { name: 'articles/a-99.json' }), reason: 'bad_article' },
    {
      name: 'an article the manifest lists as a file but does not describe',
      bundle: () => withArticleDescribedAs('a-98'),
      reason: 'bad_article',
    },
    // Images.
    {
      name: 'an image whose name is not its SHA-256',
      bundle: () => renamedImage(`assets/${sha256(Buffer.from('khác'))}.png`),
      reason: 'bad_image',
    },
    { name: 'a PNG named as a JPEG (its own SHA-256, the wrong type)', bundle: () => renamedImage(`assets/${sha256(PNG)}.jpg`), reason: 'bad_image' },
    {
      name: 'text named .jpg under its own SHA-256',
      bundle: () => {
        const text = Buffer.from('<svg onload="alert(1)"/> không phải ảnh');
        return withImage(`assets/${sha256(text)}.jpg`, text);
      },
      reason: 'bad_image',
    },
    {
      name: 'JPEG magic bytes and nothing of an image, under its own SHA-256 (only sharp can tell)',
      bundle: () => {
        const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('rác, không phải ảnh JPEG')]);
        return withImage(`assets/${sha256(fake)}.jpg`, fake);
      },
      reason: 'bad_image',
      readerAccepts: true,
    },
    {
      name: 'an article showing a photo in neither the bundle nor the library',
      bundle: () => {
        const p = parts();
        p.files.delete(`assets/${FIGURE}`);
        return pack(p);
      },
      reason: 'missing_entry',
    },
  ];

  /** The good bundle with its PNG under another name (listed under it). */
  function renamedImage(name: string): Buffer {
    const p = parts();
    p.files.delete(`assets/${FIGURE}`);
    p.files.set(name, PNG);
    return pack(p);
  }
  /** The good bundle with one more (listed) image. */
  function withImage(name: string, data: Buffer): Buffer {
    const p = parts();
    p.files.set(name, data);
    return pack(p);
  }
  /** The good bundle whose manifest describes its article under another id. */
  function withArticleDescribedAs(id: string): Buffer {
    return withManifest((m) => ({ ...m, articles: m.articles.map((entry) => ({ ...entry, id })) }));
  }

  it('rebuilt entry by entry (as the hostile ones are), the good bundle is accepted: the corpus differs from it only in its defects', async () => {
    const rebuilt = pack(parts());
    expect(rebuilt.equals(GOOD)).toBe(false);
    const read = await readBundle(rebuilt, () => false);
    expect(read.articles).toEqual([ARTICLE]);
    // …and so is it without the photo, where the library has it.
    const p = parts();
    p.files.delete(`assets/${FIGURE}`);
    expect((await readBundle(pack(p), (assetId) => assetId === FIGURE)).articles).toEqual([ARTICLE]);
  });

  it.each(cases)('$name → $reason', async ({ bundle, reason, readerAccepts }) => {
    const bytes = bundle();
    const read = readBundle(bytes, () => false);
    if (readerAccepts) await expect(read).resolves.toBeDefined();
    else {
      const error = await read.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BundleRefusedError);
      expect((error as BundleRefusedError).reason).toBe(reason);
    }

    await B.whenIdle();
    const before = await dirFingerprint(root);
    const refused = await failure(B.importBundleBytes(bytes));
    expect(refused.code).toBe('bundle_refused');
    expect(refused.message).toMatch(new RegExp(`^${reason}: .+`));
    await B.whenIdle();
    expect(await dirFingerprint(root)).toEqual(before);
  });

  /*
   * More files than BUNDLE_LIMITS.entries (100,000): a real one is 22 MB and takes yauzl some 6–9 s
   * to read entry by entry, too slow for every run — so the limit is lowered for this test (it is
   * read when a bundle is read). Set BUNDLE_FULL_LIMIT=1 to run the real one as well.
   */
  it('refuses a bundle of more files than the limit (too_large), whatever they are', async () => {
    const limits = BUNDLE_LIMITS as { entries: number };
    const real = limits.entries;
    const extra = [OTHER_PNG, JPEG, PNG].map((data, n): RawZipEntry => ({ name: `assets/${String(n).repeat(64)}.png`, data, method: 'store' }));
    const bytes = withEntries(...extra); // 7 files
    try {
      limits.entries = 6;
      await B.whenIdle();
      const before = await dirFingerprint(root);
      const refused = await failure(B.importBundle({ dataBase64: bytes.toString('base64') }));
      expect(refused.code).toBe('bundle_refused');
      expect(refused.message).toMatch(/^too_large: /);
      expect(await dirFingerprint(root)).toEqual(before);
      // At the limit, the same files are read (and refused for what they are).
      limits.entries = 7;
      expect((await failure(B.importBundleBytes(bytes))).message).toMatch(/^unlisted_entry: /);
    } finally {
      limits.entries = real;
    }
  });

  it.runIf(process.env.BUNDLE_FULL_LIMIT === '1')(
    'refuses a bundle of 100,001 files (too_large)',
    async () => {
      const name = (n: number) => `assets/${n.toString(16).padStart(64, '0')}.png`;
      const bytes = writeRawZip(Array.from({ length: BUNDLE_LIMITS.entries + 1 }, (_, n): RawZipEntry => ({ name: name(n), data: Buffer.alloc(0), method: 'store' })));
      const before = await dirFingerprint(root);
      const refused = await failure(B.importBundleBytes(bytes));
      expect(refused.message).toMatch(/^too_large: /);
      expect(await dirFingerprint(root)).toEqual(before);
    },
    120_000,
  );
});
