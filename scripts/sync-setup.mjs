#!/usr/bin/env node
// Sets up a newsroom's CouchDB for Newsdesk's team sync (docs/sync.md), from the same code the
// tests check (electron/sync/serverDesign.ts, bundled here in memory by esbuild):
//
//   npm run sync:setup -- --server https://couch.example.org --database newsdesk
//       creates the database if missing, puts the design document _design/newsdesk (validation)
//       and the _security object (members: roles reporter and editor). Safe to run again.
//   npm run sync:setup -- --server https://couch.example.org --user "Minh Anh" --role reporter
//       creates the user (or sets their password and role). The password is read from
//       NEWSDESK_USER_PASSWORD, else from the first line of standard input.
//
// The server admin's name and password come from NEWSDESK_COUCHDB_ADMIN and
// NEWSDESK_COUCHDB_ADMIN_PASSWORD (never from the command line, which others can see).
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = `Usage:
  npm run sync:setup -- --server URL [--database NAME]
  npm run sync:setup -- --server URL --user "NAME" --role reporter|editor
Environment: NEWSDESK_COUCHDB_ADMIN, NEWSDESK_COUCHDB_ADMIN_PASSWORD (server admin),
             NEWSDESK_USER_PASSWORD (the new user's password; else read from standard input).`;

function die(message) {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      server: { type: 'string' },
      database: { type: 'string', default: 'newsdesk' },
      user: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  die(error.message);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values.server) die('--server is missing.');
const adminUser = process.env.NEWSDESK_COUCHDB_ADMIN;
const adminPassword = process.env.NEWSDESK_COUCHDB_ADMIN_PASSWORD;
if (!adminUser || !adminPassword) die('Set NEWSDESK_COUCHDB_ADMIN and NEWSDESK_COUCHDB_ADMIN_PASSWORD to the server admin.');
if (values.user && values.role !== 'reporter' && values.role !== 'editor') die('--role is reporter or editor.');

const bundled = await build({
  entryPoints: ['electron/sync/serverDesign.ts'],
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
const design = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const server = values.server.replace(/\/+$/, '');
const admin = { user: adminUser, password: adminPassword };
try {
  if (values.user) {
    let password = process.env.NEWSDESK_USER_PASSWORD;
    if (!password) {
      process.stderr.write(`Password for ${values.user} (one line on standard input): `);
      const lines = createInterface({ input: process.stdin });
      password = await new Promise((resolve) => lines.once('line', resolve).once('close', () => resolve('')));
      lines.close();
    }
    if (!password) die('No password given.');
    await design.ensureUser({ server, admin, name: values.user, password, roles: [values.role] });
    process.stdout.write(`User "${values.user}" (${values.role}) is ready on ${server}.\n`);
  } else {
    await design.setupDatabase({ server, database: values.database, admin });
    process.stdout.write(`Database "${values.database}" on ${server}: design document and _security are in place.\n`);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
