import { readFile } from 'node:fs/promises';
import { writeJsonAtomic } from '../library/atomicFile';
import { InsecureStorageError, type PasswordKeeper } from '../sync/passwords';

/**
 * The parts of Electron's safeStorage used here. The asynchronous methods (encryptStringAsync,
 * decryptStringAsync) are used where the running Electron has them; Electron 41 has only the
 * synchronous ones, whose work is one short call to the system's key store.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string } | string>;
  isAsyncEncryptionAvailable?(): Promise<boolean> | boolean;
  getSelectedStorageBackend?(): string;
}

/**
 * The sync password, encrypted by the system (Keychain, DPAPI, libsecret or KWallet) in a file of
 * the user's profile (not in the library, which others may copy). On Linux without a key store
 * Electron would fall back to a key written in its own code ("basic_text"): that is refused.
 */
export function safeStoragePasswords(safeStorage: SafeStorageLike, file: string, platform: NodeJS.Platform = process.platform): PasswordKeeper {
  const read = async (): Promise<Record<string, string>> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const check = async () => {
    const available = safeStorage.isAsyncEncryptionAvailable ? await safeStorage.isAsyncEncryptionAvailable() : safeStorage.isEncryptionAvailable();
    if (!available) throw new InsecureStorageError('encryption is not available');
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') throw new InsecureStorageError('no key store: basic_text');
  };
  return {
    kind: 'encrypted',
    async save(key, password) {
      await check();
      const encrypted = safeStorage.encryptStringAsync ? await safeStorage.encryptStringAsync(password) : safeStorage.encryptString(password);
      await writeJsonAtomic(file, { ...(await read()), [key]: encrypted.toString('base64') });
    },
    async load(key) {
      const stored = (await read())[key];
      if (typeof stored !== 'string') return null;
      try {
        await check();
        const bytes = Buffer.from(stored, 'base64');
        if (safeStorage.decryptStringAsync) {
          const answer = await safeStorage.decryptStringAsync(bytes);
          return typeof answer === 'string' ? answer : answer.result;
        }
        return safeStorage.decryptString(bytes);
      } catch {
        // (Encrypted by another user's keys, or the key store is gone: asked for again.)
        return null;
      }
    },
    async forget(key) {
      const all = await read();
      if (!(key in all)) return;
      delete all[key];
      await writeJsonAtomic(file, all);
    },
  };
}
