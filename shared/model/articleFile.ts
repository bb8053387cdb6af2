import type { z } from 'zod';
import { slugify } from '../text/vietnamese';
import { COMMENT_LIMITS, commentThreadSchema } from '../review/comments';
import { suggestionInfoSchema } from '../review/suggestions';
import { ARTICLE_SCHEMA_VERSION, articleSchema, LIMITS, tagsField, workflowEventSchema, type Article } from './article';
import { bodyAssetIds, type BodyDoc } from './body';
import type { CanonicalNote } from './blocks/spec';
import { canonicalBody } from './canonicalBody';
import { articleId, cleanText, isoDateTime } from './fields';
import { migrateForward } from './migrate';

/**
 * An article file as it is read: untrusted. It is migrated forward by its schema version,
 * validated, and what is safe to repair is repaired field by field (after Excalidraw's
 * `restore`), so one bad field never costs the whole article. What was repaired is returned for
 * the caller to report (and to keep the original beside it).
 */

/** One field that did not hold what an article holds, and what was done (for the body: the canonicaliser's notes). */
export interface Repair {
  field: string;
  notes: CanonicalNote[];
}

export type ArticleRead =
  | { kind: 'ok'; article: Article; repairs: Repair[]; migratedFrom: number | null }
  /** Written by a newer Newsdesk: not to be read, and never rewritten. */
  | { kind: 'tooNew'; version: number }
  | { kind: 'unreadable'; reason: string };

export interface ReadOptions {
  /** The id its file name gives. */
  id: string;
  /** When the reading happens (for a lost creation time). */
  now: string;
  /** Whether an image is in the library (a photo of a missing image becomes a paragraph of its caption, reported). */
  hasAsset?: (assetId: string) => boolean;
}

type Data = Record<string, unknown>;

/** `migrations[n]` turns a version-n article into version n + 1 (what a step had to change, it adds to `repairs`). */
const migrations = (repairs: Repair[]): Record<number, (data: Data) => Data> => ({
  // Articles from before the format had a version: the same fields as version 1.
  0: (data) => ({ ...data, schemaVersion: 1 }),
  // Version 2: hand-chosen related articles always listed; the body in canonical form (a list
  // item is one paragraph and its nested lists; version 1 allowed more paragraphs, now joined).
  1: (data) => {
    const { body, notes } = canonicalBody(data.body);
    if (notes.length) repairs.push({ field: 'body', notes });
    return { ...data, related: data.related ?? [], body, schemaVersion: 2 };
  },
  // Version 3: comments are threads anchored to the body's text (a comment of the old form, which
  // nothing wrote, becomes a detached thread of one message); who made each suggested edit.
  2: (data) => ({ ...data, comments: Array.isArray(data.comments) ? data.comments.map(threadOfOldComment) : [], suggestions: data.suggestions ?? [], schemaVersion: 3 }),
});

/** A comment as version 2 described it ({id, author, text, createdAt}), as a detached thread; anything else is left for validation. */
function threadOfOldComment(comment: unknown): unknown {
  const old = comment as { id?: unknown; author?: unknown; text?: unknown; createdAt?: unknown; messages?: unknown };
  if (old === null || typeof old !== 'object' || 'messages' in old) return comment;
  return { id: old.id, anchor: null, quote: '', resolved: null, messages: [{ id: old.id, by: old.author, at: old.createdAt, text: old.text }] };
}

function migrateArticle(data: Data, repairs: Repair[] = []): Data {
  return migrateForward(data, ARTICLE_SCHEMA_VERSION, migrations(repairs));
}

const textFallback = (max: number) => (value: unknown) => (typeof value === 'string' ? cleanText(value).slice(0, max) : '');
const validItems = <T>(schema: z.ZodType<T, unknown>, max: number) => (value: unknown): T[] =>
  (Array.isArray(value) ? value : []).flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, max);
const isoOr = (...candidates: unknown[]) => candidates.find((c) => isoDateTime.safeParse(c).success) as string;

/** What a field becomes when it does not hold what it should. */
function fallbacks(raw: Data, options: ReadOptions): { [K in keyof Article]: (value: unknown) => Article[K] } {
  return {
    schemaVersion: () => ARTICLE_SCHEMA_VERSION,
    id: () => options.id,
    headline: textFallback(LIMITS.headline),
    sapo: textFallback(LIMITS.sapo),
    byline: textFallback(LIMITS.byline),
    section: textFallback(LIMITS.section),
    assignee: textFallback(LIMITS.assignee),
    slug: (value) => (typeof value === 'string' ? slugify(value) : ''),
    tags: (value) => [...new Set(validItems(tagsField.element, LIMITS.tags * 2)(value))].slice(0, LIMITS.tags),
    featuredImage: () => null,
    body: (value) => canonicalBody(value, { hasAsset: options.hasAsset }).body,
    status: () => 'draft',
    // When it was created: its first history entry says, else its last change.
    createdAt: () => isoOr((Array.isArray(raw.history) ? (raw.history[0] as { at?: unknown } | undefined) : undefined)?.at, raw.updatedAt, options.now),
    updatedAt: () => isoOr(raw.createdAt, options.now),
    publishedAt: () => null,
    trashedAt: () => null,
    dueAt: () => null,
    revision: (value) => (typeof value === 'number' && value >= 1 && Number.isFinite(value) ? Math.floor(value) : 1),
    comments: validItems(commentThreadSchema, COMMENT_LIMITS.threads),
    suggestions: validItems(suggestionInfoSchema, 10_000),
    history: validItems(workflowEventSchema, 10_000),
    related: validItems(articleId, 12),
  };
}

/** Photos whose image is not in the library, in the body or as the featured photo. */
function missingImages(article: Article, hasAsset: (assetId: string) => boolean): { body: boolean; featured: boolean } {
  return {
    body: bodyAssetIds(article.body).some((id) => !hasAsset(id)),
    featured: article.featuredImage !== null && !hasAsset(article.featuredImage.assetId),
  };
}

/** Reads an article file's JSON: migrated, validated, repaired where safe. */
export function readArticle(json: unknown, options: ReadOptions): ArticleRead {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { kind: 'unreadable', reason: 'not an article (not a JSON object)' };
  const version = (json as Data).schemaVersion;
  if (typeof version === 'number' && version > ARTICLE_SCHEMA_VERSION) return { kind: 'tooNew', version };
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 0)) {
    return { kind: 'unreadable', reason: `its format version is not a version (${JSON.stringify(version).slice(0, 40)})` };
  }
  if ((json as Data).id !== options.id) return { kind: 'unreadable', reason: 'its id does not match its file name' };

  const repairs: Repair[] = [];
  const from = typeof version === 'number' ? version : 0;
  const migratedFrom = from < ARTICLE_SCHEMA_VERSION ? from : null;
  const data = migrateArticle(json as Data, repairs);
  let article: Article;
  const whole = articleSchema.safeParse(data);
  if (whole.success) article = whole.data;
  else {
    const fixes = fallbacks(data, options);
    const shape = articleSchema.shape;
    const assembled: Data = {};
    for (const key of Object.keys(shape) as Array<keyof Article>) {
      const parsed = (shape[key] as z.ZodType).safeParse(data[key]);
      if (parsed.success) assembled[key] = parsed.data;
      else {
        assembled[key] = fixes[key](data[key]);
        if (key !== 'schemaVersion') repairs.push({ field: key, notes: key === 'body' ? canonicalBody(data[key], { hasAsset: options.hasAsset }).notes : [] });
      }
    }
    for (const key of Object.keys(data)) if (!(key in shape)) repairs.push({ field: key, notes: [] });
    const repaired = articleSchema.safeParse(assembled);
    if (!repaired.success) return { kind: 'unreadable', reason: `${repaired.error.issues[0]?.path.join('.')}: ${repaired.error.issues[0]?.message}` };
    article = repaired.data;
  }

  if (options.hasAsset) {
    const missing = missingImages(article, options.hasAsset);
    if (missing.body) {
      const { body, notes } = canonicalBody(article.body, { hasAsset: options.hasAsset });
      article = { ...article, body: body as BodyDoc };
      repairs.push({ field: 'body', notes });
    }
    if (missing.featured) {
      article = { ...article, featuredImage: null };
      repairs.push({ field: 'featuredImage', notes: [{ kind: 'image', type: 'featuredImage' }] });
    }
  }
  return { kind: 'ok', article, repairs, migratedFrom };
}
