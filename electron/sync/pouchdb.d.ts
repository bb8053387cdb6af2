// The parts of PouchDB 9 that Newsdesk uses, typed here: @types/pouchdb-core is written for
// PouchDB 7 and pulls the DOM's types into the main process's code.

declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Meta {
      _id: string;
      _rev: string;
      _conflicts?: string[];
      _deleted?: boolean;
      _revisions?: { start: number; ids: string[] };
      _attachments?: Record<string, { content_type: string; data?: Buffer | string; stub?: boolean; digest?: string; length?: number }>;
    }
    interface Response {
      ok: true;
      id: string;
      rev: string;
    }
    interface Failure {
      error: true | string;
      status?: number;
      name?: string;
      message?: string;
      reason?: string;
      id?: string;
    }
    interface ChangesResult {
      results: Array<{ id: string; seq: number | string; deleted?: boolean; changes: Array<{ rev: string }> }>;
      last_seq: number | string;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: unknown[];
      last_seq: number | string;
      status: string;
    }
    interface Replication extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: { docs: Array<{ _id: string }>; docs_written: number; last_seq: number | string; pending?: number }) => void): this;
      on(event: 'denied', listener: (error: { id?: string; name?: string; reason?: string; message?: string; status?: number }) => void): this;
      on(event: 'error' | 'complete' | 'paused' | 'active', listener: (info: unknown) => void): this;
      cancel(): void;
    }
    interface ReplicateOptions {
      batch_size?: number;
      batches_limit?: number;
      checkpoint?: 'source' | 'target' | false;
      since?: number | string;
      doc_ids?: string[];
      timeout?: number;
      heartbeat?: number | false;
      retry?: boolean;
      live?: boolean;
      /** A Mango selector (a local source applies it; CouchDB 2+ too). */
      selector?: Record<string, unknown>;
      /** A filter function, applied on this side to the source's changes (each sent whole to be looked at), or a design document's filter (`ddoc/name`) run by the source. */
      filter?: ((doc: { _id: string }) => boolean) | string;
    }
    interface Database {
      readonly name: string;
      get<T extends object = Record<string, unknown>>(
        id: string,
        options?: { rev?: string; revs?: boolean; conflicts?: boolean; attachments?: boolean; binary?: boolean; open_revs?: 'all' | string[] },
      ): Promise<T & Meta>;
      put(doc: object, options?: { force?: boolean }): Promise<Response>;
      bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<Array<Response | Failure>>;
      allDocs<T extends object = Record<string, unknown>>(options?: {
        include_docs?: boolean;
        conflicts?: boolean;
        startkey?: string;
        endkey?: string;
        keys?: string[];
        limit?: number;
        skip?: number;
      }): Promise<{ total_rows: number; offset: number; rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: T & Meta; error?: string }> }>;
      changes(options: { since?: number | string; limit?: number; include_docs?: boolean; style?: 'main_only' | 'all_docs'; return_docs?: boolean }): Promise<ChangesResult>;
      getAttachment(id: string, name: string, options?: { rev?: string }): Promise<Buffer>;
      info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
      close(): Promise<void>;
      destroy(): Promise<void>;
      replicate: {
        to(target: Database, options?: ReplicateOptions): Replication;
        from(source: Database, options?: ReplicateOptions): Replication;
      };
    }
    interface Static {
      new (name: string, options?: Record<string, unknown>): Database;
      plugin(plugin: unknown): Static;
      defaults(options: Record<string, unknown>): Static;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-leveldb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
