import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { articleSchema, type Article } from '../../shared/model/article';
import { ASSET_ID_PATTERN, articleId, isoDateTime } from '../../shared/model/fields';
import { stableStringify } from '../../shared/text/stableStringify';
import { checkImageBytes, imageTypeOf, MAX_ASSET_BYTES } from './assets';

/**
 * `.newsdesk` bundles: articles (and the library images they show) in one zip file, to carry
 * work from one library to another without a server. Written with yazl, read with yauzl (which
 * refuses entry names that are absolute, hold `..` or backslashes, and entries whose data is
 * longer than their header says). A bundle is read whole and checked — every name, size and
 * SHA-256, the manifest's format version, every article and image — before anything is written:
 * a damaged, truncated or hostile bundle is refused whole, with the reason.
 *
 *   manifest.json          format, version, who made it and when, one entry per file with its SHA-256,
 *                          and per article its hash and the hashes of versions it descends from
 *   articles/<id>.json     the article as the library holds it
 *   assets/<sha256>.<ext>  the images its body and featured photo show
 */

export const BUNDLE_FORMAT = 'newsdesk-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.newsdesk';

export const BUNDLE_LIMITS = {
  entries: 100_000,
  /** One article file (the API refuses larger articles anyway). */
  articleBytes: 32 * 1024 * 1024,
  manifestBytes: 64 * 1024 * 1024,
  assetBytes: MAX_ASSET_BYTES,
  /** Everything, uncompressed, as the zip declares it (and no entry inflates beyond its declared size). */
  totalBytes: 1024 * 1024 * 1024,
} as const;

const sha256Hex = z.string().regex(/^[a-f0-9]{64}$/);
const ARTICLE_ENTRY = /^articles\/([a-z0-9][a-z0-9-]{0,63})\.json$/;
const ASSET_ENTRY = /^assets\/([a-f0-9]{64}\.(?:jpg|png|webp|gif))$/;

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  createdBy: z.string().max(200),
  app: z.string().max(50),
  articles: z
    .array(
      z.strictObject({
        id: articleId,
        revision: z.number().int().min(1),
        /** SHA-256 of the article's JSON (keys sorted): what the receiving library compares. */
        hash: sha256Hex,
        /** Hashes of earlier versions of it the sending library had (kept when sent or received): its ancestry. */
        known: z.array(sha256Hex).max(10_000),
      }),
    )
    .max(BUNDLE_LIMITS.entries),
  entries: z.array(z.strictObject({ path: z.string().max(200), sha256: sha256Hex, bytes: z.number().int().min(0) })).max(BUNDLE_LIMITS.entries),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** Why a bundle is refused (each has a message in both languages: bundle.refused.<reason>). */
export const bundleRefusals = ['not_a_bundle', 'damaged', 'unsafe_name', 'too_large', 'too_new', 'checksum', 'missing_entry', 'unlisted_entry', 'bad_article', 'bad_image'] as const;
export type BundleRefusal = (typeof bundleRefusals)[number];

export class BundleRefusedError extends Error {
  constructor(
    readonly reason: BundleRefusal,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

const refuse = (reason: BundleRefusal, detail: string): never => {
  throw new BundleRefusedError(reason, detail);
};

/** The hash a bundle and a library compare articles by: SHA-256 of the article's JSON with its keys sorted. */
export const articleHash = (article: Article): string => createHash('sha256').update(stableStringify(article)).digest('hex');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface BundleContent {
  /** Each article with the hashes of the versions of it its library had (`hash`: its own, when already made). */
  articles: Array<{ article: Article; known: string[]; hash?: string }>;
  /** The images the articles show, by asset id. */
  assets: Map<string, Buffer>;
  createdBy: string;
  app: string;
  now: Date;
}

/** The bundle file's bytes. Articles are compressed; images (compressed already) are stored as they are. */
export async function writeBundle(content: BundleContent): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const entries: BundleManifest['entries'] = [];
  const mtime = content.now;
  const add = (path: string, bytes: Buffer, compress: boolean) => {
    entries.push({ path, sha256: sha256(bytes), bytes: bytes.length });
    zip.addBuffer(bytes, path, { mtime, compress });
  };
  for (const { article } of content.articles) add(`articles/${article.id}.json`, Buffer.from(JSON.stringify(article)), true);
  for (const [assetId, bytes] of content.assets) add(`assets/${assetId}`, bytes, false);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: content.now.toISOString(),
    createdBy: content.createdBy,
    app: content.app,
    articles: content.articles.map(({ article, known, hash }) => ({ id: article.id, revision: article.revision, hash: hash ?? articleHash(article), known })),
    entries,
  };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json', { mtime, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export interface ReadBundle {
  manifest: BundleManifest;
  articles: Article[];
  assets: Map<string, Buffer>;
}

/** Reads an entry's data, never more than `limit` bytes (a lying size header stops at the limit). */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable | undefined) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          reject(new BundleRefusedError('too_large', entry.fileName));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError) => reject(streamError));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const limitOf = (name: string) => (name === 'manifest.json' ? BUNDLE_LIMITS.manifestBytes : name.startsWith('articles/') ? BUNDLE_LIMITS.articleBytes : BUNDLE_LIMITS.assetBytes);

/** The next entry's metadata (nothing is inflated), or null at the end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = (value: yauzl.Entry | null, error?: unknown) => {
      zip.removeAllListeners('entry');
      zip.removeAllListeners('end');
      zip.removeAllListeners('error');
      if (error) reject(error);
      else resolve(value);
    };
    zip.once('entry', (entry: yauzl.Entry) => done(entry));
    zip.once('end', () => done(null));
    zip.once('error', (error) => done(null, error));
    zip.readEntry();
  });
}

/** yauzl's own refusals (a name with "..", an absolute path, a backslash; sizes that disagree; a cut file) as ours. */
function asRefusal(error: unknown): never {
  if (error instanceof BundleRefusedError) throw error;
  const message = (error as Error).message;
  return refuse(/file ?name|relative path|absolute path|invalid characters/i.test(message) ? 'unsafe_name' : 'damaged', message);
}

/**
 * Every file of the zip, by name, and the manifest — checked before anything is inflated: the
 * central directory's names, count and declared sizes first, then the manifest (its format and
 * version, and that it lists every other file with the size the zip declares for it). Only then are
 * the files inflated, each to no more than its declared size (yauzl refuses data longer than its
 * header), so a small hostile file can never make Newsdesk hold more than the limits.
 */
async function unzip(bytes: Buffer): Promise<{ manifest: BundleManifest; files: Map<string, Buffer> }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true });
  } catch (error) {
    return refuse(bytes.length < 22 || !bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'not_a_bundle' : 'damaged', (error as Error).message);
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    try {
      for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
        const name = entry.fileName;
        if (name.includes('\0') || !(name === 'manifest.json' || ARTICLE_ENTRY.test(name) || ASSET_ENTRY.test(name))) refuse('unsafe_name', JSON.stringify(name).slice(0, 200));
        if (entries.has(name)) refuse('unsafe_name', `${name} (twice)`);
        if (entries.size >= BUNDLE_LIMITS.entries) refuse('too_large', `more than ${BUNDLE_LIMITS.entries} files`);
        if (entry.uncompressedSize > limitOf(name)) refuse('too_large', name);
        total += entry.uncompressedSize;
        if (total > BUNDLE_LIMITS.totalBytes) refuse('too_large', 'the whole bundle');
        entries.set(name, entry);
      }
    } catch (error) {
      asRefusal(error);
    }
    const manifestEntry = entries.get('manifest.json') ?? refuse('not_a_bundle', 'no manifest.json');
    const manifest = parseManifest(await readEntry(zip, manifestEntry, BUNDLE_LIMITS.manifestBytes).catch(asRefusal));
    const listed = new Map(manifest.entries.map((entry) => [entry.path, entry]));
    for (const [name, entry] of entries) {
      if (name === 'manifest.json') continue;
      const described = listed.get(name) ?? refuse('unlisted_entry', name);
      if (described.bytes !== entry.uncompressedSize) refuse('checksum', name);
    }
    for (const path of listed.keys()) if (!entries.has(path)) refuse('missing_entry', path);
    const files = new Map<string, Buffer>();
    for (const [name, entry] of entries) {
      if (name !== 'manifest.json') files.set(name, await readEntry(zip, entry, entry.uncompressedSize).catch(asRefusal));
    }
    return { manifest, files };
  } finally {
    zip.close();
  }
}

/** The manifest, or the reason it cannot be used (a newer version is said as such, before anything else is read of it). */
function parseManifest(data: Buffer): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8'));
  } catch {
    return refuse('damaged', 'manifest.json is not JSON');
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if ((raw as { format?: unknown } | null)?.format !== BUNDLE_FORMAT) refuse('not_a_bundle', 'manifest.json is not a Newsdesk manifest');
  if (typeof version === 'number' && version > BUNDLE_VERSION) refuse('too_new', `format ${version}`);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return refuse('damaged', `manifest.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Reads and checks a whole bundle. Refuses it (BundleRefusedError) unless: it is a zip of only
 * the manifest, articles and images, of sane sizes; its manifest is of a version this Newsdesk
 * reads; every file is listed with the right SHA-256 and none is missing; every article is a valid
 * article of this version whose file name is its id; every image is an image whose name is its
 * own SHA-256; and every photo an article shows is in the bundle or in the library (`hasAsset`).
 */
export async function readBundle(bytes: Buffer, hasAsset: (assetId: string) => boolean): Promise<ReadBundle> {
  const { manifest, files } = await unzip(bytes);
  for (const entry of manifest.entries) {
    const data = files.get(entry.path)!;
    if (data.length !== entry.bytes || sha256(data) !== entry.sha256) refuse('checksum', entry.path);
  }

  const assets = new Map<string, Buffer>();
  for (const [name, data] of files) {
    const match = ASSET_ENTRY.exec(name);
    if (!match) continue;
    const assetId = match[1]!;
    if (!ASSET_ID_PATTERN.test(assetId) || imageTypeOf(data) === null || `${sha256(data)}.${checkImageBytesSafe(data)}` !== assetId) refuse('bad_image', name);
    assets.set(assetId, data);
  }

  const articles: Article[] = [];
  const described = new Map(manifest.articles.map((entry) => [entry.id, entry]));
  for (const [name, data] of files) {
    const match = ARTICLE_ENTRY.exec(name);
    if (!match) continue;
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      refuse('bad_article', `${name} is not JSON`);
    }
    const article = articleSchema.safeParse(json);
    if (!article.success) refuse('bad_article', `${name}: ${article.error?.issues[0]?.path.join('.')} ${article.error?.issues[0]?.message}`);
    const value = article.data!;
    if (value.id !== match[1]) refuse('bad_article', `${name} holds article ${value.id}`);
    const entry = described.get(value.id) ?? refuse('bad_article', `${name} is not described in the manifest`);
    if (entry.hash !== articleHash(value) || entry.revision !== value.revision) refuse('checksum', name);
    for (const assetId of imagesOf(value)) if (!assets.has(assetId) && !hasAsset(assetId)) refuse('missing_entry', `assets/${assetId}`);
    articles.push(value);
  }
  if (articles.length !== manifest.articles.length) refuse('missing_entry', 'an article the manifest lists');
  return { manifest, articles, assets };
}

function checkImageBytesSafe(data: Buffer): string {
  try {
    return checkImageBytes(data);
  } catch {
    return 'none';
  }
}

/** The library images an article shows: its featured photo and its body's photos. */
export function imagesOf(article: Article): string[] {
  const ids = new Set<string>();
  if (article.featuredImage) ids.add(article.featuredImage.assetId);
  const visit = (nodes: ReadonlyArray<{ type: string; attrs?: unknown; content?: unknown }>) => {
    for (const node of nodes) {
      if (node.type === 'figure') ids.add((node.attrs as { assetId: string }).assetId);
      if (Array.isArray(node.content)) visit(node.content as typeof nodes);
    }
  };
  visit(article.body.content);
  return [...ids];
}
