import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStoragePasswords, type SafeStorageLike } from '../../electron/shell/safePasswords';
import { InsecureStorageError, passwordKey } from '../../electron/sync/passwords';
import { makeTempDir, removeDir } from '../helpers/tempDir';

// The sync password in Electron (issue 15): encrypted by the system's key store through
// safeStorage, never in plain text on disk; the unencrypted Linux fallback is refused.

const MARK = Buffer.from('enc:');
function store(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => (calls.push('encrypt'), Buffer.concat([MARK, Buffer.from(text, 'utf8').reverse()])),
    decryptString: (bytes) => (calls.push('decrypt'), Buffer.from(bytes.subarray(MARK.length)).reverse().toString('utf8')),
    ...overrides,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('the sync password in Electron', () => {
  const key = passwordKey('https://couch.baocantho.vn/', 'newsdesk', 'Minh Anh');

  it('is kept encrypted, read back, and forgotten', async () => {
    const file = join(dir, 'sync-passwords.json');
    const safe = store();
    const keeper = safeStoragePasswords(safe, file, 'linux');
    expect(keeper.kind).toBe('encrypted');
    expect(await keeper.load(key)).toBeNull();
    await keeper.save(key, 'mật-khẩu bí mật');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('bí mật');
    expect(onDisk).not.toContain(Buffer.from('mật-khẩu bí mật').toString('base64'));
    expect(safe.calls).toEqual(['encrypt']);
    expect(await safeStoragePasswords(safe, file, 'linux').load(key)).toBe('mật-khẩu bí mật');
    await keeper.forget(key);
    expect(await keeper.load(key)).toBeNull();
  });

  it('refuses the unencrypted Linux fallback and a system without encryption, keeping nothing', async () => {
    const file = join(dir, 'sync-passwords.json');
    const basic = safeStoragePasswords(store({ getSelectedStorageBackend: () => 'basic_text' }), file, 'linux');
    await expect(basic.save(key, 'x')).rejects.toBeInstanceOf(InsecureStorageError);
    const none = safeStoragePasswords(store({ isEncryptionAvailable: () => false }), file, 'win32');
    await expect(none.save(key, 'x')).rejects.toBeInstanceOf(InsecureStorageError);
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // (basic_text only means something on Linux: elsewhere the system's store is always there.)
    await safeStoragePasswords(store({ getSelectedStorageBackend: () => 'basic_text' }), file, 'darwin').save(key, 'y');
    expect(await safeStoragePasswords(store(), file, 'darwin').load(key)).toBe('y');
  });

  it('uses the asynchronous API where Electron has it', async () => {
    const file = join(dir, 'sync-passwords.json');
    const calls: string[] = [];
    const safe = store({
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text) => (calls.push('encryptAsync'), Buffer.concat([MARK, Buffer.from(text).reverse()])),
      decryptStringAsync: async (bytes) => (calls.push('decryptAsync'), { result: Buffer.from(bytes.subarray(MARK.length)).reverse().toString() }),
    });
    const keeper = safeStoragePasswords(safe, file, 'win32');
    await keeper.save(key, 'abc');
    expect(await keeper.load(key)).toBe('abc');
    expect(calls).toEqual(['encryptAsync', 'decryptAsync']);
    expect(safe.calls).toEqual([]);
  });
});
