import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { derivativeNames, derivativeWidths, heightAt, imageInfoSchema, MIME_OF_DERIVED, parseDerivativeName, type DerivedFormat, type ImageInfo } from '../../shared/publish/images';
import { ensureDir, removeStaleTempFiles, writeFileAtomic, writeJsonAtomic } from '../library/atomicFile';

/** Asset names are `<sha256>.<type>`; these are the types, in the order they are looked for. */
const ASSET_TYPES = ['jpg', 'png', 'webp', 'gif'] as const;
const INFO_VERSION = 2;

/** WebP as the pages get it (the bench compares AVIF with this). */
export const WEBP_OPTIONS = { quality: 76, effort: 4 } as const;

/** Encoder settings: photos small and sharp enough for a news page; WebP is what browsers take. */
const encoders: Record<DerivedFormat, (image: Sharp) => Sharp> = {
  webp: (image) => image.webp(WEBP_OPTIONS),
  jpg: (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, progressive: true, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9, adaptiveFiltering: true }),
  gif: (image) => image.gif(),
};

export interface ImageProgress {
  /** Derivatives made or found since the work began. */
  done: number;
  /** Derivatives asked for since the work began (the counts start again once all are made). */
  total: number;
  /** Images that could not be read (their originals are kept; pages show their caption only). */
  failed: number;
}

/**
 * The library's one image pipeline (sharp): what an image is (its size once the camera's
 * orientation is applied, the fallback format it needs) and its derivatives — every width of
 * shared/publish/images as WebP and the fallback, oriented, resized, every piece of metadata
 * removed (GPS, camera serials, author, ICC profiles: sharp writes none unless asked). Originals
 * stay private in assets/; derivatives are a cache in derived/, named by the original's hash and
 * the width, made in the background after an import and again whenever one is missing.
 */
export class ImagePipeline {
  private readonly infos = new Map<string, Promise<ImageInfo | null>>();
  private readonly making = new Map<string, Promise<string>>();
  private queue: Promise<unknown> = Promise.resolve();
  private progressNow: ImageProgress = { done: 0, total: 0, failed: 0 };
  /** Images queued or being derived. */
  private waiting = 0;
  private closed = false;

  constructor(
    private readonly assetsDir: string,
    readonly derivedDir: string,
    /** Is this asset in the library? */
    private readonly has: (assetId: string) => boolean,
  ) {}

  async open(): Promise<void> {
    await ensureDir(this.derivedDir);
    // Web copies half-written when Newsdesk was killed: they are made again when next needed.
    await removeStaleTempFiles(this.derivedDir);
  }

  progress(): ImageProgress {
    return { ...this.progressNow };
  }

  /** Stops the background work (what is left is made when next asked for) once the derivative being made is written. */
  async close(): Promise<void> {
    this.closed = true;
    await this.whenIdle();
  }

  /** Resolves once every derivative asked for in the background is made (or has failed). */
  async whenIdle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /** What the pages need to know of an image, or null when it is not in the library or cannot be read. */
  info(assetId: string): Promise<ImageInfo | null> {
    let known = this.infos.get(assetId);
    if (!known) {
      known = this.readInfo(assetId);
      this.infos.set(assetId, known);
      // An image that could not be read is tried again next time (it may have been restored).
      void known.then((info) => info ?? this.infos.delete(assetId));
    }
    return known;
  }

  /** The info of several images, by asset id (those that cannot be read left out). */
  async infoOf(assetIds: Iterable<string>): Promise<Map<string, ImageInfo>> {
    const result = new Map<string, ImageInfo>();
    for (const assetId of new Set(assetIds)) {
      const info = await this.info(assetId);
      if (info) result.set(assetId, info);
    }
    return result;
  }

  /** Reads an image's size and kind with sharp (headers only), checking it can be decoded. */
  async inspect(bytes: Uint8Array | string): Promise<ImageInfo> {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const animated = (meta.pages ?? 1) > 1;
    let fallback: ImageInfo['fallback'] = animated ? 'gif' : 'jpg';
    // Transparency needs PNG, unless every pixel turns out to be opaque after all.
    if (!animated && meta.hasAlpha && !(await sharp(bytes).stats()).isOpaque) fallback = 'png';
    return { width: oriented.width, height: oriented.height, fallback };
  }

  private async readInfo(assetId: string): Promise<ImageInfo | null> {
    if (!this.has(assetId)) return null;
    const sidecar = join(this.derivedDir, `${assetId.slice(0, 64)}.json`);
    const stored = await readFile(sidecar, 'utf8').then(
      (raw) => JSON.parse(raw) as { v?: number; info?: unknown },
      () => null,
    );
    const known = stored?.v === INFO_VERSION ? imageInfoSchema.safeParse(stored.info) : null;
    if (known?.success) return known.data;
    try {
      const info = await this.inspect(join(this.assetsDir, assetId));
      await writeJsonAtomic(sidecar, { v: INFO_VERSION, info }).catch(() => undefined);
      return info;
    } catch {
      return null;
    }
  }

  /** The asset a derivative name belongs to (the name holds the hash, not the type). */
  private assetOf(sha: string): string | null {
    return ASSET_TYPES.map((type) => `${sha}.${type}`).find((assetId) => this.has(assetId)) ?? null;
  }

  /**
   * The path of a derivative, made now if it is missing. A width the image does not have is
   * answered with the widest it has when wider than that (the editor asks for the column's width
   * of every photo); null for a name that is not a derivative of a readable library image.
   */
  async derivative(name: string): Promise<{ path: string; format: DerivedFormat } | null> {
    const parsed = parseDerivativeName(name);
    const assetId = parsed && this.assetOf(parsed.sha);
    const info = assetId ? await this.info(assetId) : null;
    if (!parsed || !assetId || !info) return null;
    const widths = derivativeWidths(info);
    const widest = widths[widths.length - 1]!;
    const width = widths.includes(parsed.width) ? parsed.width : parsed.width > widest ? widest : null;
    if (width === null || (parsed.format !== 'webp' && parsed.format !== info.fallback)) return null;
    const file = `${parsed.sha}-${width}.${parsed.format}`;
    let made = this.making.get(file);
    if (!made) {
      made = this.make(assetId, info, width, parsed.format, join(this.derivedDir, file)).finally(() => this.making.delete(file));
      this.making.set(file, made);
    }
    return { path: await made, format: parsed.format };
  }

  /** A derivative's bytes and type, for the app's own pages (the editor, the preview); null when there is none. */
  async read(name: string): Promise<{ body: Buffer; contentType: string } | null> {
    const made = await this.derivative(name).catch(() => null);
    const body = made ? await readFile(made.path).catch(() => null) : null;
    return made && body ? { body, contentType: MIME_OF_DERIVED[made.format] } : null;
  }

  private async make(assetId: string, info: ImageInfo, width: number, format: DerivedFormat, path: string): Promise<string> {
    if (await stat(path).then(
      (s) => s.size > 0,
      () => false,
    )) {
      return path;
    }
    const animated = info.fallback === 'gif';
    // autoOrient() turns the pixels as the camera's tag says; no metadata is written out.
    const image = sharp(join(this.assetsDir, assetId), { animated, failOn: 'error' })
      .autoOrient()
      .resize({ width, height: animated ? undefined : heightAt(info, width), fit: 'fill' });
    await writeFileAtomic(path, await encoders[format](image).toBuffer());
    return path;
  }

  /**
   * Makes every derivative of an image in the background, one image at a time, counted in
   * progress(). Given what the image is (just read on import), it is counted at once, so
   * progress() shows the work from the moment the import returns.
   */
  prepare(assetId: string, known?: ImageInfo): void {
    // A new batch once the last one is finished: "3 of 8" counts what is being done now.
    if (this.waiting === 0) this.progressNow = { done: 0, total: 0, failed: 0 };
    this.waiting++;
    if (known) {
      if (!this.infos.has(assetId)) this.infos.set(assetId, Promise.resolve(known));
      this.progressNow.total += derivativeNames(assetId, known).length;
    }
    this.queue = this.queue
      .then(async () => {
        const info = await this.info(assetId);
        if (!info) {
          this.progressNow.failed++;
          return;
        }
        const names = derivativeNames(assetId, info);
        if (!known) this.progressNow.total += names.length;
        for (const name of names) {
          if (this.closed) return;
          await this.derivative(name).catch(() => undefined);
          this.progressNow.done++;
        }
      })
      .catch(() => undefined)
      .finally(() => this.waiting--);
  }
}
