import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { createDispatcher } from '../../electron/transport/dispatch';
import { bodyToPlainText } from '../../shared/model/body';
import { listFiles, makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';

const ASSET = 'a139788abfabf99fff72d77e7e3a4bcbdcaf73a28f0ade525ca4b45d15b6c872.png';
const fixtures = join(process.cwd(), 'tests/fixtures/articles/v1');

let dir: string;
let library: LibraryService | null = null;
const open = async () => (library = await LibraryService.open({ dataDir: dir, now: () => new Date('2026-11-28T03:00:00Z') }));

/** A library folder holding the format-1 fixture articles and their image, as an older Newsdesk left it. */
async function oldLibrary(): Promise<void> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'assets'), { recursive: true });
  for (const name of ['bai-v1-1.json', 'bai-v1-2.json']) await copyFile(join(fixtures, name), join(dir, 'articles', name));
  await copyFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'), join(dir, 'assets', ASSET));
}

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await library?.dispose();
  library = null;
  await removeDir(dir);
});

describe('a library written by the previous format', () => {
  it('opens with every article, reads them in the current format, and rewrites none of them until they are saved', async () => {
    await oldLibrary();
    const before = await readFile(join(dir, 'articles/bai-v1-1.json'), 'utf8');
    const service = await open();
    expect((await service.listArticles({})).items.map((s) => s.id).sort()).toEqual(['bai-v1-1', 'bai-v1-2']);
    const article = await service.getArticle({ id: 'bai-v1-1' });
    expect(article.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(article.featuredImage?.assetId).toBe(ASSET);
    expect(bodyToPlainText(article.body)).toContain('Trong ảnh: xe qua cầu ngày đầu');
    expect((await service.getArticle({ id: 'bai-v1-2' })).related).toEqual([]);
    await service.whenIdle();
    expect(await readFile(join(dir, 'articles/bai-v1-1.json'), 'utf8')).toBe(before);

    const saved = await service.saveArticle({ id: 'bai-v1-1', baseRevision: article.revision, changes: { sapo: 'Sapo mới.' } });
    const onDisk = JSON.parse(await readFile(join(dir, 'articles/bai-v1-1.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(onDisk.body).toEqual(saved.body);
  });

  it('says what the new format changed in an article, and keeps the original beside it', async () => {
    await oldLibrary();
    const service = await open();
    await service.getArticle({ id: 'bai-v1-1' });
    const { problems } = await service.getAppInfo({});
    const repaired = problems.find((p) => p.file.endsWith('bai-v1-1.json'));
    expect(repaired).toMatchObject({ kind: 'repaired', fields: ['body'], notes: [{ kind: 'misplaced', count: 1 }] });
    expect(await readFile(repaired!.movedTo, 'utf8')).toBe(await readFile(join(fixtures, 'bai-v1-1.json'), 'utf8'));
  });
});

describe('an article file with one bad field', () => {
  it('is repaired and reported once, its original kept beside it; nothing else of it changes', async () => {
    const service = await open();
    const created = await service.createArticle({ headline: 'Giá lúa tăng mạnh', sapo: 'Sapo nguyên vẹn.' });
    await service.dispose();
    library = null;
    const path = join(dir, 'articles', `${created.id}.json`);
    const damaged = { ...JSON.parse(await readFile(path, 'utf8')), tags: 'Nông nghiệp' };
    await writeFile(path, JSON.stringify(damaged), 'utf8');

    const reopened = await open();
    const article = await reopened.getArticle({ id: created.id });
    expect(article).toMatchObject({ headline: 'Giá lúa tăng mạnh', sapo: 'Sapo nguyên vẹn.', tags: [], revision: created.revision });
    await reopened.getArticle({ id: created.id });
    const problems = (await reopened.getAppInfo({})).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'repaired', file: path, fields: ['tags'] });
    expect(JSON.parse(await readFile(problems[0]!.movedTo, 'utf8')).tags).toBe('Nông nghiệp');
    // Still listed, still editable, and saved repaired.
    expect((await reopened.listArticles({})).items.map((s) => s.id)).toEqual([created.id]);
    await reopened.saveArticle({ id: created.id, baseRevision: article.revision, changes: { tags: ['Nông nghiệp'] } });
    expect(JSON.parse(await readFile(path, 'utf8')).tags).toEqual(['Nông nghiệp']);
  });

  it('whose photo’s image has gone from the library is shown with the caption as a paragraph, and saves again', async () => {
    await oldLibrary();
    await rm(join(dir, 'assets', ASSET));
    const service = await open();
    const article = await service.getArticle({ id: 'bai-v1-1' });
    expect(article.featuredImage).toBeNull();
    expect(article.body.content.some((b) => b.type === 'figure')).toBe(false);
    expect(bodyToPlainText(article.body)).toContain('Trong ảnh: xe qua cầu ngày đầu Ảnh: Minh Anh');
    expect((await service.getAppInfo({})).problems[0]).toMatchObject({ kind: 'repaired', notes: expect.arrayContaining([{ kind: 'image', count: 2 }]) });
    await expect(service.saveArticle({ id: 'bai-v1-1', baseRevision: article.revision, changes: { body: article.body } })).resolves.toMatchObject({ revision: article.revision + 1 });
  });
});

describe('through the API, a body the article cannot hold is refused and nothing is written', () => {
  const MISSING = `${'ef'.repeat(32)}.jpg`;
  it.each<[string, Record<string, unknown>]>([
    ['a photo whose image is not in the library', { body: { type: 'doc', content: [{ type: 'figure', attrs: { assetId: MISSING, alt: '', caption: 'Chú thích', credit: '' } }] } }],
    ['a featured photo whose image is not in the library', { featuredImage: { assetId: MISSING, caption: '', credit: '', alt: '' } }],
    ['a block Newsdesk does not know', { body: { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }] } }],
    ['a mark Newsdesk does not know', { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] } }],
    ['a heading level out of range', { body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] } }],
    ['a list starting below zero', { body: { type: 'doc', content: [{ type: 'orderedList', attrs: { start: -1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] } }],
    ['a list item of two paragraphs', { body: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, { type: 'paragraph' }] }] }] } }],
  ])('%s', async (_what, changes) => {
    const service = await open();
    const dispatch = createDispatcher(service);
    const created = await service.createArticle({ headline: 'Tin' });
    await service.whenIdle();
    const before = await snapshotDir(dir);
    expect(await dispatch('saveArticle', { id: created.id, baseRevision: created.revision, changes })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('createArticle', { headline: 'Tin khác', ...(changes.body ? { body: changes.body } : {}) })).toMatchObject(
      changes.body ? { ok: false, error: { code: 'invalid_input' } } : { ok: true },
    );
    if (!changes.body) return;
    await service.whenIdle();
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await listFiles(join(dir, 'articles'))).length).toBe(1);
  });
});
