// Vitest's global set-up: the library service starts its full-text index in a thread of its own
// from dist/electron/searchWorker.cjs (electron/library/searchThread.ts), built here from the
// sources under test so that the tests run the thread the app runs.
// @ts-expect-error -- a plain ES module of the build script, without types
import { buildSearchWorker } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildSearchWorker();
}
