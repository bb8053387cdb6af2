import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageTypeOf } from '../../electron/library/assets';
import { ApiFailure } from '../../electron/library/errors';
import { LibraryService } from '../../electron/library/LibraryService';
import { listFiles, makeTempDir, removeDir } from '../helpers/tempDir';

const png = () => readFile(join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png'));
let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('library images', () => {
  it('stores an image under the SHA-256 of its bytes, once', async () => {
    const library = await LibraryService.open({ dataDir: dir });
    const bytes = await png();
    const first = await library.importAsset({ fileName: 'cau.png', dataBase64: bytes.toString('base64') });
    const again = await library.importAsset({ fileName: 'khac.png', dataBase64: bytes.toString('base64') });
    expect(first.assetId).toMatch(/^[a-f0-9]{64}\.png$/);
    expect(again.assetId).toBe(first.assetId);
    expect(await listFiles(join(dir, 'assets'))).toEqual([first.assetId]);
    expect((await readFile(join(dir, 'assets', first.assetId))).equals(bytes)).toBe(true);
    await library.dispose();
  });

  it('knows images by their first bytes, not their names', async () => {
    expect(imageTypeOf(await png())).toBe('png');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpg');
    expect(imageTypeOf(Buffer.from('GIF89a......'))).toBe('gif');
    expect(imageTypeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(imageTypeOf(Buffer.from('MZ\x90\0 an executable'))).toBeNull();
  });

  it('refuses what is not an allowed image, writing nothing', async () => {
    const library = await LibraryService.open({ dataDir: dir });
    for (const data of [Buffer.from('<svg onload="alert(1)"/>'), Buffer.alloc(0)]) {
      const error = await library.importAsset({ fileName: 'anh.jpg', dataBase64: data.toString('base64') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).code).toBe('invalid_input');
    }
    expect(await listFiles(join(dir, 'assets'))).toEqual([]);
    await library.dispose();
  });
});
