import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { createDispatcher } from '../../electron/transport/dispatch';
import { folderDialogOptions } from '../../electron/shell/folderDialog';
import { makeTempDir, removeDir } from '../helpers/tempDir';

let dir: string;
let service: LibraryService;
let call: ReturnType<typeof createDispatcher>;

beforeEach(async () => {
  dir = await makeTempDir();
  service = await LibraryService.open({ dataDir: join(dir, 'thu-vien') });
  call = createDispatcher(service);
  for (const name of ['Xuất bản', 'archive', '.an', 'Ảnh']) await mkdir(join(dir, name));
  await writeFile(join(dir, 'ghi-chu.txt'), 'không phải thư mục', 'utf8');
});
afterEach(async () => {
  await service.dispose();
  await removeDir(dir);
});

describe('choosing a folder to export into, through the web host', () => {
  it('lists a folder’s subfolders by name, in Vietnamese order, without files or hidden folders', async () => {
    const result = await call('listFolders', { path: dir });
    expect(result).toMatchObject({ ok: true, value: { path: dir, parent: join(dir, '..') } });
    const listed = (result as { value: { folders: Array<{ name: string; path: string }> } }).value.folders;
    expect(listed.map((f) => f.name)).toEqual(['Ảnh', 'archive', 'thu-vien', 'Xuất bản']);
    expect(listed[0]!.path).toBe(join(dir, 'Ảnh'));
  });

  it('offers the home folder, the library’s folder and the disk, and the folders exported into, most recent first', async () => {
    const places = async () => ((await call('listFolders', {})) as { value: { places: Array<{ kind: string; path: string }> } }).value.places;
    expect((await places()).map((p) => p.kind)).toEqual(['home', 'library', 'root']);
    expect((await places()).find((p) => p.kind === 'library')!.path).toBe(dir);
    const article = await service.createArticle({ headline: 'Tin' });
    for (const name of ['Xuất bản', 'archive']) {
      expect(await call('exportArticleFolder', { id: article.id, outDir: join(dir, name, 'bai') })).toMatchObject({ ok: true });
    }
    expect((await places()).filter((p) => p.kind === 'recent').map((p) => p.path)).toEqual([join(dir, 'archive', 'bai'), join(dir, 'Xuất bản', 'bai')]);
    // With no folder asked for, the chooser opens where the last export went.
    expect(await call('listFolders', {})).toMatchObject({ ok: true, value: { path: join(dir, 'archive', 'bai') } });
    // A bulk export, each article into a folder of its own inside the one chosen: that one is remembered, once.
    const other = await service.createArticle({ headline: 'Tin khác' });
    for (const [id, name] of [[article.id, 'tin'], [other.id, 'tin-khac']] as const) {
      expect(await call('exportArticleFolder', { id, outDir: join(dir, 'Ảnh', name), rememberParent: true })).toMatchObject({ ok: true });
    }
    expect((await places()).filter((p) => p.kind === 'recent').map((p) => p.path)).toEqual([join(dir, 'Ảnh'), join(dir, 'archive', 'bai'), join(dir, 'Xuất bản', 'bai')]);
  });

  it('creates a folder, and refuses names that are not one folder’s name', async () => {
    expect(await call('createFolder', { parent: dir, name: 'Bản in số 1' })).toEqual({ ok: true, value: { path: join(dir, 'Bản in số 1') } });
    expect(((await call('listFolders', { path: dir })) as { value: { folders: Array<{ name: string }> } }).value.folders.map((f) => f.name)).toContain('Bản in số 1');
    for (const name of ['', '  ', '.', '..', 'a/b', '..\\x', 'Ảnh']) {
      expect(await call('createFolder', { parent: dir, name }), name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await call('createFolder', { parent: join(dir, 'khong-co'), name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('says so, as data, for a folder that is not there or a file', async () => {
    expect(await call('listFolders', { path: join(dir, 'khong-co') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('listFolders', { path: join(dir, 'ghi-chu.txt') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the system folder dialog (Electron)', () => {
  it('takes only a title and a folder to start in from the page', () => {
    expect(folderDialogOptions({ title: 'Chọn thư mục', defaultPath: '/home/a', properties: ['openFile'], x: 1 })).toEqual({ title: 'Chọn thư mục', defaultPath: '/home/a' });
    expect(folderDialogOptions({ title: 'x'.repeat(500), defaultPath: 'a\0b' })).toEqual({ title: 'x'.repeat(200) });
    expect(folderDialogOptions('không phải đối tượng')).toEqual({ title: '' });
  });
});
