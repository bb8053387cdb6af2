import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSET_TEMP_FILE } from '../../electron/library/assets';
import { LibraryService } from '../../electron/library/LibraryService';
import { REVISION_TEMP_FILE } from '../../electron/library/revisionStore';
import { listFiles, makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';

/**
 * Issue 12, item 5: a write killed half-way leaves its temporary file (electron/library/atomicFile.ts
 * names them `.tmp-<12 hex>-<file>`) beside its target, in an article's revisions/ folder or in
 * assets/. The next opening removes them — only those, never a file that merely looks alike.
 */

let dir: string;
let counter = 0;
const open = () => LibraryService.open({ dataDir: dir, newId: () => `article-${++counter}` });
const png = () => readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
/** What a kill leaves: the lock of a process that is gone. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
const leaveLockOfKilledProcess = () => writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: deadPid, host: hostname(), at: new Date().toISOString() }));

beforeEach(async () => {
  dir = await makeTempDir();
  counter = 0;
});
afterEach(async () => {
  await removeDir(dir);
});

/** A library with two articles with snapshots, and an image. */
async function libraryWithHistory(): Promise<{ ids: string[]; assetId: string }> {
  const library = await open();
  const ids: string[] = [];
  for (const headline of ['Cần Thơ mưa lớn', 'Giá lúa tăng']) {
    const article = await library.createArticle({ headline });
    await library.saveArticle({ id: article.id, baseRevision: 1, changes: { sapo: 'Bản gửi thư ký' }, snapshot: true, label: 'Bản một' });
    ids.push(article.id);
  }
  const { assetId } = await library.importAsset({ fileName: 'cau.png', dataBase64: (await png()).toString('base64') });
  await library.dispose();
  return { ids, assetId };
}

const tmp = (hex: string, name: string) => `.tmp-${hex}-${name}`;

describe('temporary files of writes a kill interrupted', () => {
  it('are removed from every article folder of revisions/ and from assets/ when the library opens after the kill, and nothing else is', async () => {
    const { ids, assetId } = await libraryWithHistory();
    const sha = assetId.slice(0, 64);
    const ours = [
      // Snapshots and history files of each article, as the kill left them.
      ...ids.flatMap((id) => [
        join('revisions', id, tmp('0123456789ab', '2.json')),
        join('revisions', id, tmp('fedcba987654', '3.json')),
        join('revisions', id, tmp('00ff00ff00ff', 'history.json')),
      ]),
      // Images of every type, the one already there and new ones.
      ...['jpg', 'png', 'webp', 'gif'].map((ext, i) => join('assets', tmp(`a1b2c3d4e5f${i}`, `${i ? 'b'.repeat(64) : sha}.${ext}`))),
    ];
    const notOurs = [
      ...ids.flatMap((id) => [
        join('revisions', id, '.tmp-ghi-chu.txt'),
        join('revisions', id, tmp('0123456789AB', '2.json')),
        join('revisions', id, tmp('0123456789ab', '2.json.bak')),
        join('revisions', id, tmp('0123456789a', '2.json')),
        join('revisions', id, 'ghi-chu.txt'),
      ]),
      join('assets', '.tmp-anh.png'),
      join('assets', tmp('a1b2c3d4e5f6', 'anh-cua-toi.png')),
      join('assets', tmp('a1b2c3d4e5f6', `${sha}.svg`)),
      join('assets', 'ghi-chu.txt'),
    ];
    for (const file of [...ours, ...notOurs]) await writeFile(join(dir, file), '{"cut sh');
    for (const file of ours) expect(file.startsWith('assets') ? ASSET_TEMP_FILE.test(file.slice(7)) : REVISION_TEMP_FILE.test(file.split('/').at(-1)!), file).toBe(true);
    for (const file of notOurs) expect(file.startsWith('assets') ? ASSET_TEMP_FILE.test(file.slice(7)) : REVISION_TEMP_FILE.test(file.split('/').at(-1)!), file).toBe(false);
    await leaveLockOfKilledProcess();
    const before = await snapshotDir(dir);

    const library = await open();
    const after = await listFiles(dir);
    for (const file of ours) expect(after, `${file} is left`).not.toContain(file);
    for (const file of notOurs) expect(after, `${file} was removed`).toContain(file);
    // Everything else is as it was (the lock, now ours, aside).
    const untouched = Object.keys(before).filter((file) => !ours.includes(file) && file !== 'library.lock');
    const now = await snapshotDir(dir);
    for (const file of untouched) expect(now[file], file).toBe(before[file]);

    // The library works on: its history and its images are what they were.
    for (const id of ids) expect((await library.listRevisions({ id })).entries.map((entry) => entry.revision).sort()).toEqual([1, 2]);
    expect((await library.getImageInfo({ assetIds: [assetId] })).images[assetId]).toBeTruthy();
    await library.dispose();
  });

  it('are removed from assets/ at every opening (one folder, read anyway)', async () => {
    const { assetId } = await libraryWithHistory();
    const file = join('assets', tmp('0123456789ab', assetId));
    await writeFile(join(dir, file), 'half an image');
    const library = await open();
    expect(await listFiles(dir)).not.toContain(file);
    await library.dispose();
  });
});
