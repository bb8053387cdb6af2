import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(async () => {
  // The CLI runs from the build, as `npm run export` does.
  expect(spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'ignore' }).status).toBe(0);
  dir = await makeTempDir();
  const library = await LibraryService.open({ dataDir: join(dir, 'library') });
  const created = await library.createArticle({ headline: 'Tin xuất bằng dòng lệnh', byline: 'Minh Anh' });
  await moveTo(library, created, 'published');
  await library.dispose();
}, 120_000);
afterAll(async () => {
  await removeDir(dir);
});

const run = (args: string[]) => spawnSync(process.execPath, ['dist/electron/export.cjs', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run export speaks both languages', () => {
  it('says, in Vietnamese and in English, what it exported and what is missing', () => {
    const result = run(['--data-dir', join(dir, 'library'), '--out', join(dir, 'site')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Đã xuất \d+ trang vào .* giây: ghi \d+, giữ nguyên \d+, xóa \d+\.$/m);
    expect(result.stdout).toMatch(/^Exported \d+ pages to .* s: \d+ written, \d+ unchanged, \d+ removed\.$/m);
    expect(result.stdout).toContain('Chưa đặt địa chỉ trang web trong Cài đặt');
    expect(result.stdout).toContain("The site's address (base URL) is not set in Settings");
  });

  it('asks for the output folder in both languages', () => {
    const result = run(['--data-dir', join(dir, 'library')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cần cho biết thư mục xuất');
    expect(result.stderr).toContain('The output folder is required');
  });
});
