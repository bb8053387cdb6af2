import { ARTICLE_PREFIX, ASSET_PREFIX, LOCK_PREFIX, SNAPSHOT_PREFIX, SYNC_ROLES } from './docs';

/**
 * The server side of sync: what a newsroom's CouchDB database holds besides the documents of
 * ./docs.ts — the design document whose validation function enforces the roles, the `_security`
 * object that keeps outsiders from reading, and the two admin steps that set them up
 * (`setupDatabase`, `ensureUser`). Node only (global fetch), no Electron: the tests, the setup
 * command and the main-process bundle import it alike.
 */

export const DESIGN_DOC_ID = '_design/newsdesk';

/**
 * CouchDB's `validate_doc_update(newDoc, oldDoc, userCtx, secObj)`, as the source CouchDB stores
 * and runs in its own JavaScript engine: ES5 only (no arrow functions, no let/const, no template
 * strings). It throws `{ unauthorized }` (HTTP 401) for someone who may not write at all and
 * `{ forbidden }` (HTTP 403) for a write the person's role does not allow; replication reports
 * each refused document to the client (PouchDB's `denied` event) and goes on with the others.
 *
 * - Only server admins and users with the role `reporter` or `editor` write anything.
 * - Design documents: admins only. Every other id is `<type>:…` with a `type` field to match.
 * - `snapshot:` and `asset:` documents are immutable: created once, never changed nor deleted;
 *   a snapshot's `by` is the name of the person who sends it.
 * - `lock:<articleId>:<user>` is written (and deleted) only by `<user>`, with `user` its name.
 * - `article:` documents: editors anything. Reporters create only their own (`author` their
 *   name, `published` false); change or delete only an article whose current `author` or
 *   `assignee` is them and that is not published; never change `author`, never publish.
 *   A deletion (`_deleted` new document, which has no other fields) is judged by `oldDoc`.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = (userCtx && userCtx.roles) || [];
  var name = userCtx && userCtx.name;
  function has(role) { return roles.indexOf(role) !== -1; }
  function forbid(reason) { throw { forbidden: reason }; }
  if (has('_admin')) return;
  var isEditor = has('${SYNC_ROLES.editor}');
  var isReporter = has('${SYNC_ROLES.reporter}');
  if (!name || (!isEditor && !isReporter)) {
    throw { unauthorized: 'Only reporters and editors of the newsroom may write here.' };
  }
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) forbid('Only the server administrator changes design documents.');
  var colon = id.indexOf(':');
  var type = colon > 0 ? id.slice(0, colon) : '';
  var known = { article: true, snapshot: true, asset: true, lock: true };
  if (!known.hasOwnProperty(type)) forbid('Unknown kind of document: ' + id + '.');
  var deleting = newDoc._deleted === true;
  var exists = !!oldDoc && oldDoc._deleted !== true;
  if (!deleting && newDoc.type !== type) forbid('A document whose id starts with "' + type + ':" must have type "' + type + '".');

  if (type === 'snapshot' || type === 'asset') {
    if (deleting) forbid('Kept versions and images are never deleted.');
    if (exists) forbid('Kept versions and images never change once sent.');
    // (Every laptop lists a named version under the name of whoever sent it.)
    if (type === 'snapshot' && newDoc.by !== name) forbid('A kept version names the person who sends it.');
    return;
  }

  if (type === 'lock') {
    var suffix = ':' + name;
    var ownId = id.length > '${LOCK_PREFIX}'.length + suffix.length && id.slice(id.length - suffix.length) === suffix;
    if (!ownId) forbid('Only ' + id.slice(id.lastIndexOf(':') + 1) + ' writes this editing notice.');
    if (!deleting && newDoc.user !== name) forbid('An editing notice names the person who writes it.');
    if (exists && oldDoc.user !== name) forbid('Only ' + oldDoc.user + ' changes this editing notice.');
    return;
  }

  // article
  if (!deleting) {
    if (typeof newDoc.author !== 'string' || newDoc.author === '') forbid('An article needs its author.');
    if (typeof newDoc.assignee !== 'string') forbid('An article needs its assignee (may be empty).');
    if (typeof newDoc.published !== 'boolean') forbid('An article says whether it is published.');
  }
  if (isEditor) return;
  if (!exists) {
    if (deleting) return;
    if (newDoc.author !== name) forbid('A reporter sends new articles in their own name only.');
    if (newDoc.published !== false) forbid('Only editors publish.');
    return;
  }
  if (oldDoc.author !== name && oldDoc.assignee !== name) {
    forbid('Only its author, its assignee or an editor changes this article.');
  }
  if (oldDoc.published === true) forbid('This article is published: only editors change it.');
  if (deleting) return;
  if (newDoc.author !== oldDoc.author) forbid('The author of an article never changes.');
  if (newDoc.published !== false) forbid('Only editors publish.');
}`;

export interface DesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  filters: Record<string, string>;
}

/**
 * What a laptop receives by replication: everything but the photos, chosen on the server (a filter
 * run on the laptop would have every document sent whole to look at it). Photos are fetched one
 * at a time, as the articles received show them.
 */
export const DOCUMENTS_FILTER = `function (doc) {
  return doc._id.indexOf('${ASSET_PREFIX}') !== 0;
}`;
export const DOCUMENTS_FILTER_NAME = 'newsdesk/documents';

export const DESIGN_DOC: DesignDoc = {
  _id: DESIGN_DOC_ID,
  language: 'javascript',
  validate_doc_update: VALIDATE_DOC_UPDATE,
  filters: { documents: DOCUMENTS_FILTER },
};

/** Members (readers and writers) are the two roles; no database admins but the server's. */
export const SECURITY = {
  admins: { names: [] as string[], roles: [] as string[] },
  members: { names: [] as string[], roles: [SYNC_ROLES.reporter, SYNC_ROLES.editor] as string[] },
};

/** The prefixes the validation function knows (kept here so a new kind of document is noticed). */
export const VALIDATED_PREFIXES = [ARTICLE_PREFIX, SNAPSHOT_PREFIX, ASSET_PREFIX, LOCK_PREFIX];

export interface AdminCredentials {
  user: string;
  password: string;
}

/** Basic authentication of a name and password (UTF-8, so "Minh Anh" and "Quốc Huy" work). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** A server URL without trailing slash, credentials or path: `http://host:port`. */
function base(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export class CouchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

async function request(
  server: string,
  admin: AdminCredentials,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base(server)}/${path}`, {
    method,
    headers: {
      authorization: basicAuth(admin.user, admin.password),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  try {
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    return { status: response.status, json: { error: 'not_json', reason: text.slice(0, 200) } };
  }
}

function fail(what: string, result: { status: number; json: Record<string, unknown> }): never {
  const reason = [result.json.error, result.json.reason].filter(Boolean).join(': ');
  throw new CouchError(`${what}: HTTP ${result.status}${reason ? ` (${reason})` : ''}`, result.status);
}

/** Creates the database if it is missing (412 "file_exists" means it was there). */
async function ensureDatabase(server: string, admin: AdminCredentials, database: string): Promise<void> {
  const result = await request(server, admin, 'PUT', encodeURIComponent(database));
  if (result.status !== 201 && result.status !== 202 && result.status !== 412) fail(`Creating the database ${database}`, result);
}

/** Puts `doc` at `path`, over the current revision if there is one (retried on a concurrent update). */
async function putLatest(server: string, admin: AdminCredentials, path: string, doc: Record<string, unknown>, what: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const current = await request(server, admin, 'GET', path);
    if (current.status !== 200 && current.status !== 404) fail(what, current);
    const rev = current.status === 200 ? (current.json._rev as string) : undefined;
    const result = await request(server, admin, 'PUT', path, { ...doc, ...(rev ? { _rev: rev } : {}) });
    if (result.status === 201 || result.status === 202) return;
    if (result.status !== 409 || attempt >= 5) fail(what, result);
  }
}

export interface SetupOptions {
  /** `http(s)://host:port`, without credentials. */
  server: string;
  database: string;
  admin: AdminCredentials;
}

/**
 * Makes `database` ready for Newsdesk: creates it if missing, puts (or updates) the design
 * document `_design/newsdesk` and the `_security` object. Safe to run again after an update.
 */
export async function setupDatabase({ server, database, admin }: SetupOptions): Promise<void> {
  await ensureDatabase(server, admin, database);
  const db = encodeURIComponent(database);
  const current = await request(server, admin, 'GET', `${db}/${DESIGN_DOC_ID}`);
  const unchanged =
    current.status === 200 &&
    current.json.validate_doc_update === VALIDATE_DOC_UPDATE &&
    current.json.language === 'javascript' &&
    (current.json.filters as Record<string, unknown> | undefined)?.documents === DOCUMENTS_FILTER;
  if (!unchanged) await putLatest(server, admin, `${db}/${DESIGN_DOC_ID}`, { ...DESIGN_DOC }, 'Saving the design document');
  const security = await request(server, admin, 'PUT', `${db}/_security`, SECURITY);
  if (security.status !== 200 && security.status !== 201) fail('Saving _security', security);
}

export interface UserOptions {
  server: string;
  admin: AdminCredentials;
  /** The person's name as Newsdesk shows it and uses for assignees ("Minh Anh"). */
  name: string;
  password: string;
  roles: string[];
}

/** Why `name` cannot be a sync user's name, else null. */
export function userNameProblem(name: string): string | null {
  if (name.trim() === '' || name !== name.trim()) return 'A name is not empty and has no spaces around it.';
  if (name.startsWith('_')) return 'A name does not start with "_".';
  if (name.includes(':')) return 'A name has no ":" (it separates the name from the password).';
  return null;
}

/**
 * Creates the CouchDB user `name` (document `_users/org.couchdb.user:<name>`) or updates its
 * password and roles. Creates the `_users` database when missing (a fresh single-node CouchDB 3
 * has none until it is set up).
 */
export async function ensureUser({ server, admin, name, password, roles }: UserOptions): Promise<void> {
  const problem = userNameProblem(name);
  if (problem) throw new Error(`${JSON.stringify(name)}: ${problem}`);
  // Already there with these roles and this password: nothing to write (parallel runs against
  // one CouchDB then never fight over the same user document).
  const session = await fetch(`${base(server)}/_session`, { headers: { authorization: basicAuth(name, password), accept: 'application/json' } });
  if (session.ok) {
    const ctx = ((await session.json()) as { userCtx?: { name?: string; roles?: string[] } }).userCtx;
    const have = [...(ctx?.roles ?? [])].sort();
    if (ctx?.name === name && JSON.stringify(have) === JSON.stringify([...roles].sort())) return;
  } else {
    await session.body?.cancel();
  }
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const result = await request(server, admin, 'GET', '_users');
  if (result.status === 404) await ensureDatabase(server, admin, '_users');
  else if (result.status !== 200) fail('Reading _users', result);
  await putLatest(server, admin, path, { _id: `org.couchdb.user:${name}`, type: 'user', name, password, roles }, `Saving the user ${name}`);
}
