/**
 * The API's method names and how each transport addresses them. Kept apart from the zod schemas
 * so the preload can be generated from it without bundling a validator.
 */
export const methodNames = [
  'getAppInfo',
  'createArticle',
  'getArticle',
  'saveArticle',
  'listArticles',
  'listTags',
  'trashArticle',
  'restoreArticle',
  'getSettings',
  'saveSettings',
  'importAsset',
  'setStatus',
  'getPageNeighbours',
  'exportSite',
  'exportArticleFolder',
  'getExportProgress',
] as const;
export type MethodName = (typeof methodNames)[number];

/** Methods that only read. The renderer lets them wait for earlier writes (read your own writes). */
export const queryMethods: ReadonlySet<MethodName> = new Set(['getAppInfo', 'getArticle', 'listArticles', 'listTags', 'getSettings', 'getPageNeighbours', 'getExportProgress']);

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

/** Where the renderer loads a library image from, under either transport (app:// or the web host). */
export const assetUrl = (assetId: string) => `library/assets/${assetId}`;
export const ASSET_ROUTE = '/library/assets/';

/** The web host's route for a method. */
export const httpPath = (method: MethodName) => `/api/${method}`;
