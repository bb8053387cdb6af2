/**
 * Where the sync password is kept. Electron keeps it encrypted by the system (safeStorage:
 * electron/shell/safePasswords.ts); the web host only in memory, until it closes. The password
 * is never written to the library or to the settings.
 */
export interface PasswordKeeper {
  readonly kind: 'encrypted' | 'memory';
  /** Throws InsecureStorageError where the system offers no real encryption. */
  save(key: string, password: string): Promise<void>;
  load(key: string): Promise<string | null>;
  forget(key: string): Promise<void>;
}

/** The system has no password store to encrypt with (Linux without a keyring: the "basic_text" fallback). */
export class InsecureStorageError extends Error {
  constructor(detail: string) {
    super(`The system offers no secure password storage (${detail}); the password was not kept.`);
  }
}

/** The web host's keeper: in memory only. */
export function memoryPasswords(): PasswordKeeper {
  const kept = new Map<string, string>();
  return {
    kind: 'memory',
    async save(key, password) {
      kept.set(key, password);
    },
    async load(key) {
      return kept.get(key) ?? null;
    },
    async forget(key) {
      kept.delete(key);
    },
  };
}

/** Which password belongs to which account. */
export const passwordKey = (server: string, database: string, user: string) => JSON.stringify([server.replace(/\/+$/, ''), database, user]);
