import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SiteEntry } from '../../shared/publish/site';
import { writeFileAtomic } from '../library/atomicFile';
import { MANIFEST, RECORD } from './exportFolder';

/**
 * What the last export into a folder was made from, kept beside its manifest (RECORD). With it
 * the next export knows, without rendering anything, which pages' inputs changed:
 *
 * - `templates`: a fingerprint of the page templates and the format of this record; `settings`:
 *   of the settings the pages show (and the logo). Either changed: every page is rendered again.
 * - `articles`: per published article, the stamp it had (catalog revision and time, and its file's
 *   identity) when it was last read, the version its page is made from (`key`), and its SiteEntry (how
 *   lists and neighbours show it). An article whose stamp is the same is not read again.
 * - `pages`: per page, a hash of its inputs (`in`), the articles it lists beside it (`ids`), the
 *   image derivatives it refers to (`img`), and whether an image's size was unknown (`miss`: it is
 *   looked at again next time).
 *
 * The record is a cache: one that is missing, damaged or of another format is ignored (a full
 * export follows), and nothing in it is trusted to name a file outside the folder.
 */
export const RECORD_FORMAT = 2;

export interface ArticleRecord {
  stamp: string;
  key: string;
  entry: SiteEntry;
}

export interface PageRecord {
  in: string;
  /** The ids of the articles listed beside it, separated by spaces (one string: a large record parses faster). */
  ids?: string;
  img?: string[];
  miss?: boolean;
}

export interface ExportRecord {
  format: typeof RECORD_FORMAT;
  templates: string;
  settings: string;
  articles: Record<string, ArticleRecord>;
  pages: Record<string, PageRecord>;
}

/**
 * A site path (exportFolder's isSitePath, without resolving each of a large site's paths): relative,
 * forward slashes, letters, digits, `.`, `_`, `-`, and no `..` part — so always inside the folder.
 */
const SITE_PATH = /^[a-z0-9][a-z0-9._\-/]*$/i;
const PARENT = /(^|\/)\.\.(\/|$)/;
const isSitePath = (path: string) => SITE_PATH.test(path) && !PARENT.test(path);

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function isEntry(value: unknown, id: string): value is SiteEntry {
  if (!isObject(value)) return false;
  const e = value;
  return (
    e.id === id &&
    isString(e.slug) &&
    isString(e.headline) &&
    isString(e.sapo) &&
    isString(e.section) &&
    isStrings(e.tags) &&
    isStrings(e.folded) &&
    isStrings(e.tagPaths) &&
    e.tags.length === e.folded.length &&
    e.tags.length === e.tagPaths.length &&
    isStrings(e.related) &&
    (e.publishedAt === null || isString(e.publishedAt)) &&
    isString(e.updatedAt) &&
    (e.featured === null || isString(e.featured)) &&
    isStrings(e.images)
  );
}

/** Reads a file of the folder that must be a plain file (never through a link); null when absent or not plain. */
async function readPlain(path: string): Promise<unknown> {
  const stats = await lstat(path).catch(() => null);
  if (!stats?.isFile()) return null;
  return readFile(path, 'utf8').then(
    (raw) => JSON.parse(raw) as unknown,
    () => null,
  );
}

/** The last export's manifest (site path → hash of what was written): only site paths inside the folder are trusted. */
export async function readManifest(outDir: string): Promise<Record<string, string>> {
  const stored = await readPlain(join(outDir, MANIFEST)).catch(() => null);
  const manifest: Record<string, string> = {};
  if (isObject(stored)) for (const [path, hash] of Object.entries(stored)) if (isString(hash) && isSitePath(path)) manifest[path] = hash;
  return manifest;
}

/**
 * Replaces a file of the folder by renaming a temporary file over it: never torn, never written
 * through a link. `durable`: flushed to disk first (the manifest written before any page, which must
 * survive a crash to name the pages written after it). The manifest and record written at the end
 * need not be: lost in a crash, the last ones (or none) are read, which only makes the next export
 * render or remove more. (One line of JSON: they are read by Newsdesk alone, and large.)
 */
async function replace(path: string, text: string, durable: boolean): Promise<void> {
  if (durable) return writeFileAtomic(path, text);
  const tmp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}-${basename(path)}`);
  try {
    await writeFile(tmp, text, { flag: 'wx', mode: 0o644 });
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

export const writeManifest = (outDir: string, manifest: Record<string, string>, durable = false) => replace(join(outDir, MANIFEST), JSON.stringify(manifest), durable);

/** The last export's record, or null when it is missing, damaged or of another format. */
export async function readRecord(outDir: string): Promise<ExportRecord | null> {
  const stored = await readPlain(join(outDir, RECORD)).catch(() => null);
  if (!isObject(stored) || stored.format !== RECORD_FORMAT || !isString(stored.templates) || !isString(stored.settings)) return null;
  if (!isObject(stored.articles) || !isObject(stored.pages)) return null;
  for (const [id, article] of Object.entries(stored.articles)) {
    if (!isObject(article) || !isString(article.stamp) || !isString(article.key) || !isEntry(article.entry, id)) return null;
    if (!isSitePath(`${article.entry.slug}.html`)) return null;
  }
  for (const [path, page] of Object.entries(stored.pages)) {
    if (!isSitePath(path) || !isObject(page) || !isString(page.in)) return null;
    if ((page.ids !== undefined && !isString(page.ids)) || (page.img !== undefined && !isStrings(page.img)) || (page.miss !== undefined && page.miss !== true)) return null;
  }
  return stored as unknown as ExportRecord;
}

export const writeRecord = (outDir: string, record: ExportRecord) => replace(join(outDir, RECORD), JSON.stringify(record), false);
