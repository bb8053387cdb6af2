/**
 * `node dist/electron/webhost.cjs [--data-dir DIR] [--port N] [--json] [--take-over-lock]`:
 * Newsdesk in any browser, served from 127.0.0.1. `npm start` runs this where Electron cannot
 * start. A library open on another computer is opened only with --take-over-lock.
 */
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { argValue, locationFilePath, resolveDataDirSource } from '../library/dataDir';
import { LibraryService, LibraryTooNewError } from '../library/LibraryService';
import { LibraryLockedElsewhereError, LibraryLockedError, LOCKED_EXIT_CODE, lockedElsewhereNotice, TAKE_OVER_FLAG } from '../library/libraryLock';
import { createDispatcher } from './dispatch';
import { preferredPort, startWebHost } from './webHost';

async function main(): Promise<void> {
  // Ctrl+C from the first moment: while the library is still opening, it is closed (and its lock
  // released) as soon as it is open, rather than the process dying with the lock left behind.
  let stop: (() => Promise<void>) | null = null;
  let stopAsked = false;
  const onSignal = () => {
    if (stop) void stop();
    else stopAsked = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const argv = process.argv.slice(2);
  const { dataDir, source: dataDirSource } = resolveDataDirSource(argv);
  // __dirname is the bundle's folder (dist/electron/), not this source file's.
  const staticDir = resolve(argValue(argv, '--static-dir') ?? resolve(__dirname, '..', 'renderer'));
  const service = await LibraryService.open({
    dataDir,
    dataDirSource,
    locationFile: locationFilePath(),
    appVersion: version,
    fontsDir: resolve(__dirname, '..', 'fonts'),
    takeOverLock: argv.includes(TAKE_OVER_FLAG),
  });
  const asked = argValue(argv, '--port') ?? (process.env.NEWSDESK_PORT || undefined);
  const serve = (port: number) => startWebHost({ dispatch: createDispatcher(service), staticDir, images: service.images, port });
  // Without a port asked for, a person's `npm start` listens where it listened last time for this
  // library (a port made from its folder), so that the browser keeps the preferences it stores for
  // that address (theme, font, text size); another free port when that one is taken.
  const host =
    asked !== undefined || argv.includes('--json')
      ? await serve(Number(asked ?? 0))
      : await serve(preferredPort(dataDir)).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return serve(0);
          throw error;
        });

  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, token: host.token, dataDir })}\n`);
  } else {
    process.stdout.write(
      `Newsdesk đang chạy tại / is running at:\n  ${host.url}\n` +
        `Thư viện / Library: ${dataDir}\n` +
        `Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.\n`,
    );
  }

  let closing = false;
  stop = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await service.dispose();
    process.stdout.write('Newsdesk đã dừng / stopped.\n');
    process.exit(0);
  };
  if (stopAsked) await stop();
}

main().catch((error: unknown) => {
  if (error instanceof LibraryLockedElsewhereError) {
    process.stderr.write(`${lockedElsewhereNotice(error, `npm start -- ${TAKE_OVER_FLAG}`)}\n`);
    process.exit(LOCKED_EXIT_CODE);
  } else if (error instanceof LibraryLockedError) {
    process.stderr.write(
      `Thư viện ${error.dataDir} đang được một Newsdesk khác mở${error.pid ? ` (tiến trình ${error.pid})` : ''}; hãy đóng nó trước.\n` +
        `${error.message} Close it first.\n`,
    );
    process.exit(LOCKED_EXIT_CODE);
  } else if (error instanceof LibraryTooNewError) {
    process.stderr.write(`Thư viện này do phiên bản Newsdesk mới hơn ghi; hãy cập nhật Newsdesk.\n${error.message}\n`);
  } else {
    process.stderr.write(`Newsdesk không khởi động được / could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
