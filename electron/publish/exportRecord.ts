import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tagPath } from '../../shared/publish/renderArticlePage';
import type { SiteEntry } from '../../shared/publish/site';
import { fold } from '../../shared/text/vietnamese';
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
 *
 * On disk (format 3) it is kept small and quick to read and write, since a re-export after one edit
 * reads and writes all of it (10,000 articles: about 3.5 MB; format 2, one object with key names and
 * what can be worked out again, was 7 MB). One line of JSON each (read by Newsdesk alone):
 * - a header, `{"format":3,"templates":…,"settings":…,"articles":<count>,"lists":<count>,"pages":<count>}`;
 * - each article, `[id, stamp, key, slug, headline, sapo, section, tags, related, publishedAt,
 *   updatedAt, featured, images]`, in the site's order (newest first: the next export's sort finds
 *   them in order). `key` is a number when it is `<revision>|<updatedAt>`, as it nearly always is;
 *   `stamp` starts with `|` when it is the key followed by the rest. An entry's folded tags and tag
 *   pages are worked out again from its tags. An article kept as it was is written again as the
 *   very bytes of its line in the record it came from (not turned into JSON and encoded again).
 * - each list of ids beside the pages, once (many pages list the same newest articles), as a string;
 * - each page, `[path, in, list, img, miss]`: `list` the list's number (-1: none), `img` an array
 *   or 0, `miss` 1 or absent; trailing absent parts left out.
 */
export const RECORD_FORMAT = 3;

export interface ArticleRecord {
  stamp: string;
  key: string;
  entry: SiteEntry;
}

export interface PageRecord {
  in: string;
  /** The ids of the articles listed beside it, separated by spaces (one string, shared by the pages listing the same). */
  ids?: string;
  img?: string[];
  miss?: boolean;
}

export interface ExportRecord {
  format: typeof RECORD_FORMAT;
  templates: string;
  settings: string;
  /** By article id; in the site's order when written (newest first). */
  articles: Map<string, ArticleRecord>;
  pages: Map<string, PageRecord>;
}

/**
 * A site path (exportFolder's isSitePath, without resolving each of a large site's paths): relative,
 * forward slashes, letters, digits, `.`, `_`, `-`, and no `..` part — so always inside the folder.
 */
const SITE_PATH = /^[a-z0-9][a-z0-9._\-/]*$/i;
const PARENT = /(^|\/)\.\.(\/|$)/;
const isSitePath = (path: string) => SITE_PATH.test(path) && !PARENT.test(path);

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Reads a file of the folder that must be a plain file (never through a link); null when absent or not plain. */
async function readPlain(path: string): Promise<unknown> {
  const stats = await lstat(path).catch(() => null);
  if (!stats?.isFile()) return null;
  return readFile(path, 'utf8').then(
    (raw) => JSON.parse(raw) as unknown,
    () => null,
  );
}

/**
 * What this process last wrote as a folder's manifest and record, with the bytes written: while the
 * file holds exactly those bytes, the next export in the same run takes what they say from here
 * instead of decoding, parsing and checking them again (at 10,000 articles, about a third of an
 * export after one edit; reading the bytes to compare is a small part of it). Any other content
 * (rewritten, restored, damaged, a link) is read as usual. Kept for the last few files only; never
 * changed once kept (the exporter treats what it reads as read-only).
 */
const written = new Map<string, { bytes: Buffer; value: unknown }>();
const WRITTEN_KEPT = 4;

function remember(path: string, bytes: Buffer, value: unknown): void {
  written.delete(path);
  written.set(path, { bytes, value });
  for (const old of written.keys()) if (written.size > WRITTEN_KEPT) written.delete(old);
}

/** What this process wrote at `path`, if the plain file there holds exactly what it wrote (undefined: read it). */
async function recalled(path: string): Promise<unknown> {
  const kept = written.get(path);
  if (!kept) return undefined;
  const stats = await lstat(path).catch(() => null);
  if (!stats?.isFile() || stats.size !== kept.bytes.length) return undefined;
  const bytes = await readFile(path).catch(() => null);
  return bytes && bytes.equals(kept.bytes) ? kept.value : undefined;
}

/** Forgets what this process wrote (as if it had just started: the next export reads the files). */
export function forgetWritten(): void {
  written.clear();
}

/** The last export's manifest (site path → hash of what was written): only site paths inside the folder are trusted. Read-only. */
export async function readManifest(outDir: string): Promise<Record<string, string>> {
  const path = join(outDir, MANIFEST);
  const kept = await recalled(path);
  if (kept !== undefined) return kept as Record<string, string>;
  const stored = await readPlain(path).catch(() => null);
  if (!isObject(stored)) return {};
  let whole = true;
  for (const site in stored) {
    if (!isString(stored[site]) || !isSitePath(site)) {
      whole = false;
      break;
    }
  }
  // As it was written (nothing to leave out), or with what is not to be trusted left out.
  if (whole) return stored as Record<string, string>;
  const manifest: Record<string, string> = {};
  for (const [site, hash] of Object.entries(stored)) if (isString(hash) && isSitePath(site)) manifest[site] = hash;
  return manifest;
}

/**
 * Replaces a file of the folder by renaming a temporary file over it: never torn, never written
 * through a link. `durable`: flushed to disk first (the manifest written before any page, which must
 * survive a crash to name the pages written after it). The manifest and record written at the end
 * need not be: lost in a crash, the last ones (or none) are read, which only makes the next export
 * render or remove more. (Compact JSON: they are read by Newsdesk alone, and large.)
 */
async function replace(path: string, text: string | Buffer, durable: boolean): Promise<void> {
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

export async function writeManifest(outDir: string, manifest: Record<string, string>, durable = false): Promise<void> {
  const path = join(outDir, MANIFEST);
  const bytes = Buffer.from(JSON.stringify(manifest));
  written.delete(path);
  await replace(path, bytes, durable);
  remember(path, bytes, manifest);
}

/** An article as the record keeps it (see above). */
type ArticleRow = [id: string, stamp: string, key: string | number, slug: string, headline: string, sapo: string, section: string, tags: string[], related: string[], publishedAt: string | null, updatedAt: string, featured: string | null, images: string[]];
/** A page as the record keeps it (see above). */
type PageRow = [path: string, input: string, list?: number, img?: string[] | 0, miss?: 1];

/**
 * Where each article's line is in the bytes a record was read from or written as: an article kept as
 * it was is copied from there (whole runs of lines at once), neither turned into JSON nor encoded
 * again.
 */
interface Lines {
  bytes: Buffer;
  /** Line number by article id. */
  line: Map<string, number>;
  /** Where each line starts and ends (its line break not included). */
  starts: Uint32Array;
  ends: Uint32Array;
}
const linesOf = new WeakMap<ExportRecord, Lines>();
const LINE_BREAK = 0x0a;
/** A text JSON writes as it is, between quotes. */
const PLAIN = /^[\w./-]*$/;

/** `<revision>|<updatedAt>` kept as the revision alone. */
function keyOut(key: string, updatedAt: string): string | number {
  const revision = parseInt(key, 10);
  return Number.isSafeInteger(revision) && revision >= 0 && key === `${revision}|${updatedAt}` ? revision : key;
}

/**
 * A stamp that begins with the key and `|` (as the catalog's revision and time nearly always are the
 * file's) kept as the rest, `|…`. A stamp that begins with `|` otherwise (none does: a stamp begins
 * with a revision) is left empty: the article is read again next time, as any unknown stamp makes it.
 */
function stampOut(stamp: string, key: string): string {
  if (stamp.startsWith(`${key}|`)) return stamp.slice(key.length);
  return stamp.startsWith('|') ? '' : stamp;
}

function articleLine(article: ArticleRecord): string {
  const { stamp, key, entry: e } = article;
  const row: ArticleRow = [e.id, stampOut(stamp, key), keyOut(key, e.updatedAt), e.slug, e.headline, e.sapo, e.section, e.tags, e.related, e.publishedAt, e.updatedAt, e.featured, e.images];
  return JSON.stringify(row);
}

/**
 * The record as written (see above). `previous`: the record it was made from (as read), whose
 * articles' lines are copied for the articles kept as they were.
 */
export function recordBytes(record: ExportRecord, previous?: ExportRecord | null): Buffer {
  const lists: string[] = [];
  const listAt = new Map<string, number>();
  const pages: string[] = [];
  for (const [path, page] of record.pages) {
    const row: PageRow = [path, page.in];
    if (page.ids !== undefined) {
      let at = listAt.get(page.ids);
      if (at === undefined) {
        at = lists.push(page.ids) - 1;
        listAt.set(page.ids, at);
      }
      row.push(at);
    }
    if (page.img || page.miss) {
      if (row.length === 2) row.push(-1);
      row.push(page.img ?? 0);
      if (page.miss) row.push(1);
      pages.push(JSON.stringify(row));
    } else if (PLAIN.test(path) && PLAIN.test(page.in)) {
      // (The usual page, written as JSON.stringify would, without it: most of a large site's are these.)
      pages.push(row.length === 2 ? `["${path}","${page.in}"]` : `["${path}","${page.in}",${row[2]!}]`);
    } else pages.push(JSON.stringify(row));
  }
  const { templates, settings } = record;
  const head = Buffer.from(`${JSON.stringify({ format: RECORD_FORMAT, templates, settings, articles: record.articles.size, lists: lists.length, pages: pages.length })}\n`);
  const rest = Buffer.from([...lists.map((ids) => JSON.stringify(ids)), ...pages, ''].join('\n'));

  // Where each article's line goes, and where it comes from: the previous bytes, or made now.
  const old = previous ? linesOf.get(previous) : undefined;
  const count = record.articles.size;
  const lines: Lines = { bytes: Buffer.alloc(0), line: new Map(), starts: new Uint32Array(count), ends: new Uint32Array(count) };
  const from = new Int32Array(count).fill(-1);
  const made: Buffer[] = [];
  let size = head.length;
  let i = 0;
  for (const [id, article] of record.articles) {
    const was = old && previous!.articles.get(id) === article ? old.line.get(id) : undefined;
    let length: number;
    if (was !== undefined) {
      from[i] = was;
      length = old!.ends[was]! - old!.starts[was]!;
    } else {
      const bytes = Buffer.from(articleLine(article));
      made.push(bytes);
      length = bytes.length;
    }
    lines.line.set(id, i);
    lines.starts[i] = size;
    lines.ends[i] = size + length;
    size += length + 1;
    i++;
  }
  const bytes = Buffer.allocUnsafe(size + rest.length);
  head.copy(bytes, 0);
  // Lines that follow each other in the previous bytes and here are copied as one run (with their line breaks).
  let run: { from: number; to: number; at: number } | null = null;
  const copyRun = () => {
    if (run) old!.bytes.copy(bytes, run.at, run.from, run.to);
    run = null;
  };
  let next = 0;
  for (i = 0; i < count; i++) {
    const at = lines.starts[i]!;
    const was = from[i]!;
    if (was === -1) {
      copyRun();
      made[next++]!.copy(bytes, at);
      bytes[lines.ends[i]!] = LINE_BREAK;
    } else if (run && run.to === old!.starts[was]) {
      run.to = old!.ends[was]! + 1;
    } else {
      copyRun();
      run = { from: old!.starts[was]!, to: old!.ends[was]! + 1, at };
    }
  }
  copyRun();
  rest.copy(bytes, size);
  lines.bytes = bytes;
  linesOf.set(record, lines);
  return bytes;
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

/** An article of the record, checked (null: the record is damaged). `tagsOf` gives tags folded and their pages. */
function articleIn(line: string, tagsOf: (tags: string[]) => readonly [folded: string[], paths: string[], ...rest: unknown[]]): ArticleRecord | null {
  const row = JSON.parse(line) as unknown;
  if (!Array.isArray(row) || row.length !== 13) return null;
  const [id, stamp, key, slug, headline, sapo, section, tags, related, publishedAt, updatedAt, featured, images] = row as unknown[];
  if (!isString(id) || !isString(stamp) || !isString(slug) || !isString(headline) || !isString(sapo) || !isString(section) || !isString(updatedAt)) return null;
  if (!isStringArray(tags) || !isStringArray(related) || !isStringArray(images) || !(publishedAt === null || isString(publishedAt)) || !(featured === null || isString(featured))) return null;
  if (!SITE_PATH.test(slug) || PARENT.test(slug)) return null;
  let fullKey: string;
  if (isString(key)) fullKey = key;
  else if (Number.isSafeInteger(key) && (key as number) >= 0) fullKey = `${key as number}|${updatedAt}`;
  else return null;
  const [folded, tagPaths] = tagsOf(tags);
  const entry: SiteEntry = { id, slug, headline, sapo, section, tags, folded, tagPaths, related, publishedAt, updatedAt, featured, images };
  return { stamp: stamp.startsWith('|') ? fullKey + stamp : stamp, key: fullKey, entry };
}

/** A page of the record, checked (null: the record is damaged). */
function pageIn(line: string, lists: readonly string[]): [string, PageRecord] | null {
  const row = JSON.parse(line) as unknown;
  if (!Array.isArray(row) || row.length < 2 || row.length > 5) return null;
  const [path, input, list = -1, img = 0, miss] = row as unknown[];
  if (!isString(path) || !isSitePath(path) || !isString(input)) return null;
  if (!Number.isInteger(list) || (list as number) < -1 || (list as number) >= lists.length) return null;
  if (!(img === 0 || isStringArray(img)) || !(miss === undefined || miss === 1)) return null;
  const page: PageRecord = { in: input };
  if (list !== -1) page.ids = lists[list as number]!;
  if (img !== 0) page.img = img;
  if (miss === 1) page.miss = true;
  return [path, page];
}

/** The last export's record, or null when it is missing, damaged or of another format. Read-only. */
export async function readRecord(outDir: string): Promise<ExportRecord | null> {
  const path = join(outDir, RECORD);
  const kept = await recalled(path);
  if (kept !== undefined) return kept as ExportRecord;
  const stats = await lstat(path).catch(() => null);
  if (!stats?.isFile()) return null;
  const bytes = await readFile(path).catch(() => null);
  return bytes === null ? null : recordFrom(bytes);
}

/** A record from its file's bytes, checked whole (null: damaged, of another format, or cut short). */
export function recordFrom(bytes: Buffer): ExportRecord | null {
  try {
    const lines = bytes.toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!) as unknown;
    if (!isObject(header) || header.format !== RECORD_FORMAT || !isString(header.templates) || !isString(header.settings)) return null;
    const counts = [header.articles, header.lists, header.pages];
    if (!counts.every((count) => Number.isSafeInteger(count) && (count as number) >= 0)) return null;
    const [articleCount, listCount, pageCount] = counts as number[];
    // Every line there, and nothing after (a record cut short, or two written into one, is damaged).
    if (lines.length !== 2 + articleCount! + listCount! + pageCount! || lines[lines.length - 1] !== '') return null;
    // Folded and as pages, each list of tags once (many articles share theirs; entries are read-only).
    const known = new Map<string, readonly [string[], string[], string[]]>();
    const tagsOf = (tags: string[]) => {
      const key = tags.join('\u0000');
      const found = known.get(key);
      // (The same key from other tags, one of them holding a NUL: made apart.)
      if (found && found[2].length === tags.length && found[2].every((tag, i) => tag === tags[i])) return found;
      const made = [tags.map(fold), tags.map(tagPath), tags] as const;
      if (!found) known.set(key, made);
      return made;
    };
    let at = 1;
    // Where each article's line is in the bytes (a line break is one byte, part of no other character).
    const where: Lines = { bytes, line: new Map(), starts: new Uint32Array(articleCount!), ends: new Uint32Array(articleCount!) };
    let start = bytes.indexOf(LINE_BREAK) + 1;
    const articles = new Map<string, ArticleRecord>();
    for (let i = 0; i < articleCount!; i++, at++) {
      const article = articleIn(lines[at]!, tagsOf);
      if (!article || articles.has(article.entry.id)) return null;
      articles.set(article.entry.id, article);
      const end = bytes.indexOf(LINE_BREAK, start);
      where.line.set(article.entry.id, i);
      where.starts[i] = start;
      where.ends[i] = end;
      start = end + 1;
    }
    const lists: string[] = [];
    for (const end = at + listCount!; at < end; at++) {
      const ids = JSON.parse(lines[at]!) as unknown;
      if (!isString(ids)) return null;
      lists.push(ids);
    }
    const pages = new Map<string, PageRecord>();
    for (const end = at + pageCount!; at < end; at++) {
      const page = pageIn(lines[at]!, lists);
      if (!page || pages.has(page[0])) return null;
      pages.set(page[0], page[1]);
    }
    const record: ExportRecord = { format: RECORD_FORMAT, templates: header.templates, settings: header.settings, articles, pages };
    linesOf.set(record, where);
    return record;
  } catch {
    return null;
  }
}

/** Writes the record; `previous`: the one it was made from (see recordBytes). */
export async function writeRecord(outDir: string, record: ExportRecord, previous?: ExportRecord | null): Promise<void> {
  const path = join(outDir, RECORD);
  const bytes = recordBytes(record, previous);
  written.delete(path);
  await replace(path, bytes, false);
  remember(path, bytes, record);
}
