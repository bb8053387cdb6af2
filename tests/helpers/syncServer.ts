/**
 * A CouchDB-compatible server for the sync tests, set up as a newsroom's would be (docs/sync.md):
 * the database with `_design/newsdesk` and `_security`, a server admin, and four users —
 * reporter "Minh Anh", reporter2 "Quốc Huy", editor "Thu Trang", outsider "Khách" (no role).
 *
 * By default it is pouchdb-server 4.2.0 (express-pouchdb in its "fullCouchDB" mode, in memory)
 * started as a child process. With NEWSDESK_COUCHDB_URL (e.g. http://admin:secret@127.0.0.1:5984,
 * the hosted CI's CouchDB 3 container) it is that server instead, with a fresh database per call,
 * dropped by stop().
 *
 * What pouchdb-server 4.2.0 really does, found by trying it (tests/sync/permissions.test.ts
 * checks each point against both servers):
 * - `_users` with roles, passwords hashed (pbkdf2), HTTP basic auth (UTF-8 names such as
 *   "Quốc Huy" work) and `GET /_session` returning `userCtx { name, roles }`: yes. Admins come
 *   from the config file's `admins` section (hashed on start); with one there, anonymous
 *   requests are no longer "admin party".
 * - `_security` enforced for members: yes (pouchdb-security). A non-member reading or writing
 *   gets 401 `unauthorized` — CouchDB 3 answers 403 `forbidden` to an authenticated non-member
 *   and 401 to an anonymous one — and `_changes`, `_all_docs` and single documents are refused.
 * - `validate_doc_update` with `userCtx`: yes (pouchdb-validation), `{forbidden}` -> 403,
 *   `{unauthorized}` -> 401, for PUT, DELETE, POST and `_bulk_docs` (so for replication too,
 *   with `new_edits: false`). One difference: its `oldDoc` is the document's current *winning*
 *   revision (a `db.get(id)`), not the revision being replaced as in CouchDB; deleting a losing
 *   conflict revision is judged against the winner (null when the winner is deleted); the one
 *   permission test that tells the two apart runs on CouchDB only and is skipped here, saying so.
 *   And a bug: before validating, it overwrote the incoming document's `_revisions` with the
 *   stored one's, so a replicated update (`new_edits: false`) was stored as the revision the
 *   server already had — reported written, silently lost. The preload below mends it.
 * - Design documents: only admins (pouchdb-security), and pouchdb-validation never runs
 *   validation functions on them.
 * - A non-admin `PUT /<db>` (creating a database) makes pouchdb-server 4.2.0 crash
 *   ("db.info is not a function" in express-pouchdb's routes/db.js): the tests never do it.
 *
 * Readiness: the child is started with a preload script that reports, over the IPC channel, the
 * port its HTTP server actually listens on (it listens on port 0: no port guessing, no race);
 * then GET / is polled until it answers — no fixed sleeps.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureUser, setupDatabase, basicAuth, type AdminCredentials } from '../../electron/sync/serverDesign';
import { makeTempDir, removeDir } from './tempDir';

export interface SyncUser {
  name: string;
  password: string;
}

export interface SyncServer {
  /** `http://127.0.0.1:PORT` (no credentials, no trailing slash). */
  url: string;
  database: string;
  admin: AdminCredentials;
  users: { reporter: SyncUser; reporter2: SyncUser; editor: SyncUser; outsider: SyncUser };
  /** Which server it is: pouchdb-server (child process) or a real CouchDB (NEWSDESK_COUCHDB_URL). */
  kind: 'pouchdb-server' | 'couchdb';
  addUser(name: string, password: string, roles: string[]): Promise<void>;
  stop(): Promise<void>;
}

export const SYNC_TEST_USERS = {
  reporter: { name: 'Minh Anh', roles: ['reporter'] },
  reporter2: { name: 'Quốc Huy', roles: ['reporter'] },
  editor: { name: 'Thu Trang', roles: ['editor'] },
  outsider: { name: 'Khách', roles: [] as string[] },
} as const;

// Fixed passwords: against one real CouchDB, test files running in parallel set the same users
// to the same passwords (ensureUser then writes nothing) instead of changing each other's.
const password = (name: string) => `pw-${Buffer.from(name, 'utf8').toString('hex').slice(0, 16)}-newsdesk`;

const require = createRequire(import.meta.url);

/**
 * Preloaded in the child: reports the port its server listens on (the first `listening` with an
 * address) and mends one bug of pouchdb-validation 4 (pouchdb-server's validate_doc_update): before
 * calling the function it replaces the incoming document's `_revisions` with the stored one's,
 * so a replicated update (`_bulk_docs` with `new_edits: false`) is stored as the revision the
 * server already has: reported written, silently lost. CouchDB itself has no such step.
 */
const PRELOAD = `'use strict';
const Module = require('node:module');
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (/pouchdb-validation[\\/]lib[\\/]index\\.js$/.test(filename)) {
    const broken = 'newDoc._revisions = (oldDoc || {})._revisions;';
    if (!content.includes(broken)) throw new Error('pouchdb-validation changed: check the mend in tests/helpers/syncServer.ts');
    content = content.replace(broken, 'newDoc._revisions = newDoc._revisions || (oldDoc || {})._revisions;');
  }
  return compile.call(this, content, filename);
};
const net = require('node:net');
const listen = net.Server.prototype.listen;
let reported = false;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const address = this.address();
    if (!reported && address && typeof address === 'object' && process.send) {
      reported = true;
      process.send({ newsdeskListening: address.port });
    }
  });
  return listen.apply(this, args);
};
`;

export async function startSyncServer(options: { database?: string } = {}): Promise<SyncServer> {
  const external = process.env.NEWSDESK_COUCHDB_URL;
  return external ? useCouchDB(external, options) : startPouchDBServer(options);
}

function makeUsers(): SyncServer['users'] {
  const entry = (name: string) => ({ name, password: password(name) });
  return {
    reporter: entry(SYNC_TEST_USERS.reporter.name),
    reporter2: entry(SYNC_TEST_USERS.reporter2.name),
    editor: entry(SYNC_TEST_USERS.editor.name),
    outsider: entry(SYNC_TEST_USERS.outsider.name),
  };
}

async function prepare(url: string, database: string, admin: AdminCredentials): Promise<SyncServer['users']> {
  await setupDatabase({ server: url, database, admin });
  const users = makeUsers();
  for (const key of Object.keys(SYNC_TEST_USERS) as (keyof typeof SYNC_TEST_USERS)[]) {
    await ensureUser({ server: url, admin, name: users[key].name, password: users[key].password, roles: [...SYNC_TEST_USERS[key].roles] });
  }
  return users;
}

async function useCouchDB(external: string, options: { database?: string }): Promise<SyncServer> {
  const parsed = new URL(external);
  const admin = { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  const url = `${parsed.protocol}//${parsed.host}`;
  const database = `${options.database ?? 'newsdesk_test'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const users = await prepare(url, database, admin);
  return {
    url,
    database,
    admin,
    users,
    kind: 'couchdb',
    addUser: (name, pw, roles) => ensureUser({ server: url, admin, name, password: pw, roles }),
    async stop() {
      const response = await fetch(`${url}/${encodeURIComponent(database)}`, { method: 'DELETE', headers: { authorization: basicAuth(admin.user, admin.password) } });
      await response.body?.cancel();
    },
  };
}

async function startPouchDBServer(options: { database?: string }): Promise<SyncServer> {
  const dir = await makeTempDir('newsdesk-sync-server-');
  const admin = { user: 'admin', password: randomBytes(12).toString('hex') };
  const configPath = join(dir, 'config.json');
  const preloadPath = join(dir, 'report-port.cjs');
  // The admin's password is hashed into the file on start; the log goes to a file, not stdout.
  await writeFile(configPath, JSON.stringify({ admins: { [admin.user]: admin.password }, log: { file: join(dir, 'log.txt'), level: 'warning' },
    // Port 0 here, not `--port 0`: the command line's 0 is falsy and falls back to 5984.
    httpd: { port: 0 } }));
  await writeFile(preloadPath, PRELOAD);
  const bin = require.resolve('pouchdb-server/lib/index.js');
  const args = ['--in-memory', '--host', '127.0.0.1', '--dir', join(dir, 'data'), '--config', configPath, '--no-stdout-logs'];
  const child = fork(bin, args, { cwd: dir, execArgv: ['--require', preloadPath], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const cleanUp = async () => {
    await stopChild(child, exited);
    await removeDir(dir);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.on('message', (message: unknown) => {
        const port = (message as { newsdeskListening?: number } | null)?.newsdeskListening;
        if (typeof port === 'number') resolve(port);
      });
      void exited.then((code) => reject(new Error(`pouchdb-server exited (code ${code}) before listening`)));
      child.once('error', reject);
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForAnswer(url, exited);
    const database = options.database ?? 'newsdesk';
    const users = await prepare(url, database, admin);
    return {
      url,
      database,
      admin,
      users,
      kind: 'pouchdb-server',
      addUser: (name, pw, roles) => ensureUser({ server: url, admin, name, password: pw, roles }),
      stop: cleanUp,
    };
  } catch (error) {
    process.stderr.write(`pouchdb-server failed to start:\n${stderr}\n`);
    await cleanUp();
    throw error;
  }
}

/** Polls GET / until the server answers 200, or fails as soon as the process has exited. */
async function waitForAnswer(url: string, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error('pouchdb-server exited while starting');
    try {
      const response = await fetch(`${url}/`);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not accepting connections yet
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await exited;
  }
}
