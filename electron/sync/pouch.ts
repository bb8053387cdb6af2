import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import leveldb from 'pouchdb-adapter-leveldb';
import replication from 'pouchdb-replication';

/** PouchDB with what the mirror needs: LevelDB on disk, HTTP to CouchDB, replication. */
export const Pouch = PouchDB.plugin(leveldb).plugin(http).plugin(replication);
export type Db = PouchDB.Database;
export type Meta = PouchDB.Meta;
export type Replication = PouchDB.Replication;

/** The library's mirror: a LevelDB folder inside the library (`sync/mirror`). */
export function openMirror(path: string): Db {
  return new Pouch(path, { adapter: 'leveldb', auto_compaction: false });
}

/** A CouchDB database over HTTP(S); nothing is created on the server. */
export function openRemote(server: string, database: string, user: string, password: string): Db {
  return new Pouch(remoteUrl(server, database), { skip_setup: true, auth: { username: user, password } });
}

export function remoteUrl(server: string, database: string): string {
  return `${server.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}
