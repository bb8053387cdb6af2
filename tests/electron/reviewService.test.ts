import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../electron/library/errors';
import { LibraryService } from '../../electron/library/LibraryService';
import type { CallContext } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { bodyToPlainText, bodyWordCount, type BodyDoc } from '../../shared/model/body';
import type { CommentMessage, CommentThread } from '../../shared/review/comments';
import type { Profile } from '../../shared/review/people';
import { bodyAsAccepted, bodyAsRejected, type SuggestionInfo } from '../../shared/review/suggestions';
import { countWords } from '../../shared/text/vietnamese';
import { makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

/*
 * Comments and suggested edits through the real service, on a library in a temporary folder
 * with profiles: who may write what in whose name, what is kept of who made which suggestion,
 * and that neither comments nor pending suggestions reach a page, a count or a publication.
 */

let dir: string;
let dataDir: string;
let library: LibraryService;
let counter = 0;

const PROFILES: Profile[] = [
  { id: 'thu-ha', name: 'Thu Hà', initials: 'TH', role: 'chief_editor' },
  { id: 'quoc-huy', name: 'Quốc Huy', initials: 'QH', role: 'section_editor' },
  { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' },
];
const as = (profileId: string): CallContext => ({ profileId });
const CHIEF = as('thu-ha');
const EDITOR = as('quoc-huy');
const REPORTER = as('minh-anh');

const open = () => LibraryService.open({ dataDir, newId: () => `bai-${++counter}` });

beforeEach(async () => {
  dir = await makeTempDir();
  dataDir = join(dir, 'library');
  library = await open();
  await library.saveSettings({ changes: { profiles: PROFILES } }, {});
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).code;
}

const AT = '2026-11-28T09:00:00+07:00';
const LATER = '2026-11-28T10:00:00+07:00';
const HEADLINE = 'Giá lúa tăng mạnh ở Cần Thơ';
const COMMENT_TEXT = 'Nguồn số liệu giá lúa là ai? Cần ghi rõ.';
const PENDING = 'nếp thơm';

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const ins = (id: string) => ({ type: 'insertion', attrs: { id } });
const del = (id: string) => ({ type: 'deletion', attrs: { id } });
const body = (...paragraphs: Json[][]): BodyDoc => ({ type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', content })) }) as BodyDoc;

const PLAIN = body([text('Giá lúa tăng mạnh trong tuần qua.')], [text('Nông dân phấn khởi.')]);
/** Minh Anh's pending insertion and Quốc Huy's pending deletion. */
const SUGGESTED = body([text('Giá lúa '), text(`${PENDING} `, [ins('minh-anh:1')]), text('tăng '), text('mạnh ', [del('quoc-huy:1')]), text('trong tuần qua.')], [text('Nông dân phấn khởi.')]);

const message = (id: string, profileId: string, name: string, value = COMMENT_TEXT): CommentMessage => ({ id, by: name, profileId, at: AT, text: value });
const comment = (messages: CommentMessage[], resolved: CommentThread['resolved'] = null): CommentThread => ({
  id: 'c-1',
  anchor: { from: 1, to: 8 },
  quote: 'Giá lúa',
  messages,
  resolved,
});
const info = (id: string, profileId: string, name: string): SuggestionInfo => ({ id, by: name, profileId, at: AT });

const fromEditor = message('m-1', 'quoc-huy', 'Quốc Huy');

async function draft(changes: Record<string, unknown> = {}): Promise<Article> {
  const created = await library.createArticle({ headline: HEADLINE, byline: 'Minh Anh', sapo: 'Giá lúa tươi tăng từ đầu tuần.' }, REPORTER);
  return Object.keys(changes).length ? library.saveArticle({ id: created.id, baseRevision: created.revision, changes }, REPORTER) : created;
}

/** The article with the editor's comment on it. */
async function commented(): Promise<Article> {
  const article = await draft({ body: PLAIN });
  return library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [comment([fromEditor])] } }, EDITOR);
}

describe('comments are written and resolved only in one’s own name', () => {
  it('refuses a reporter’s message in the editor’s name, and changes nothing on disk', async () => {
    const article = await commented();
    // Once what was saved is all written (library.json is rewritten a little after a save).
    await library.whenIdle();
    const before = await snapshotDir(dataDir);
    const forged = comment([fromEditor, message('m-2', 'quoc-huy', 'Quốc Huy', 'Đã duyệt, đăng ngay.')]);
    // Along with a change of text: the whole save is refused.
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [forged], sapo: 'Khác.' } }, REPORTER))).toBe('forbidden');
    // A new thread in the editor's name, and a resolution in the editor's name.
    const other = { ...comment([message('m-9', 'quoc-huy', 'Quốc Huy')]), id: 'c-2' };
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [comment([fromEditor]), other] } }, REPORTER))).toBe('forbidden');
    const resolved = comment([fromEditor], { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' });
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [resolved] } }, REPORTER))).toBe('forbidden');
    await library.whenIdle();
    expect(await snapshotDir(dataDir)).toEqual(before);
    expect(await library.getArticle({ id: article.id })).toEqual(article);
  });

  it('saves a reply and a resolution in one’s own name, and reads them back from disk', async () => {
    const article = await commented();
    const reply = message('m-2', 'minh-anh', 'Minh Anh', 'Số liệu của Sở Nông nghiệp, đã ghi rõ.');
    const thread = comment([fromEditor, reply], { at: LATER, by: 'Minh Anh', profileId: 'minh-anh' });
    const saved = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments: [thread] } }, REPORTER);
    expect(saved.comments).toEqual([thread]);
    // From disk: a library opened again.
    await library.dispose();
    library = await open();
    expect((await library.getArticle({ id: article.id })).comments).toEqual([thread]);
    const file = JSON.parse(await readFile(join(dataDir, 'articles', `${article.id}.json`), 'utf8')) as Article;
    expect(file.comments).toEqual([thread]);
  });

  it('refuses rewriting or removing a message already written, another name shown, and a call that names no profile', async () => {
    const article = await commented();
    const save = (comments: CommentThread[], context: object) => refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { comments } }, context));
    expect(await save([comment([{ ...fromEditor, text: 'Không cần nguồn.' }])], REPORTER)).toBe('forbidden');
    expect(await save([], REPORTER)).toBe('forbidden');
    expect(await save([comment([fromEditor, { ...message('m-2', 'minh-anh', 'Quốc Huy'), text: 'Đăng ngay.' }])], REPORTER)).toBe('forbidden');
    // No profile, or one the library does not have: nothing in anyone's name.
    expect(await save([comment([fromEditor, message('m-2', 'quoc-huy', 'Quốc Huy')])], {})).toBe('forbidden');
    expect(await save([comment([fromEditor], { at: LATER, by: 'Thu Hà', profileId: 'nobody' })], { profileId: 'nobody' })).toBe('forbidden');
    expect((await library.getArticle({ id: article.id })).comments).toEqual([comment([fromEditor])]);
  });

  it('lets anyone reopen a thread and leave others’ messages as they are', async () => {
    const article = await commented();
    const resolved = await library.saveArticle(
      { id: article.id, baseRevision: article.revision, changes: { comments: [comment([fromEditor], { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' })] } },
      EDITOR,
    );
    const reopened = await library.saveArticle({ id: article.id, baseRevision: resolved.revision, changes: { comments: [comment([fromEditor])] } }, REPORTER);
    expect(reopened.comments).toEqual([comment([fromEditor])]);
  });
});

describe('who made which suggestion', () => {
  it('refuses info entries in someone else’s name', async () => {
    const article = await draft();
    // Once what was saved is all written (library.json is rewritten a little after a save).
    await library.whenIdle();
    const before = await snapshotDir(dataDir);
    const theirs = body([text('Giá lúa '), text('tăng', [ins('quoc-huy:1')])]);
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: theirs, suggestions: [info('quoc-huy:1', 'quoc-huy', 'Quốc Huy')] } }, REPORTER))).toBe(
      'forbidden',
    );
    // The id in one's own name but the entry in the other's, and the other way round.
    const mine = body([text('Giá lúa '), text('tăng', [ins('minh-anh:1')])]);
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: mine, suggestions: [info('minh-anh:1', 'quoc-huy', 'Quốc Huy')] } }, REPORTER))).toBe('forbidden');
    expect(await refused(library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: theirs, suggestions: [info('quoc-huy:1', 'minh-anh', 'Minh Anh')] } }, REPORTER))).toBe('forbidden');
    await library.whenIdle();
    expect(await snapshotDir(dataDir)).toEqual(before);
    const saved = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: mine, suggestions: [info('minh-anh:1', 'minh-anh', 'Minh Anh')] } }, REPORTER);
    expect(saved.suggestions).toEqual([info('minh-anh:1', 'minh-anh', 'Minh Anh')]);
  });

  it('keeps others’ entries a save carries on, and drops those of suggestions no longer in the body', async () => {
    const article = await draft();
    const both = [info('minh-anh:1', 'minh-anh', 'Minh Anh'), info('minh-anh:2', 'minh-anh', 'Minh Anh')];
    const first = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: SUGGESTED, suggestions: both } }, REPORTER);
    // minh-anh:2 is in no mark of the body: not kept.
    expect(first.suggestions).toEqual([both[0]]);
    const editors = [...first.suggestions, info('quoc-huy:1', 'quoc-huy', 'Quốc Huy')];
    const second = await library.saveArticle({ id: article.id, baseRevision: first.revision, changes: { suggestions: editors } }, EDITOR);
    expect(second.suggestions).toEqual(editors);
    // The reporter's next save carries the editor's entry on unchanged: allowed.
    const third = await library.saveArticle({ id: article.id, baseRevision: second.revision, changes: { sapo: 'Giá lúa tươi tăng.', suggestions: editors } }, REPORTER);
    expect(third.suggestions).toEqual(editors);
    // The editor accepts Minh Anh's insertion (a body change only): its entry goes, the other stays.
    const accepted = body([text('Giá lúa nếp thơm tăng '), text('mạnh ', [del('quoc-huy:1')]), text('trong tuần qua.')], [text('Nông dân phấn khởi.')]);
    const fourth = await library.saveArticle({ id: article.id, baseRevision: third.revision, changes: { body: accepted } }, EDITOR);
    expect(fourth.suggestions).toEqual([editors[1]]);
    const fifth = await library.saveArticle({ id: article.id, baseRevision: fourth.revision, changes: { body: bodyAsAccepted(accepted) } }, EDITOR);
    expect(fifth.suggestions).toEqual([]);
    expect((await library.getArticle({ id: article.id })).suggestions).toEqual([]);
  });
});

describe('pending suggestions and publishing', () => {
  it('refuses to publish while the body holds a suggestion (whatever the settings), and publishes once it is accepted', async () => {
    await library.saveSettings({ changes: { checklist: { ...(await library.getSettings({})).checklist, severities: { suggestions: 'off' } } } }, CHIEF);
    const article = await draft({ body: SUGGESTED, suggestions: [info('minh-anh:1', 'minh-anh', 'Minh Anh')] });
    const approved = await moveTo(library, await library.setStatus({ id: article.id, baseRevision: article.revision, status: 'submitted' }, REPORTER), 'approved', EDITOR);
    expect(approved.status).toBe('approved');
    const checklist = await library.getChecklist({ id: article.id });
    expect(checklist.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['suggestions']);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: approved.revision, status: 'published' }, EDITOR))).toBe('checklist_failed');
    expect(await library.getArticle({ id: article.id })).toMatchObject({ status: 'approved', revision: approved.revision, publishedAt: null });
    // Accepting one of the two is not enough.
    const half = await library.saveArticle({ id: article.id, baseRevision: approved.revision, changes: { body: body([text(`Giá lúa ${PENDING} tăng `), text('mạnh ', [del('quoc-huy:1')]), text('trong tuần qua.')], [text('Nông dân phấn khởi.')]) } }, EDITOR);
    expect(await refused(library.setStatus({ id: article.id, baseRevision: half.revision, status: 'published' }, EDITOR))).toBe('checklist_failed');
    const accepted = await library.saveArticle({ id: article.id, baseRevision: half.revision, changes: { body: bodyAsAccepted(SUGGESTED) } }, EDITOR);
    expect(bodyToPlainText(accepted.body)).toBe(`Giá lúa ${PENDING} tăng trong tuần qua.\nNông dân phấn khởi.`);
    const published = await library.setStatus({ id: article.id, baseRevision: accepted.revision, status: 'published' }, EDITOR);
    expect(published).toMatchObject({ status: 'published', suggestions: [] });
  });

  it('open comments do not stop publishing', async () => {
    const article = await commented();
    const published = await moveTo(library, article, 'published', EDITOR);
    expect(published.status).toBe('published');
    expect((await library.getChecklist({ id: article.id })).findings.map((f) => [f.rule, f.severity])).toContainEqual(['comments', 'warning']);
  });
});

describe('what pages and counts read', () => {
  const rejected = bodyAsRejected(SUGGESTED);

  it('reads the body as if every pending suggestion were rejected', () => {
    expect(bodyToPlainText(rejected)).toBe('Giá lúa tăng mạnh trong tuần qua.\nNông dân phấn khởi.');
  });

  it('an exported page has neither the comments nor the pending inserted text, and keeps the text suggested out', async () => {
    const article = await commented();
    const saved = await library.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: SUGGESTED, suggestions: [info('minh-anh:1', 'minh-anh', 'Minh Anh')] } }, REPORTER);
    expect(saved.comments).toHaveLength(1);
    const out = join(dir, 'mot-bai');
    await library.exportArticleFolder({ id: article.id, outDir: out }, EDITOR);
    const html = await readFile(join(out, `${saved.slug}.html`), 'utf8');
    expect(html).toContain('<p>Giá lúa tăng mạnh trong tuần qua.</p>');
    expect(html).not.toContain(PENDING);
    expect(html).not.toContain('Nguồn số liệu');
    const shown = /<div class="body">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(shown).toBe('\n<p>Giá lúa tăng mạnh trong tuần qua.</p>\n<p>Nông dân phấn khởi.</p>\n');
    expect(html).not.toMatch(/<ins|<del|data-suggestion|comment-anchor|minh-anh:1|quoc-huy:1/);
  });

  it('a published page stays as published when an editor saves a pending suggestion into it', async () => {
    const article = await commented();
    const published = await moveTo(library, article, 'published', EDITOR);
    await library.saveArticle({ id: article.id, baseRevision: published.revision, changes: { body: SUGGESTED, suggestions: [] } }, EDITOR);
    const site = join(dir, 'site');
    await library.exportSite({ outDir: site });
    const page = await readFile(join(site, `${published.slug}.html`), 'utf8');
    expect(page).toContain('<p>Giá lúa tăng mạnh trong tuần qua.</p>');
    expect(page).not.toContain(PENDING);
    expect(page).not.toContain('Nguồn số liệu');
  });

  it('counts the words of the body as if its suggestions were rejected', async () => {
    const article = await draft({ body: SUGGESTED, suggestions: [info('minh-anh:1', 'minh-anh', 'Minh Anh')] });
    const expected = countWords(article.headline) + countWords(article.sapo) + bodyWordCount(rejected);
    expect(bodyWordCount(rejected)).toBe(11);
    expect(bodyWordCount(bodyAsAccepted(SUGGESTED))).toBe(12);
    const { items } = await library.listArticles({ view: 'active', sort: 'updated' });
    expect(items.find((item) => item.id === article.id)?.wordCount).toBe(expected);
    // The catalog read again from disk counts the same.
    await library.dispose();
    library = await open();
    expect((await library.listArticles({ view: 'active', sort: 'updated' })).items.find((item) => item.id === article.id)?.wordCount).toBe(expected);
  });
});
