/**
 * The server-side helpers themselves: the validation function is ES5 (CouchDB's JavaScript
 * engine), setupDatabase and ensureUser can be run again, and the cutting proxy really cuts.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { basicAuth, DESIGN_DOC_ID, ensureUser, setupDatabase, userNameProblem, VALIDATE_DOC_UPDATE } from '../../electron/sync/serverDesign';
import { startCuttingProxy } from '../helpers/cuttingProxy';
import { startSyncServer, type SyncServer } from '../helpers/syncServer';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server?.stop();
});

const asAdmin = () => ({ authorization: basicAuth(server.admin.user, server.admin.password) });
const dbUrl = () => `${server.url}/${encodeURIComponent(server.database)}`;

async function getJson(url: string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the validation function', () => {
  // espree is ESLint's own parser (so always installed with it).
  const { parse } = createRequire(import.meta.url)('espree') as { parse(code: string, options: { ecmaVersion: number }): unknown };
  const es5 = (source: string) => () => parse(`(${source})`, { ecmaVersion: 5 });

  test('is ES5, as CouchDB stores and runs it', () => {
    expect(es5(VALIDATE_DOC_UPDATE)).not.toThrow();
    // The check can fail: what ES5 does not have is refused.
    expect(es5('function (doc) { let x = doc; }')).toThrow();
    expect(es5('function (doc) { var f = (d) => d; }')).toThrow();
    expect(es5('function (doc) { var s = `${doc}`; }')).toThrow();
  });
});

describe('setupDatabase', () => {
  test('run again, changes nothing; puts back a design document someone changed', async () => {
    const before = await getJson(`${dbUrl()}/${DESIGN_DOC_ID}`, asAdmin());
    expect(before.body.validate_doc_update).toBe(VALIDATE_DOC_UPDATE);
    await setupDatabase({ server: server.url, database: server.database, admin: server.admin });
    expect((await getJson(`${dbUrl()}/${DESIGN_DOC_ID}`, asAdmin())).body._rev).toBe(before.body._rev);

    const changed = await fetch(`${dbUrl()}/${DESIGN_DOC_ID}`, {
      method: 'PUT',
      headers: { ...asAdmin(), 'content-type': 'application/json' },
      body: JSON.stringify({ ...before.body, validate_doc_update: 'function () {}' }),
    });
    expect(changed.status).toBe(201);
    await changed.body?.cancel();
    await setupDatabase({ server: server.url, database: server.database, admin: server.admin });
    const after = await getJson(`${dbUrl()}/${DESIGN_DOC_ID}`, asAdmin());
    expect(after.body.validate_doc_update).toBe(VALIDATE_DOC_UPDATE);
    expect(after.body._rev).not.toBe(before.body._rev);
    const security = await getJson(`${dbUrl()}/_security`, asAdmin());
    expect(security.body).toMatchObject({ members: { roles: ['reporter', 'editor'] } });
  });

  test('a wrong admin password is an error that says so', async () => {
    await expect(setupDatabase({ server: server.url, database: server.database, admin: { user: server.admin.user, password: 'wrong' } })).rejects.toThrow(/HTTP 401/);
  });
});

describe('ensureUser', () => {
  const session = (name: string, password: string) => getJson(`${server.url}/_session`, { authorization: basicAuth(name, password) });

  test('creates a user with a Vietnamese name, then changes their password and role', async () => {
    const name = 'Nguyễn Thị Hồng Nhung';
    await ensureUser({ server: server.url, admin: server.admin, name, password: 'một', roles: ['reporter'] });
    expect((await session(name, 'một')).body.userCtx).toEqual({ name, roles: ['reporter'] });
    await ensureUser({ server: server.url, admin: server.admin, name, password: 'hai', roles: ['editor'] });
    // CouchDB 3 updates its cache of users from the change feed, a moment after the write: wait
    // for the new password to be taken (the old one is then dropped with the cached user).
    while ((await session(name, 'hai')).status !== 200);
    expect((await session(name, 'một')).status).toBe(401);
    expect((await session(name, 'hai')).body.userCtx).toEqual({ name, roles: ['editor'] });
  });

  test('refuses names CouchDB or the lock documents cannot take', async () => {
    expect(userNameProblem('Minh Anh')).toBeNull();
    for (const bad of ['', ' Minh Anh', '_admin', 'a:b']) {
      expect(userNameProblem(bad)).not.toBeNull();
      await expect(ensureUser({ server: server.url, admin: server.admin, name: bad, password: 'x', roles: ['reporter'] })).rejects.toThrow();
    }
  });
});

describe('the test server', () => {
  test('stores a replicated update (new_edits: false) as the new revision, not the old one', async () => {
    // pouchdb-validation replaced the incoming _revisions with the stored ones (the preload of
    // tests/helpers/syncServer.ts mends it); CouchDB always did this right.
    const auth = { authorization: basicAuth(server.users.reporter.name, server.users.reporter.password), 'content-type': 'application/json' };
    const id = `article:replicated-${Date.now()}`;
    const doc = { _id: id, type: 'article', author: server.users.reporter.name, assignee: '', published: false, body: 'một' };
    const first = await fetch(`${dbUrl()}/${encodeURIComponent(id)}`, { method: 'PUT', headers: auth, body: JSON.stringify(doc) });
    const rev1 = ((await first.json()) as { rev: string }).rev;
    const next = 'e'.repeat(32);
    const update = { ...doc, body: 'hai', _rev: `2-${next}`, _revisions: { start: 2, ids: [next, rev1.slice(2)] } };
    const pushed = await fetch(`${dbUrl()}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: [update], new_edits: false }) });
    expect(pushed.status).toBe(201);
    await pushed.body?.cancel();
    const stored = await getJson(`${dbUrl()}/${encodeURIComponent(id)}`, asAdmin());
    expect(stored.body).toMatchObject({ _rev: `2-${next}`, body: 'hai' });
  });
});

describe('the cutting proxy', () => {
  const reporter = () => ({ authorization: basicAuth(server.users.reporter.name, server.users.reporter.password) });

  test('passes requests through, cuts open connections, refuses new ones while down', async () => {
    const proxy = await startCuttingProxy(server.url);
    try {
      expect((await getJson(`${proxy.url}/`, {})).status).toBe(200);

      // A long poll stays open until a change comes: cut it once its request went through (the
      // proxy forwarded bytes after the first answer; the connection may be the kept-alive one).
      const before = proxy.bytes;
      const waiting = fetch(`${proxy.url}/${encodeURIComponent(server.database)}/_changes?feed=longpoll&since=now&timeout=60000`, { headers: reporter() }).then((r) => r.text());
      while (proxy.bytes === before) await new Promise((resolve) => setImmediate(resolve));
      const cutsBefore = proxy.cuts;
      proxy.cut();
      await expect(waiting).rejects.toThrow();
      expect(proxy.cuts).toBeGreaterThan(cutsBefore);

      proxy.setDown(true);
      await expect(fetch(`${proxy.url}/`)).rejects.toThrow();
      proxy.setDown(false);
      expect((await getJson(`${proxy.url}/`, {})).status).toBe(200);
    } finally {
      await proxy.stop();
    }
  });

  test('cuts in the middle of a transfer after a random number of bytes', async () => {
    const big = { _id: `article:big-${Date.now()}`, type: 'article', author: server.users.reporter.name, assignee: '', published: false, body: randomBytes(300_000).toString('base64') };
    const saved = await fetch(`${dbUrl()}/${encodeURIComponent(big._id)}`, {
      method: 'PUT',
      headers: { ...reporter(), 'content-type': 'application/json' },
      body: JSON.stringify(big),
    });
    expect(saved.status).toBe(201);
    await saved.body?.cancel();

    const proxy = await startCuttingProxy(server.url);
    try {
      let seed = 42;
      const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      proxy.cutAtRandom(random, 100_000);
      const url = `${proxy.url}/${encodeURIComponent(server.database)}/${encodeURIComponent(big._id)}`;
      // The answer is ~400 KB of random text (the server's gzip cannot shrink it): it cannot get
      // through without crossing a cut.
      await expect(fetch(url, { headers: reporter() }).then((r) => r.text())).rejects.toThrow();
      expect(proxy.cuts).toBeGreaterThanOrEqual(1);
      proxy.cutAtRandom(random, 0);
      const whole = await getJson(url, reporter());
      expect(whole.body.body).toBe(big.body);
    } finally {
      await proxy.stop();
    }
  });
});
