import { createHash } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ASSET_ID_PATTERN } from '../../shared/model/fields';
import { writeFileAtomic } from './atomicFile';
import { fail } from './errors';

/** The most any image may be, whatever Settings say (Settings → Ảnh sets the library's own limit below it). */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;
export const ASSET_NAME = ASSET_ID_PATTERN;
/**
 * The temporary file of an interrupted write of an image, as ./atomicFile.ts names it
 * (`.tmp-<12 hex>-<image's name>`): nothing else in assets/ is one.
 */
export const ASSET_TEMP_FILE = new RegExp(`^\\.tmp-[0-9a-f]{12}-(?:${ASSET_ID_PATTERN.source.replace(/^\^|\$$/g, '')})$`);

export type ImageType = 'jpg' | 'png' | 'webp' | 'gif';

/** The image type by its first bytes (never by its name): JPEG, PNG, WebP or GIF. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG' && bytes[4] === 0x0d && bytes[5] === 0x0a) return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  return null;
}

/** An image file's type, once it is known to be one that may be added (refused otherwise). */
export function checkImageBytes(bytes: Uint8Array): ImageType {
  if (bytes.length === 0) fail('invalid_input', 'The file is empty.');
  if (bytes.length > MAX_ASSET_BYTES) fail('invalid_input', `Images may be at most ${MAX_ASSET_BYTES / 1024 / 1024} MB.`);
  const type = imageTypeOf(bytes);
  if (!type) fail('invalid_input', 'Only JPEG, PNG, WebP and GIF images can be added.');
  return type;
}

/** What is stored of an image: the bytes as given, or changed (a location taken out) before they are. */
export type AssetTransform = (bytes: Buffer, type: ImageType) => Promise<Buffer>;

/**
 * Stores an image in assets/ under the SHA-256 of its bytes as given (the same photo twice is one
 * file, changed by `transform` or not), after checking that it is an image of an allowed type.
 */
export async function storeAsset(assetsDir: string, bytes: Buffer, transform?: AssetTransform): Promise<{ assetId: string; bytes: number }> {
  const type = checkImageBytes(bytes);
  const assetId = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
  const path = join(assetsDir, assetId);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) await writeFileAtomic(path, transform ? await transform(bytes, type) : bytes);
  return { assetId, bytes: bytes.length };
}

/**
 * The library's images by name, kept in memory so a photo can be checked against the library
 * without touching the disk (a body saved with a photo whose image is not here is refused; an
 * article read with one is repaired and reported).
 */
export class AssetIndex {
  private constructor(
    readonly dir: string,
    private readonly names: Set<string>,
  ) {}

  /** The images in `dir`, once the temporary files that writes interrupted by a kill left there are removed (the library is locked: no write is under way). */
  static async load(dir: string): Promise<AssetIndex> {
    const names = await readdir(dir);
    await Promise.all(names.filter((name) => ASSET_TEMP_FILE.test(name)).map((name) => unlink(join(dir, name)).catch(() => undefined)));
    return new AssetIndex(dir, new Set(names.filter((name) => ASSET_NAME.test(name))));
  }

  /** Every image's name. */
  all(): string[] {
    return [...this.names];
  }

  has(assetId: string): boolean {
    return this.names.has(assetId);
  }

  /** Removes an image from the library (the caller has made sure nothing shows it). */
  async remove(assetId: string): Promise<void> {
    await unlink(join(this.dir, assetId)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    this.names.delete(assetId);
  }

  async store(bytes: Buffer, transform?: AssetTransform): Promise<{ assetId: string; bytes: number }> {
    const stored = await storeAsset(this.dir, bytes, transform);
    this.names.add(stored.assetId);
    return stored;
  }
}
