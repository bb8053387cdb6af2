import { z } from 'zod';
import { countWords } from '../text/vietnamese';
import { bodySchema, bodyWordCount } from './body';
import { articleId, assetIdField, isoDateTime, slugField, text } from './fields';
import { commentsField } from '../review/comments';
import { bodyAsRejected, suggestionInfoSchema } from '../review/suggestions';
import { articleStatuses } from './statuses';

/**
 * The article file's format. 1: the first; 2: `related` always present and the body in its
 * canonical form; 3: comment threads anchored to the body and suggested edits (./articleFile.ts
 * migrates older files as they are read).
 */
export const ARTICLE_SCHEMA_VERSION = 3;

/**
 * Where an article is in the newsroom's workflow (shared/review/workflow.ts says how it moves):
 * draft, submitted (“Chờ duyệt”), review (in review), changes_requested, approved, published,
 * spiked (“Bỏ”), archived. (`review` keeps the name older files use.)
 */
export { articleStatuses } from './statuses';
export const articleStatus = z.enum(articleStatuses);
export type ArticleStatus = z.infer<typeof articleStatus>;

export const LIMITS = {
  headline: 300,
  sapo: 1500,
  byline: 200,
  tag: 60,
  tags: 30,
  section: 60,
  assignee: 120,
} as const;

export const featuredImageSchema = z.strictObject({
  assetId: assetIdField,
  caption: text(2000),
  credit: text(200),
  alt: text(500),
});

export const workflowEventSchema = z.strictObject({
  at: isoDateTime,
  kind: z.enum(['created', 'status', 'trashed', 'restored']),
  from: articleStatus.nullable(),
  to: articleStatus.nullable(),
  by: text(120),
  /** The profile that acted (shared/review/people.ts), when one was chosen. */
  profileId: z.string().max(64).optional(),
  /** What the mover said with a status change ("Sửa lại đoạn 3, thiếu nguồn"). */
  note: text(1000).optional(),
});

export const tagsField = z.array(text(LIMITS.tag).pipe(z.string().trim().min(1))).max(LIMITS.tags);

/** The editable fields of an article, as a reporter changes them. */
export const articleFieldsSchema = z.strictObject({
  headline: text(LIMITS.headline),
  sapo: text(LIMITS.sapo),
  byline: text(LIMITS.byline),
  section: text(LIMITS.section),
  tags: tagsField,
  featuredImage: featuredImageSchema.nullable(),
  body: bodySchema,
  assignee: text(LIMITS.assignee),
  dueAt: isoDateTime.nullable(),
  /** Related articles chosen by hand (by id); when empty, the page suggests some by tags and section. */
  related: z.array(articleId).max(12),
  /** Comment threads on the body's text (shared/review/comments.ts). */
  comments: commentsField,
  /** Who made each pending suggested edit of the body, and when (shared/review/suggestions.ts). */
  suggestions: z.array(suggestionInfoSchema).max(10_000),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export const articleSchema = articleFieldsSchema.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: articleId,
  slug: slugField,
  status: articleStatus,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  publishedAt: isoDateTime.nullable(),
  trashedAt: isoDateTime.nullable(),
  revision: z.number().int().min(1),
  history: z.array(workflowEventSchema).max(10_000),
});
export type Article = z.infer<typeof articleSchema>;

/** The catalog's small summary of one article, enough to list and sort without opening it. */
export const articleSummarySchema = z.strictObject({
  id: articleId,
  slug: slugField,
  headline: z.string(),
  section: z.string(),
  status: articleStatus,
  assignee: z.string(),
  /** The deadline (absent in catalogs written before it was listed). */
  dueAt: isoDateTime.nullable().default(null),
  updatedAt: isoDateTime,
  wordCount: z.number().int().min(0),
  /** Tags, for suggestions across the library (absent in catalogs written before tags were listed). */
  tags: z.array(z.string()).default([]),
  publishedAt: isoDateTime.nullable().default(null),
  revision: z.number().int().min(1),
  trashedAt: isoDateTime.nullable(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** Another article, as lists and the related blocks of a page show it. */
export const articleRefSchema = z.strictObject({
  id: z.string(),
  slug: z.string(),
  headline: z.string(),
  sapo: z.string(),
  section: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ArticleRef = z.infer<typeof articleRefSchema>;

/** Syllables in everything a reader reads: headline, sapo and body (as if its pending suggestions were rejected). */
export function articleWordCount(article: Pick<Article, 'headline' | 'sapo' | 'body'>): number {
  return countWords(article.headline) + countWords(article.sapo) + bodyWordCount(bodyAsRejected(article.body));
}

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    section: article.section,
    status: article.status,
    assignee: article.assignee,
    dueAt: article.dueAt,
    updatedAt: article.updatedAt,
    wordCount: articleWordCount(article),
    tags: article.tags,
    publishedAt: article.publishedAt,
    revision: article.revision,
    trashedAt: article.trashedAt,
  };
}
