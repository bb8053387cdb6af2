import { z } from 'zod';
import { articleFieldsSchema, articleSchema, articleStatus, articleSummarySchema, LIMITS } from '../model/article';
import { articleId, assetIdField, slugField, text } from '../model/fields';
import { noteKinds } from '../model/blocks/spec';
import { settingsSchema } from '../model/settings';
import { imageInfoSchema } from '../publish/images';
import { checklistRuleIds } from '../review/checklist';
import { REVISION_LABEL_MAX, revisionEntrySchema } from '../review/history';
import { pageNeighboursSchema } from '../publish/related';
import type { MethodName } from './methods';
import { librarySorts, libraryViews } from './libraryTerms';

/**
 * The one API contract between the renderer and the main process. Both transports (Electron IPC
 * and the loopback web host) and the preload are generated from `contract`; adding a method is
 * one entry here plus its implementation in the library service.
 */

export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'slug_taken',
  'folder_not_allowed',
  'folder_not_empty',
  'image_unreadable',
  'image_too_large',
  'checklist_failed',
  'bundle_refused',
  'corrupt_file',
  'too_new',
  'storage_error',
  'unauthorized',
  'forbidden',
  'unavailable',
  'internal',
  /** Moving the library was refused; the message starts with the reason (`not_empty: …`, see electron/library/moveLibrary.ts). */
  'move_refused',
  /** The library was copied elsewhere in this session: writes are refused until Newsdesk restarts from the new folder. */
  'library_moved',
] as const;
/** Why moving the library was refused (the start of a `move_refused` error's message). */
export const moveRefusals = ['not_absolute', 'missing_parent', 'not_a_folder', 'not_empty', 'inside_library', 'not_writable', 'verify_failed', 'copy_failed'] as const;
export type MoveRefusal = (typeof moveRefusals)[number];
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Largest request body the web host accepts; larger requests get `invalid_input`. */
export const MAX_REQUEST_BYTES = 72 * 1024 * 1024;

const noInput = z.strictObject({});

/** Team sync (electron/sync): how it stands. */
export const syncStates = ['off', 'paused', 'connecting', 'syncing', 'idle', 'offline', 'error'] as const;
export type SyncState = (typeof syncStates)[number];
/** Why a connection test failed (the interface says each in the user's language). */
export const syncConnectionFailures = ['bad_address', 'unreachable', 'unauthorized', 'no_database', 'forbidden', 'no_password', 'insecure_storage'] as const;
export type SyncConnectionFailure = (typeof syncConnectionFailures)[number];
const syncSettingsInput = z.strictObject({
  /** http(s) address of the CouchDB server; empty: sync off. */
  server: z.string().max(1000),
  database: z.string().max(200),
  user: z.string().max(200),
});
const syncPassword = z.string().max(1000);
const syncStatusSchema = z.strictObject({
  server: z.string(),
  database: z.string(),
  user: z.string(),
  /** Where the password is kept: nowhere yet, encrypted by the system (Electron), or in memory until Newsdesk closes (web host). */
  password: z.enum(['none', 'encrypted', 'memory']),
  state: z.enum(syncStates),
  lastSyncAt: z.string().nullable(),
  /** Local changes not yet accepted by the server. */
  pending: z.number().int(),
  conflicts: z.array(z.strictObject({ id: articleId, headline: z.string(), versions: z.number().int() })),
  refused: z.array(z.strictObject({ id: z.string(), headline: z.string(), reason: z.string() })),
  /** Versions received from the server that this Newsdesk cannot read (made by a newer one, or damaged): not written, the text here kept. */
  unreadable: z.array(z.strictObject({ id: z.string(), headline: z.string(), by: z.string(), reason: z.enum(['newer', 'damaged']), detail: z.string() })).optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  progress: z.strictObject({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
const syncVersionSchema = z.strictObject({ rev: z.string(), article: articleSchema, by: z.string(), at: z.string() });

/** What an export did: where, how many pages, and what it wrote, kept and removed. */
const exportResultSchema = z.strictObject({
  outDir: z.string(),
  pages: z.number().int(),
  written: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  notes: z.array(z.string()),
  /** Published articles whose file could not be read: their pages were kept as the last export left them. */
  unreadable: z.array(z.strictObject({ id: z.string(), headline: z.string() })),
});

export { librarySorts, libraryViews, NATURAL_DIRECTION, type LibrarySort, type LibraryViewName } from './libraryTerms';
/** Most articles one bulk action changes. */
export const BULK_MAX = 100_000;
const dayField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** What the library lists: a saved view, a search and filters (each filter: any of the values given). */
const libraryQuery = z.strictObject({
  view: z.enum(libraryViews).optional(),
  /** Full text (headline, sapo, body, byline, captions, tags), diacritics optional; "quoted words" as a phrase. */
  query: text(200).optional(),
  statuses: z.array(articleStatus).max(articleStatus.options.length).optional(),
  sections: z.array(text(100)).max(200).optional(),
  tags: z.array(text(LIMITS.tag)).max(50).optional(),
  /** Profile ids; '' for articles assigned to no one. */
  assignees: z.array(text(100)).max(200).optional(),
  /** Days (inclusive, in the library's time zone) on one of the article's dates. */
  dates: z
    .strictObject({ field: z.enum(['updated', 'due', 'published']), from: dayField.optional(), to: dayField.optional() })
    .optional(),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

/** A piece of an article's text around search hits: `hits` are [start, end) offsets into `text`. */
export const searchSnippetSchema = z.strictObject({
  field: z.enum(['headline', 'sapo', 'body', 'byline', 'caption', 'tags']),
  text: z.string(),
  hits: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchSnippet = z.infer<typeof searchSnippetSchema>;

/** What a bulk action did: how many changed, were already so, and which could not (with why). */
const bulkResultSchema = z.strictObject({
  changed: z.number().int(),
  unchanged: z.number().int(),
  failed: z.array(z.strictObject({ id: z.string(), headline: z.string(), code: z.string(), message: z.string() })),
});

const articleRef = z.strictObject({ id: z.string(), headline: z.string() });
/** What an import did, article by article. */
export const bundleSummarySchema = z.strictObject({
  /** New to this library. */
  added: z.array(articleRef),
  /** Newer than this library's copy, which descends from it: replaced (the old one kept as a version). */
  updated: z.array(articleRef),
  /** Changed on both sides since they parted: this library's stays, the received one is kept as a version marked as a conflict. */
  conflicts: z.array(articleRef),
  /** The same as here, or older than what is here: nothing done. */
  unchanged: z.array(articleRef),
  /** Whose address (slug) another article here already had: given a new one. */
  renamed: z.array(articleRef),
  /** Images added to the library. */
  images: z.number().int(),
});
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

const problemSchema = z.strictObject({
  /** moved: the file could not be read and was renamed aside; repaired: it was repaired, its original copied aside. */
  kind: z.enum(['moved', 'repaired']),
  file: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  at: z.string(),
  /** The fields repaired (for an article). */
  fields: z.array(z.string()),
  /** What repairing the body changed, by kind (see shared/model/blocks/spec.ts, NoteKind). */
  notes: z.array(z.strictObject({ kind: z.enum(noteKinds), count: z.number().int() })),
});
export type StorageProblem = z.infer<typeof problemSchema>;

/** One item of the pre-publish checklist (shared/review/checklist.ts) and where in the article it is. */
const findingSchema = z.strictObject({
  rule: z.enum(checklistRuleIds),
  severity: z.enum(['error', 'warning']),
  location: z.strictObject({
    field: z.enum(['headline', 'sapo', 'byline', 'slug', 'featuredImage', 'body']),
    path: z.array(z.number().int().min(0)).optional(),
    attr: z.enum(['alt', 'caption', 'credit']).optional(),
    offset: z.number().int().min(0).optional(),
    length: z.number().int().min(0).optional(),
  }),
  excerpt: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * The settings a save changes: any of them, each checked as in `settingsSchema` — but without the
 * defaults, which would otherwise fill in (and so reset) every setting the call leaves out.
 */
const settingsChanges = z.strictObject(
  Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? schema.removeDefault() : schema).optional()])) as unknown as {
    [K in keyof typeof settingsSchema.shape]: z.ZodOptional<z.ZodType<z.output<(typeof settingsSchema.shape)[K]>, z.input<(typeof settingsSchema.shape)[K]>>>;
  },
);

export const contract = {
  getAppInfo: {
    input: noInput,
    output: z.strictObject({
      appVersion: z.string(),
      dataDir: z.string(),
      /** Who is working (recorded in history; the computer's user name until profiles exist). */
      user: z.string(),
      problems: z.array(problemSchema),
    }),
  },
  createArticle: {
    input: articleFieldsSchema.pick({ headline: true, sapo: true, byline: true, section: true, featuredImage: true, body: true }).partial().strict(),
    output: articleSchema,
  },
  getArticle: {
    input: z.strictObject({ id: articleId }),
    output: articleSchema,
  },
  saveArticle: {
    input: z.strictObject({
      id: articleId,
      /** The revision the editor's copy was based on: a stale save is refused with `conflict`. */
      baseRevision: z.number().int().min(1),
      changes: articleFieldsSchema.extend({ slug: slugField }).partial().strict(),
      /** A save by hand (Ctrl+S) keeps a named snapshot in revision history; an autosave keeps one after ten minutes of editing. */
      snapshot: z.boolean().optional(),
      /** The version's name, for a snapshot. */
      label: text(REVISION_LABEL_MAX).optional(),
    }),
    output: articleSchema,
  },
  listArticles: {
    input: libraryQuery.extend({
      /** relevance: best search match first (only with a query; otherwise updated). Ties in id order, so pages agree. */
      sort: z.enum(librarySorts).optional(),
      /** asc or desc; each column has its natural default (newest, A–Z, most syllables first). */
      direction: z.enum(['asc', 'desc']).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }).strict(),
    output: z.strictObject({
      total: z.number().int(),
      items: z.array(articleSummarySchema),
      /** For a search: where each listed article matched, the hits marked (by id). */
      snippets: z.record(z.string(), z.array(searchSnippetSchema)).optional(),
      /** A quoted phrase's candidates beyond this page were not all checked yet: `total` is at most that many ("about"). */
      approximate: z.literal(true).optional(),
    }),
  },
  listArticleIds: {
    /** Every article a query lists (for a selection of all of them), in no particular order. */
    input: libraryQuery,
    output: z.strictObject({ ids: z.array(z.string()) }),
  },
  updateArticles: {
    /** Bulk changes on a selection: each article moves only where the workflow (and the caller's role) allows; the others are reported. */
    input: z.strictObject({
      ids: z.array(articleId).min(1).max(BULK_MAX),
      status: articleStatus.optional(),
      section: text(100).optional(),
      addTags: z.array(text(LIMITS.tag)).max(20).optional(),
      removeTags: z.array(text(LIMITS.tag)).max(20).optional(),
      /** true: into the trash; false: out of it. */
      trashed: z.boolean().optional(),
    }),
    output: bulkResultSchema,
  },
  getSearchStatus: {
    /** The full-text index: ready, or being built (in the background, after it was missing or stale). */
    input: noInput,
    output: z.strictObject({ state: z.enum(['ready', 'building']), done: z.number().int(), total: z.number().int() }),
  },
  listTags: {
    input: z.strictObject({}),
    /** Every tag in use (not in the trash), most used first. */
    output: z.array(z.strictObject({ tag: z.string(), count: z.number().int() })),
  },
  trashArticle: {
    input: z.strictObject({ id: articleId }),
    output: articleSummarySchema,
  },
  restoreArticle: {
    input: z.strictObject({ id: articleId }),
    output: articleSummarySchema,
  },
  getSettings: {
    input: noInput,
    output: settingsSchema,
  },
  saveSettings: {
    input: z.strictObject({ changes: settingsChanges }),
    output: settingsSchema,
  },
  importAsset: {
    /** An image file's bytes (base64): checked by its first bytes, stored under its SHA-256. */
    input: z.strictObject({ fileName: text(255), dataBase64: z.string().max(68 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }),
    output: z.strictObject({ assetId: z.string(), bytes: z.number().int(), width: z.number().int(), height: z.number().int() }),
  },
  getImageInfo: {
    /** What the pages need to know of library images (size once turned upright, fallback format); images that cannot be read are left out. */
    input: z.strictObject({ assetIds: z.array(assetIdField).max(1000) }),
    output: z.strictObject({
      images: z.record(z.string(), imageInfoSchema),
    }),
  },
  getImageProgress: {
    /** Photos being prepared for the web (derivatives made in the background after an import). */
    input: z.strictObject({}),
    output: z.strictObject({ done: z.number().int(), total: z.number().int(), failed: z.number().int() }),
  },
  setStatus: {
    /** Moves an article through the workflow (shared/review/workflow.ts), with an optional note; publishing stamps its publication time the first time. */
    input: z.strictObject({ id: articleId, baseRevision: z.number().int().min(1), status: articleStatus, note: text(1000).optional() }),
    output: articleSchema,
  },
  listRevisions: {
    /** The snapshots kept of an article, newest first, and the article's current revision. */
    input: z.strictObject({ id: articleId }),
    output: z.strictObject({ current: z.number().int(), entries: z.array(revisionEntrySchema) }),
  },
  getRevision: {
    /** The article as it was at a kept revision (read-only). */
    input: z.strictObject({ id: articleId, revision: z.number().int().min(1) }),
    output: articleSchema,
  },
  restoreRevision: {
    /** Brings back a kept revision's text and fields as a new revision (nothing is overwritten; status and slug stay). */
    input: z.strictObject({ id: articleId, baseRevision: z.number().int().min(1), revision: z.number().int().min(1) }),
    output: articleSchema,
  },
  exportBundle: {
    /** The chosen articles, or every article not in the trash, as one `.newsdesk` file (with the images they show). */
    input: z.strictObject({ ids: z.array(articleId).min(1).max(100_000).optional() }),
    output: z.strictObject({ fileName: z.string(), dataBase64: z.string(), articles: z.number().int(), assets: z.number().int(), bytes: z.number().int() }),
  },
  importBundle: {
    /**
     * A `.newsdesk` file's bytes (base64). Read and checked whole first: a damaged or hostile bundle
     * is refused with `bundle_refused` ("<reason>: <detail>") and nothing is written.
     */
    input: z.strictObject({ dataBase64: z.string().min(1).max(512 * 1024 * 1024) }),
    output: bundleSummarySchema,
  },
  listUnusedImages: {
    /** Images of the library that no article (in the trash too), no kept version and not the logo shows, with their sizes. */
    input: noInput,
    output: z.strictObject({ images: z.array(z.strictObject({ assetId: z.string(), bytes: z.number().int() })), bytes: z.number().int() }),
  },
  removeUnusedImages: {
    /** Removes the images given that are still unused (one shown again meanwhile is kept), with their web copies. */
    input: z.strictObject({ assetIds: z.array(assetIdField).max(100_000) }),
    output: z.strictObject({ removed: z.number().int(), bytes: z.number().int() }),
  },
  recordExport: {
    /** Keeps a snapshot of the revision the window just exported (the single-file export happens there, after saving); null when another save came first. */
    input: z.strictObject({ id: articleId, revision: z.number().int().min(1) }),
    output: revisionEntrySchema.nullable(),
  },
  getChecklist: {
    /** The pre-publish checklist of the saved article, or of the editor's draft when changes are given. */
    input: z.strictObject({ id: articleId, changes: articleFieldsSchema.extend({ slug: slugField }).partial().strict().optional() }),
    output: z.strictObject({ findings: z.array(findingSchema), errors: z.number().int(), warnings: z.number().int() }),
  },
  getPageNeighbours: {
    /** What the article page shows beside the article: related, the section's others, the latest. */
    /** The draft's own section, tags and hand-chosen related articles may be given (the preview's, before they are saved). */
    input: z.strictObject({ id: articleId, section: text(60).optional(), tags: z.array(text(60)).max(30).optional(), related: z.array(articleId).max(12).optional() }),
    output: pageNeighboursSchema,
  },
  exportSite: {
    /** Writes the site of published articles into a folder (by default `site` in the library folder). */
    input: z.strictObject({ outDir: z.string().max(1000).optional() }),
    output: exportResultSchema,
  },
  exportArticleFolder: {
    /**
     * Writes one article into a folder: its page with the images and font it uses in assets/.
     * `rememberParent`: one of many exported each into a folder of its own inside the folder the
     * user chose (the library's bulk export): that folder is the one remembered among recent ones.
     */
    input: z.strictObject({ id: articleId, outDir: z.string().min(1).max(1000), rememberParent: z.boolean().optional() }),
    output: exportResultSchema,
  },
  getExportProgress: {
    input: z.strictObject({}),
    output: z.strictObject({ running: z.boolean(), done: z.number().int(), total: z.number().int() }),
  },
  listFolders: {
    /** A folder's subfolders (names only, hidden ones left out), for choosing where to export; by default the last folder exported into, else the home folder. */
    input: z.strictObject({ path: z.string().min(1).max(1000).optional() }),
    output: z.strictObject({
      path: z.string(),
      parent: z.string().nullable(),
      folders: z.array(z.strictObject({ name: z.string(), path: z.string() })),
      places: z.array(z.strictObject({ kind: z.enum(['recent', 'home', 'library', 'root']), path: z.string() })),
    }),
  },
  createFolder: {
    input: z.strictObject({ parent: z.string().min(1).max(1000), name: text(255) }),
    output: z.strictObject({ path: z.string() }),
  },
  getLibraryLocation: {
    /**
     * Where the library is, where that came from (the command line and NEWSDESK_DATA_DIR win over a
     * recorded move), whether a move can be recorded, the folder moved to in this session (restart
     * to use it) and the folder moved from, still kept, once Newsdesk runs from the new one.
     */
    input: noInput,
    output: z.strictObject({
      dataDir: z.string(),
      source: z.enum(['args', 'env', 'moved', 'default']),
      canRecord: z.boolean(),
      movedTo: z.string().nullable(),
      previous: z.string().nullable(),
    }),
  },
  moveLibrary: {
    /**
     * Copies every file of the library into an empty folder (created when its parent exists), checks
     * each copy (size and SHA-256), and records the new place for the next start; the old folder is
     * kept. Refused (`move_refused`) with nothing changed for a bad folder or a copy that differs.
     */
    input: z.strictObject({ target: z.string().min(1).max(1000) }),
    output: z.strictObject({ dataDir: z.string(), files: z.number().int(), bytes: z.number().int(), recorded: z.boolean(), overridden: z.boolean() }),
  },
  getMoveProgress: {
    input: noInput,
    output: z.strictObject({ running: z.boolean(), done: z.number().int(), total: z.number().int() }),
  },
  removeOldLibrary: {
    /** Deletes the folder the library was moved from (only that one, once Newsdesk runs from the new folder). */
    input: noInput,
    output: z.strictObject({ removed: z.string() }),
  },
  getSyncStatus: {
    /** Team sync (electron/sync): where to, its state, what waits, what conflicts and what the server refused. */
    input: noInput,
    output: syncStatusSchema,
  },
  saveSyncSettings: {
    /**
     * The server, database and user to sync with; `password` replaces the kept one (Electron keeps it
     * encrypted with safeStorage, the web host only in memory); an empty server turns sync off.
     */
    input: syncSettingsInput.extend({ password: syncPassword.optional() }),
    output: syncStatusSchema,
  },
  testSyncConnection: {
    /** Asks the server who the user is and whether the database is there (the kept password when none is given); changes nothing. */
    input: syncSettingsInput.extend({ password: syncPassword.optional() }),
    output: z.strictObject({
      ok: z.boolean(),
      reason: z.enum(syncConnectionFailures).nullable(),
      user: z.string(),
      roles: z.array(z.string()),
      message: z.string(),
    }),
  },
  setSyncPaused: {
    input: z.strictObject({ paused: z.boolean() }),
    output: syncStatusSchema,
  },
  syncNow: {
    /** Sends and receives what is waiting, then answers (a paused or unconfigured sync answers at once). */
    input: noInput,
    output: syncStatusSchema,
  },
  getArticleSync: {
    /** One article's sync state, for the editor: a conflict waiting, a change the server refused, who else is editing it. */
    input: z.strictObject({ id: articleId }),
    output: z.strictObject({
      conflict: z.boolean(),
      refused: z.string().nullable(),
      /** Why the last version received could not be written here (see SyncStatus.unreadable). */
      unreadable: z.strictObject({ by: z.string(), reason: z.enum(['newer', 'damaged']), detail: z.string() }).nullable().optional(),
      editing: z.array(z.strictObject({ name: z.string(), since: z.string() })),
    }),
  },
  getSyncConflict: {
    /** The versions of an article in conflict: the server's winner, every losing version, and the last version they shared (when still known). */
    input: z.strictObject({ id: articleId }),
    output: z.strictObject({
      id: articleId,
      winner: syncVersionSchema,
      losers: z.array(syncVersionSchema),
      common: articleSchema.nullable(),
    }),
  },
  resolveSyncConflict: {
    /**
     * Ends a conflict in one write that removes the losing versions: `keep` names the version kept
     * (its `rev`), `merged` the fields merged by hand on top of it; `keepOthersAsCopies` keeps every
     * other version as a new article of its own.
     */
    input: z.strictObject({
      id: articleId,
      keep: z.string().min(1).max(200),
      merged: articleFieldsSchema.partial().optional(),
      keepOthersAsCopies: z.boolean().optional(),
    }),
    output: articleSchema,
  },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type { MethodName };
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/**
 * Who makes a call, beside its input: the profile the window works as (shared/review/people.ts).
 * Carried by the transports (the web host's `X-Newsdesk-Profile` header, a second IPC argument).
 */
export interface CallContext {
  profileId?: string;
}

/** What the renderer holds: every method, returning errors as data. */
export type NewsdeskApi = {
  [M in MethodName]: (input: MethodInput<M>, context?: CallContext) => Promise<Result<MethodOutput<M>>>;
};

/** What the main process implements once: parsed input in, output out (failures thrown as ApiFailure). */
export type NewsdeskService = {
  [M in MethodName]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
};
