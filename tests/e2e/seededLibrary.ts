import type { Page } from '@playwright/test';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { seedManyArticles, type SeedOptions } from '../helpers/seedManyArticles';
import { CHIEF_EDITOR, chooseProfile, startHost, type Host } from './fixtures';

/**
 * A web host on a library of `count` articles written straight to disk (tests/helpers/seedManyArticles.ts),
 * the page opened as the chief editor; `close` stops the host and removes the library.
 */
export async function openSeeded(page: Page, count: number, options?: SeedOptions): Promise<{ host: Host; dataDir: string; close: () => Promise<void> }> {
  const dataDir = await makeTempDir('newsdesk-e2e-library-');
  await seedManyArticles(dataDir, count, options);
  const { host, process: child } = await startHost(dataDir);
  await page.goto(host.url);
  await chooseProfile(page, CHIEF_EDITOR.name);
  return {
    host,
    dataDir,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await removeDir(dataDir);
    },
  };
}
