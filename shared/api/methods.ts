/**
 * The API's methods, each with whether it only reads ('read') or changes something ('write').
 * Kept apart from the zod schemas so the preload can be generated from it without bundling a
 * validator; `contract.ts` gives every name here its schemas (`satisfies Record<MethodName, …>`).
 */
export type MethodKind = 'read' | 'write';

export const methods = {
  getAppInfo: 'read',
  createArticle: 'write',
  getArticle: 'read',
  saveArticle: 'write',
  listArticles: 'read',
  listArticleIds: 'read',
  updateArticles: 'write',
  getSearchStatus: 'read',
  listTags: 'read',
  trashArticle: 'write',
  restoreArticle: 'write',
  getSettings: 'read',
  saveSettings: 'write',
  importAsset: 'write',
  getImageInfo: 'read',
  getImageProgress: 'read',
  setStatus: 'write',
  listRevisions: 'read',
  getRevision: 'read',
  restoreRevision: 'write',
  recordExport: 'write',
  getChecklist: 'read',
  getPageNeighbours: 'read',
  // Exports write files and must include every save made before them: writes.
  exportSite: 'write',
  exportArticleFolder: 'write',
  getExportProgress: 'read',
  listFolders: 'read',
  createFolder: 'write',
  // A bundle keeps an "exported" snapshot of each article it carries: a write.
  exportBundle: 'write',
  importBundle: 'write',
  listUnusedImages: 'read',
  removeUnusedImages: 'write',
  getLibraryLocation: 'read',
  moveLibrary: 'write',
  getMoveProgress: 'read',
  removeOldLibrary: 'write',
  // Team sync through CouchDB (electron/sync): configuring, pausing and resolving write.
  getSyncStatus: 'read',
  saveSyncSettings: 'write',
  testSyncConnection: 'read',
  setSyncPaused: 'write',
  syncNow: 'write',
  getArticleSync: 'read',
  getSyncConflict: 'read',
  resolveSyncConflict: 'write',
} as const satisfies Record<string, MethodKind>;
export type MethodName = keyof typeof methods;

/** The method names, in the order above. */
export const methodNames = Object.keys(methods) as readonly MethodName[];

/** Methods that only read. The renderer lets them wait for earlier writes (read your own writes) but not for each other. */
export function isReadMethod(name: MethodName): boolean {
  return methods[name] === 'read';
}

export function isMethodName(name: string): name is MethodName {
  return (methodNames as readonly string[]).includes(name);
}

/** Electron IPC channels; the only place their names are made. */
export const IPC_PREFIX = 'newsdesk:';
export const ipcChannel = (method: MethodName) => `${IPC_PREFIX}${method}`;
/** Main → renderer: run a command (menu item clicked). */
export const COMMAND_CHANNEL = `${IPC_PREFIX}command`;
/** Main → renderer: the window is closing, save now; renderer → main: done. */
export const FLUSH_REQUEST_CHANNEL = `${IPC_PREFIX}flush-request`;
export const FLUSH_DONE_CHANNEL = `${IPC_PREFIX}flush-done`;
/** Renderer → main: show the system's folder dialog; answers the chosen folder or null. */
export const CHOOSE_FOLDER_CHANNEL = `${IPC_PREFIX}choose-folder`;
/** Main → renderer: `.newsdesk` files the system asked Newsdesk to open are waiting (electron/shell/openFiles). */
export const BUNDLES_WAITING_CHANNEL = `${IPC_PREFIX}bundles-waiting`;
/** Renderer → main: hand over the waiting `.newsdesk` files (each once), read. */
export const TAKE_BUNDLES_CHANNEL = `${IPC_PREFIX}take-bundles`;

/**
 * Where the renderer loads a library image's derivative from (by its name, see
 * shared/publish/images), under either transport (app:// or the web host). Originals are never served.
 */
export const IMAGE_ROUTE = '/library/images/';
export const imageUrl = (name: string) => `${IMAGE_ROUTE.slice(1)}${name}`;

/**
 * The preview's own document (renderer/public/preview.html), served by either transport with its
 * own policy, which allows the published page's inline stylesheet there and nowhere else.
 */
export const PREVIEW_ROUTE = '/preview.html';

/** The web host's header naming the profile a call comes from (see CallContext in ./contract). */
export const PROFILE_HEADER = 'X-Newsdesk-Profile';

/** The web host's route for a method. */
export const httpPath = (method: MethodName) => `/api/${method}`;
