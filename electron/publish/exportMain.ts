/**
 * `npm run export -- --data-dir DIR --out DIR [--take-over-lock]`: writes the site of published
 * articles, for scripted publishing. Only pages whose inputs changed since the last export into the
 * same folder are rendered and written again. A library open on another computer is opened only with
 * --take-over-lock.
 */
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { argValue, resolveDataDir } from '../library/dataDir';
import { LibraryService, LibraryTooNewError } from '../library/LibraryService';
import { LibraryLockedElsewhereError, LibraryLockedError, LOCKED_EXIT_CODE, lockedElsewhereNotice, TAKE_OVER_FLAG } from '../library/libraryLock';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const out = argValue(argv, '--out');
  if (!out) {
    process.stderr.write(
      'Cần cho biết thư mục xuất: npm run export -- --data-dir THƯ_VIỆN --out THƯ_MỤC\n' +
        'The output folder is required: npm run export -- --data-dir LIBRARY --out DIR\n',
    );
    process.exit(2);
  }
  const dataDir = resolveDataDir(argv);
  // __dirname is the bundle's folder (dist/electron/), not this source file's.
  const service = await LibraryService.open({
    dataDir,
    appVersion: version,
    fontsDir: resolve(__dirname, '..', 'fonts'),
    takeOverLock: argv.includes(TAKE_OVER_FLAG),
  });
  try {
    const started = Date.now();
    let shown = -1;
    const timer = setInterval(async () => {
      const progress = await service.getExportProgress({});
      const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
      if (percent !== shown) process.stdout.write(`  ${percent}% (${progress.done}/${progress.total})\n`);
      shown = percent;
    }, 1000);
    const result = await service.exportSite({ outDir: resolve(out) }).finally(() => clearInterval(timer));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Đã xuất ${result.pages} trang vào ${result.outDir} trong ${seconds} giây: ghi ${result.written}, giữ nguyên ${result.unchanged}, xóa ${result.removed}.\n` +
        `Exported ${result.pages} pages to ${result.outDir} in ${seconds} s: ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed.\n`,
    );
    for (const { id, headline } of result.unreadable) {
      process.stdout.write(
        `Không đọc được tệp của bài “${headline}” (mã ${id}): giữ nguyên trang của bài như lần xuất trước.\n` +
          `The file of “${headline}” (id ${id}) could not be read: its pages were kept as the last export left them.\n`,
      );
    }
    for (const note of result.notes.filter((n) => n.startsWith('link-refused:'))) {
      const path = note.slice('link-refused:'.length);
      process.stdout.write(
        `Không ghi gì vào “${path}” vì đó là một liên kết (symbolic link) trỏ tới nơi khác.\n` +
          `Nothing was written into “${path}”: it is a symbolic link pointing elsewhere.\n`,
      );
    }
    if (result.notes.includes('no-base-url')) {
      process.stdout.write(
        'Chưa đặt địa chỉ trang web trong Cài đặt nên chưa ghi sitemap.xml và rss.xml.\n' +
          "The site's address (base URL) is not set in Settings: sitemap.xml and rss.xml were not written.\n",
      );
    }
  } finally {
    await service.dispose();
  }
}

main().catch((error: unknown) => {
  if (error instanceof LibraryLockedElsewhereError) {
    const quoted = process.argv.slice(2).map((arg) => (/^[\w./:=@+-]+$/.test(arg) ? arg : JSON.stringify(arg)));
    const command = ['npm run export --', ...quoted, TAKE_OVER_FLAG].join(' ');
    process.stderr.write(`${lockedElsewhereNotice(error, command)}\n`);
    process.exit(LOCKED_EXIT_CODE);
  }
  const message = error instanceof LibraryLockedError || error instanceof LibraryTooNewError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Xuất không thành công / Export failed: ${message}\n`);
  process.exit(1);
});
