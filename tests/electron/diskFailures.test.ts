/**
 * Failures of the disk (issue 12): a library folder that may not be written (EACCES/EPERM), a
 * full disk (ENOSPC) and a file held by another program (EBUSY, or EPERM on Windows) each make a
 * save fail with `storage_error`, saying which, and leave every file of the library exactly as it
 * was; once the disk allows, the same save succeeds. The failures are injected through the test
 * hook of electron/library/atomicFile.ts (tests run as root, for whom chmod makes nothing
 * unwritable). Also: a missing or damaged library.json is rebuilt from the article files.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { plainTextToBody } from '../../shared/model/body';
import { resources } from '../../shared/i18n';
import { failWritesWith, setWriteFault, type WriteFault, type WriteStep } from '../../electron/library/atomicFile';
import { LibraryService } from '../../electron/library/LibraryService';
import { dispatch } from '../../electron/transport/dispatch';
import type { StorageFailure } from '../../electron/library/errors';
import { listFiles, makeTempDir, removeDir } from '../helpers/tempDir';
import { folderBytes, tempFiles } from '../helpers/diskFaults';

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
  setWriteFault(null);
  await removeDir(dir);
});

const BODY = 'Sáng 27/11, UBND quận Bình Thủy tổ chức hội nghị tổng kết phong trào học tập suốt đời.';
const MORE = 'Ông Nguyễn Văn Đức, Chủ tịch UBND quận, phát biểu tại hội nghị.';

/** A library with an article saved a few times (a named version among them), quiet on disk. */
async function libraryWithArticle(): Promise<{ library: LibraryService; article: Article }> {
  const library = await open();
  const created = await library.createArticle({ headline: 'Bình Thủy đẩy mạnh việc học tập', sapo: 'Sapo của bài.' });
  const named = await library.saveArticle({ id: created.id, baseRevision: 1, snapshot: true, label: 'Bản đầu', changes: { body: plainTextToBody(BODY) } });
  const article = await library.saveArticle({ id: created.id, baseRevision: named.revision, changes: { tags: ['Giáo dục'] } });
  await library.whenIdle();
  return { library, article };
}

const save = (library: LibraryService, article: Article, snapshot = false) =>
  dispatch(library, 'saveArticle', {
    id: article.id,
    baseRevision: article.revision,
    ...(snapshot ? { snapshot: true, label: 'Bản có thêm đoạn' } : {}),
    changes: { body: plainTextToBody(`${BODY}\n\n${MORE}`) },
  }) as Promise<Result<Article>>;

const expectStorageFailure = (result: Result<Article>, failure: StorageFailure): ApiError => {
  expect(result.ok).toBe(false);
  const error = (result as { error: ApiError }).error;
  expect(error.code).toBe('storage_error');
  expect(error.message.startsWith(`${failure}: `), error.message).toBe(true);
  return error;
};

const cases: Array<{ name: string; errno: string; step?: WriteStep; failure: StorageFailure }> = [
  { name: 'a library folder that may not be written', errno: 'EACCES', failure: 'no_permission' },
  { name: 'a library folder that may not be written', errno: 'EPERM', failure: 'no_permission' },
  { name: 'a full disk', errno: 'ENOSPC', failure: 'disk_full' },
  { name: 'a file locked by another program', errno: 'EBUSY', failure: 'file_locked' },
  { name: 'a file locked by another program (as on Windows)', errno: 'EPERM', step: 'rename', failure: 'file_locked' },
];

describe('a save the disk refuses', () => {
  for (const { name, errno, step, failure } of cases) {
    for (const snapshot of [false, true]) {
      it(`${name} (${errno}${step ? ` at ${step}` : ''}): ${snapshot ? 'a named version' : 'an autosave'} fails with storage_error, changes no file, and succeeds once the disk allows`, async () => {
        const { library, article } = await libraryWithArticle();
        const before = await folderBytes(dir);

        setWriteFault(failWritesWith(errno, step));
        const error = expectStorageFailure(await save(library, article, snapshot), failure);
        expect(error.message).toContain(errno);
        // Nothing changed: the article file, library.json and its journal, the revisions; no temporary file is left.
        expect(await folderBytes(dir)).toEqual(before);
        expect(await tempFiles(dir)).toEqual([]);
        // The library still reads the article as it was saved.
        expect(await library.getArticle({ id: article.id })).toEqual(article);

        setWriteFault(null);
        const saved = await save(library, article, snapshot);
        expect(saved.ok, JSON.stringify(saved)).toBe(true);
        const written = JSON.parse(await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8')) as Article;
        expect(written.revision).toBe(article.revision + 1);
        expect(written.body).toEqual(plainTextToBody(`${BODY}\n\n${MORE}`));
        const history = await library.listRevisions({ id: article.id });
        expect(history.entries.some((entry) => entry.revision === article.revision + 1)).toBe(snapshot);
        await library.whenIdle();
        expect(await tempFiles(dir)).toEqual([]);
        await library.dispose();
      });
    }
  }

  it('a named version whose snapshot is written but whose article file is locked leaves neither (the snapshot is taken back, the journal cut back)', async () => {
    const { library, article } = await libraryWithArticle();
    const before = await folderBytes(dir);
    const articleFileOnly: WriteFault = (step, path) => (step === 'rename' && path.includes(`${join(dir, 'articles')}`) ? 'EBUSY' : null);
    setWriteFault(articleFileOnly);
    expectStorageFailure(await save(library, article, true), 'file_locked');
    expect(await folderBytes(dir)).toEqual(before);
    setWriteFault(null);
    expect((await save(library, article, true)).ok).toBe(true);
    await library.dispose();
  });

  it('keeps refusing while the disk is full, then takes the latest text; the catalog and a reopened library agree', async () => {
    const { library, article } = await libraryWithArticle();
    const before = await folderBytes(dir);
    setWriteFault(failWritesWith('ENOSPC'));
    for (let i = 0; i < 3; i++) expectStorageFailure(await save(library, article), 'disk_full');
    expect(await folderBytes(dir)).toEqual(before);
    setWriteFault(null);
    expect((await save(library, article)).ok).toBe(true);
    expect((await library.listArticles({})).items.map((s) => [s.id, s.revision])).toEqual([[article.id, article.revision + 1]]);
    await library.dispose();
    const reopened = await open();
    expect((await reopened.getArticle({ id: article.id })).body).toEqual(plainTextToBody(`${BODY}\n\n${MORE}`));
    expect((await reopened.listArticles({})).items.map((s) => s.revision)).toEqual([article.revision + 1]);
    await reopened.dispose();
  });

  it('says which failure it is in the user’s language: Vietnamese by default, English on request', async () => {
    // As the editor's save state words it (renderer/components/EditorView.tsx, SaveIndicator), from
    // the failure the message starts with (renderer/hooks/useArticleDraft.ts, storageFailureOf).
    const t = async (language: 'vi' | 'en', error: ApiError) => {
      const i18n = i18next.createInstance();
      await i18n.init({ resources, lng: language, interpolation: { escapeValue: false } });
      const failure = /^(no_permission|disk_full|file_locked|disk_error):/.exec(error.message)![1] as StorageFailure;
      const reason = { no_permission: 'noPermission', disk_full: 'diskFull', file_locked: 'fileLocked', disk_error: 'diskError' }[failure];
      return i18n.t('errors.storageUnsaved', { reason: i18n.t(`errors.storageReason.${reason}`, { detail: error.message }) });
    };
    const errors: Partial<Record<StorageFailure, ApiError>> = {};
    for (const { errno, step, failure } of cases) {
      const { library, article } = await libraryWithArticle();
      setWriteFault(failWritesWith(errno, step));
      errors[failure] = expectStorageFailure(await save(library, article), failure);
      setWriteFault(null);
      await library.dispose();
      await removeDir(dir);
      dir = await makeTempDir();
    }
    expect(await t('vi', errors.disk_full!)).toBe('Không ghi được vào thư mục thư viện: ổ đĩa đầy. Bài vẫn còn trong trình soạn thảo và sẽ được lưu lại ngay khi ghi được.');
    expect(await t('vi', errors.no_permission!)).toContain('không có quyền ghi vào thư mục');
    expect(await t('vi', errors.file_locked!)).toContain('đang bị một chương trình khác giữ');
    expect(await t('en', errors.disk_full!)).toBe('Could not write to the library folder: the disk is full. The article is still in the editor and will be saved as soon as the disk allows.');
    // Any other error of the disk is still one, with its detail.
    const { library, article } = await libraryWithArticle();
    setWriteFault(failWritesWith('EIO'));
    const other = expectStorageFailure(await save(library, article), 'disk_error');
    setWriteFault(null);
    expect(await t('vi', other)).toContain('ổ đĩa báo lỗi (disk_error: the disk reported an error (EIO: injected by a test, write');
    await library.dispose();
  });
});

describe('a missing or damaged library.json', () => {
  /** Three articles with text, the library closed; returns them as saved. */
  async function closedLibrary(): Promise<Article[]> {
    const library = await open();
    const articles: Article[] = [];
    for (const [headline, text] of [
      ['Một tin về giáo dục', BODY],
      ['Hai tin về thể thao', MORE],
      ['Ba tin trong thùng rác', 'Đoạn văn của bài đã bỏ.'],
    ] as const) {
      const created = await library.createArticle({ headline, sapo: `Sapo: ${headline}` });
      articles.push(await library.saveArticle({ id: created.id, baseRevision: 1, changes: { body: plainTextToBody(text), tags: ['Cần Thơ'] } }));
    }
    await library.trashArticle({ id: articles[2]!.id });
    articles[2] = await library.getArticle({ id: articles[2]!.id });
    await library.dispose();
    return articles;
  }

  const damages: Array<[string, (raw: string) => string | null]> = [
    ['deleted', () => null],
    ['garbage', () => '\u0000\u0001 không phải JSON'],
    ['truncated JSON', (raw) => raw.slice(0, Math.floor(raw.length / 2))],
    ['empty', () => ''],
  ];

  for (const [damage, make] of damages) {
    it(`is rebuilt from the article files with nothing lost (${damage})`, async () => {
      const articles = await closedLibrary();
      const path = join(dir, 'library.json');
      const damaged = make(await readFile(path, 'utf8'));
      if (damaged === null) await rm(path);
      else await writeFile(path, damaged, 'utf8');

      const reopened = await open();
      const listed = [...(await reopened.listArticles({})).items, ...(await reopened.listArticles({ view: 'trash' })).items];
      expect(listed.map((s) => s.id).sort()).toEqual(articles.map((a) => a.id).sort());
      for (const article of articles) {
        expect(await reopened.getArticle({ id: article.id })).toEqual(article);
        expect(listed.find((s) => s.id === article.id)).toMatchObject({ headline: article.headline, revision: article.revision, trashedAt: article.trashedAt });
      }
      // A damaged file is kept beside the rebuilt one, never thrown away.
      if (damaged !== null) expect((await listFiles(dir)).some((file) => file.startsWith('library.json.corrupt-'))).toBe(true);
      await reopened.whenIdle();
      expect(JSON.parse(await readFile(path, 'utf8')).catalog).toHaveLength(3);
      await reopened.dispose();
    });
  }
});
