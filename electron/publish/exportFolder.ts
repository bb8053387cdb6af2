import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fail } from '../library/errors';

export const MANIFEST = '.newsdesk-export.json';
/** Beside the manifest: what each page was made of (./exportRecord.ts), so that a later export renders only the pages whose inputs changed. */
export const RECORD = '.newsdesk-export-inputs.json';

/** The real path of `path`, following links, for the part of it that exists. */
async function realPathOf(path: string): Promise<string> {
  const full = resolve(path);
  try {
    return await realpath(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(await realPathOf(parent), basename(full));
  }
}

const caseless = process.platform === 'win32' || process.platform === 'darwin';
/** A path as the file system compares it (case ignored on Windows and macOS). */
export const comparable = (path: string) => (caseless ? path.toLowerCase() : path);

/** Is `inner` the same folder as `outer` or inside it? */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(comparable(outer), comparable(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a site may be written: the library's own `site` folder, or a folder outside the library
 * that does not contain it; and a folder that is empty or holds an earlier Newsdesk export, so an
 * export never writes over (or later deletes among) anyone else's files. Links are followed and,
 * on Windows and macOS, case is ignored.
 */
export async function checkExportFolder(outDir: string, dataDir: string): Promise<string> {
  const out = await realPathOf(outDir);
  const library = await realPathOf(dataDir);
  const ownSite = join(library, 'site');
  if (!(comparable(out) === comparable(ownSite) || (!isWithin(out, library) && !isWithin(library, out)))) {
    fail('folder_not_allowed', 'Choose a folder outside the library folder (or leave it empty to use its “site” folder).');
  }
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes(MANIFEST)) {
    fail('folder_not_empty', 'That folder is not empty and holds no earlier Newsdesk export: choose an empty folder.');
  }
  return out;
}

/** Manifest keys are site paths: relative, forward slashes, no "..", inside the folder. */
export function isSitePath(path: string, outDir: string): boolean {
  return /^[a-z0-9][a-z0-9._\-/]*$/i.test(path) && !path.split('/').includes('..') && isWithin(resolve(outDir, path), outDir);
}
