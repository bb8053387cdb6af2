import type { Article } from '../../shared/model/article';
import type { RevisionKind } from '../../shared/review/history';

/**
 * The documents a library is mirrored as in PouchDB and replicated with CouchDB. The library's
 * files stay the truth (DESIGN.md "Moving articles between people"); these are their mirror:
 *
 * - `article:<id>` — one per article (fields, body, comments, suggestions, history): the unit of
 *   conflict. `author` is the sync user who first sent it (reporters cannot change it), `assignee` the
 *   article's assignee and `published` whether it is live, copied out of the article so the
 *   server's validation function (./serverDesign.ts) can read them without knowing the format.
 * - `snapshot:<articleId>:<sha256 of the snapshot>` — an immutable kept version, with why it was
 *   kept (`kept`); `by` is the sync user who sent it (the server checks). A version given a name
 *   on one laptop is listed under that name in every laptop's history.
 * - `asset:<assetId>` — an image, as the attachment `data`; the id is the image's content hash,
 *   so the same photo imported on two laptops is the same document and never conflicts.
 * - `lock:<articleId>:<user>` — "Minh Anh is editing since 09:12": one per person and article,
 *   written only by that person (never conflicts), shown and never blocking.
 *
 * Settings stay local: they are never mirrored.
 */
export const ARTICLE_PREFIX = 'article:';
export const SNAPSHOT_PREFIX = 'snapshot:';
export const ASSET_PREFIX = 'asset:';
export const LOCK_PREFIX = 'lock:';

/** The roles a newsroom's CouchDB users have (one user per person). */
export const SYNC_ROLES = { reporter: 'reporter', editor: 'editor' } as const;
export type SyncRole = (typeof SYNC_ROLES)[keyof typeof SYNC_ROLES];

/** A soft lock lasts this long after the last save that made it. */
export const LOCK_TTL_MS = 30 * 60_000;

export interface ArticleDoc {
  _id: string;
  _rev?: string;
  type: 'article';
  /** The sync user who first sent the article (the validation function lets only editors change it). */
  author: string;
  /** The article's assignee (a CouchDB user's name is the person's name in the newsroom). */
  assignee: string;
  published: boolean;
  /** The sync user who made this version, and when. */
  by: string;
  at: string;
  article: Article;
}

export interface SnapshotDoc {
  _id: string;
  _rev?: string;
  type: 'snapshot';
  articleId: string;
  by: string;
  at: string;
  article: Article;
  /** Why it was kept, and when (absent in versions sent before Newsdesk said so). */
  kept?: KeptReason;
}

/** Why a version was kept: its history entry's kind, name ('' for none) and time. */
export interface KeptReason {
  kind: RevisionKind;
  label: string;
  at: string;
}

export interface AssetDoc {
  _id: string;
  _rev?: string;
  type: 'asset';
  assetId: string;
  _attachments: Record<'data', { content_type: string; data?: Buffer | string; stub?: boolean; digest?: string; length?: number }>;
}

export interface LockDoc {
  _id: string;
  _rev?: string;
  type: 'lock';
  articleId: string;
  user: string;
  /** The name shown ("Minh Anh"): the profile's, else the sync user's. */
  name: string;
  since: string;
  /** Until when the lock means anything (LOCK_TTL_MS after the last save). */
  until: string;
}

export type SyncDoc = ArticleDoc | SnapshotDoc | AssetDoc | LockDoc;

export const articleDocId = (id: string) => `${ARTICLE_PREFIX}${id}`;
export const snapshotDocId = (articleId: string, hash: string) => `${SNAPSHOT_PREFIX}${articleId}:${hash}`;
export const assetDocId = (assetId: string) => `${ASSET_PREFIX}${assetId}`;
export const lockDocId = (articleId: string, user: string) => `${LOCK_PREFIX}${articleId}:${user}`;

/** The article id of an `article:` document's id, else null. */
export function articleIdOf(docId: string): string | null {
  return docId.startsWith(ARTICLE_PREFIX) ? docId.slice(ARTICLE_PREFIX.length) : null;
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };
/** An image's content type by its asset id's extension. */
export function assetContentType(assetId: string): string {
  return CONTENT_TYPES[assetId.slice(assetId.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
