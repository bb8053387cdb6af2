import { stat } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { MethodOutput, ParsedInput } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { newestFirst, pageNeighbours, type PageNeighbours } from '../../shared/publish/related';
import { pageImageIds, planArticle, type ImageLookup } from '../../shared/publish/site';
import type { Catalog } from '../library/catalog';
import { fail } from '../library/errors';
import type { ImagePipeline } from '../images/imagePipeline';
import { checkExportFolder } from './exportFolder';
import { exportSite, writePlan } from './siteExporter';

export interface PublisherOptions {
  dataDir: string;
  images: ImagePipeline;
  fontsDir: string;
  catalog: Catalog;
  /** Reads one article file (validated, repaired where safe). */
  read: (id: string) => Promise<Article>;
  /** Where an article's file is (its identity tells the site export whether to read it again). */
  file?: (id: string) => string;
  /** The app's version: an export by another version renders every page again. */
  version?: string;
  /** The library's clock (the Google News sitemap lists the two days before the export). */
  now?: () => Date;
  /** Called with the folder of each export that succeeded (it is offered first next time). */
  remember: (outDir: string) => Promise<void>;
}

/** The library's publishing: the blocks beside an article, the whole site, one article into a folder. */
export class Publisher {
  private progress = { running: false, done: 0, total: 0 };

  constructor(private readonly options: PublisherOptions) {}

  private published() {
    return [...this.options.catalog.values()].filter((s) => s.status === 'published' && s.trashedAt === null);
  }

  /** What an article's page shows beside it: related articles, the section's others, the latest. */
  neighbours(article: Pick<Article, 'id' | 'section' | 'tags' | 'related'>): PageNeighbours {
    return pageNeighbours(article, this.published().sort(newestFirst), this.options.catalog.byId);
  }

  getProgress(): MethodOutput<'getExportProgress'> {
    return { ...this.progress };
  }

  /**
   * Writes the site: only the pages whose inputs changed since the last export into that folder
   * (reading only the articles whose file or catalog entry changed). A published article whose
   * file cannot be read keeps its pages, and is named in the result.
   */
  async exportSite(input: ParsedInput<'exportSite'>): Promise<MethodOutput<'exportSite'>> {
    if (this.progress.running) fail('conflict', 'An export is already running.');
    const { dataDir, fontsDir, catalog, read, file, images } = this.options;
    const outDir = await checkExportFolder(input.outDir ? resolvePath(input.outDir) : join(dataDir, 'site'), dataDir);
    this.progress = { running: true, done: 0, total: 0 };
    try {
      const result = await exportSite({
        settings: catalog.settings,
        catalog: this.published(),
        read,
        ...(file ? { fileStamp: (id: string) => fileStamp(file(id)) } : {}),
        imageInfo: async (ids) => {
          const infos = await images.infoOf(ids);
          return (assetId) => infos.get(assetId) ?? null;
        },
        ...(this.options.version ? { version: this.options.version } : {}),
        ...(this.options.now ? { now: this.options.now() } : {}),
        outDir,
        derivative: (name) => images.derivative(name),
        fontsDir,
        onProgress: (progress) => {
          this.progress = { running: true, ...progress };
        },
      });
      await this.options.remember(result.outDir);
      return result;
    } finally {
      this.progress = { ...this.progress, running: false };
    }
  }

  /** What the pages need to know of the images of these articles and the logo. */
  private async imageLookup(articles: readonly Article[]): Promise<ImageLookup> {
    const infos = await this.options.images.infoOf(pageImageIds(this.options.catalog.settings, articles));
    return (assetId) => infos.get(assetId) ?? null;
  }

  /** One article into a folder: its page, and the images and font it uses in assets/ (the folder, or the one it is in, remembered). */
  async exportArticleFolder(article: Article, outDir: string, rememberParent: boolean): Promise<MethodOutput<'exportArticleFolder'>> {
    const { dataDir, fontsDir, catalog, images } = this.options;
    const folder = await checkExportFolder(resolvePath(outDir), dataDir);
    const plan = planArticle(catalog.settings, article, this.neighbours(article), await this.imageLookup([article]));
    const result = await writePlan(plan, { outDir: folder, derivative: (name) => images.derivative(name), fontsDir });
    await this.options.remember(rememberParent ? dirname(result.outDir) : result.outDir);
    return result;
  }
}

/** A file's identity: changed by any rewrite, rename over it, or change of its permissions ('missing' when it is gone). */
async function fileStamp(path: string): Promise<string> {
  return stat(path, { bigint: true }).then(
    (info) => `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.mode}`,
    (error: NodeJS.ErrnoException) => `missing:${error.code ?? ''}`,
  );
}
