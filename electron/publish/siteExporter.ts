import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MethodOutput } from '../../shared/api/contract';
import type { Article, ArticleSummary } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import { FONT_FACES } from '../../shared/publish/fonts';
import { lastChanged, renderNewsSitemap, renderRobots, renderRss, renderSitemap, rssEntries, type Enclosure, type SitemapPage } from '../../shared/publish/feeds';
import { DERIVATIVE_NAME, derivativeName, MIME_OF_DERIVED, SHARE_WIDTH, widthUpTo } from '../../shared/publish/images';
import { articlePath } from '../../shared/publish/renderArticlePage';
import {
  listPage,
  listPageInput,
  listPagePaths,
  neighbourIds,
  neighboursInput,
  onSite,
  renderSiteArticle,
  renderSiteList,
  shareAddress,
  siteEntry,
  siteModel,
  siteNeighbours,
  templateSample,
  type ImageLookup,
  type SiteEntry,
  type SitePlan,
} from '../../shared/publish/site';
import { ExportTarget } from './exportTarget';
import { readManifest, readRecord, RECORD_FORMAT, writeManifest, writeRecord, type ExportRecord, type PageRecord } from './exportRecord';

export type ExportProgress = Omit<MethodOutput<'getExportProgress'>, 'running'>;

/** What an export did (the contract's output for exportSite and exportArticleFolder). */
export type ExportResult = MethodOutput<'exportSite'>;

/** Hash of a file's content, as the manifest keeps it. */
const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
/** Hash of a page's inputs, as the record keeps it (128 bits). */
const inputHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

interface WriteOptions {
  outDir: string;
  /** Where an image derivative is, made now if missing (null: its image cannot be read). */
  derivative: (name: string) => Promise<{ path: string } | null>;
  fontsDir: string;
  onProgress?: (progress: ExportProgress) => void;
}

/** Where the site's articles come from. */
export interface SiteSource {
  settings: Settings;
  /** The published articles as the catalog lists them (each file read says again whether it is on the site). */
  catalog: readonly ArticleSummary[];
  /** Reads one article file; throws when it cannot be read. */
  read: (id: string) => Promise<Article>;
  /** The identity of an article's file as it is now (changed by any rewrite, move, or change of permissions); null when it cannot be told. */
  fileStamp?: (id: string) => Promise<string | null>;
  /** What the pages need to know of these images. */
  imageInfo: (assetIds: readonly string[]) => Promise<ImageLookup>;
  /** When the export runs: the Google News sitemap lists the two days before it. */
  now?: Date;
  /** The app's version: another version renders every page again. */
  version?: string;
}

/** Settings no page shows: changing them renders nothing again. */
const NOT_ON_PAGES = new Set<string>(['interfaceLanguage', 'stripLocationFromOriginals', 'maxImageMB', 'recentFolders', 'houseWords', 'profiles', 'policy', 'checklist']);
const pageSettings = (settings: Settings) => Object.entries(settings).filter(([key]) => !NOT_ON_PAGES.has(key));

/**
 * What version of the article its page was made from: every change of an article makes a new
 * revision. (Hashing the whole article instead would spare rendering its page again after a change
 * no page shows, a comment say; it costs more than that one render, at every full export.)
 */
const articleKey = (article: Article) => `${article.revision}|${article.updatedAt}`;

/**
 * The fingerprint of the page templates (a sample page rendered by this code, with these
 * settings): the code cannot change while it runs, so it is made once per settings.
 */
const templateFingerprints = new Map<string, string>();
function templatesOf(settings: Settings, settingsKey: string, version: string): string {
  const key = `${version}|${settingsKey}`;
  let fingerprint = templateFingerprints.get(key);
  if (fingerprint === undefined) {
    if (templateFingerprints.size >= 16) templateFingerprints.clear();
    fingerprint = inputHash(`${RECORD_FORMAT}|${version}|${templateSample(settings)}`);
    templateFingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

/**
 * Where an entry is placed among the others: what the blocks beside every other article choose by
 * (pageNeighbours reads a candidate's section, folded tags and date; its own `related` only for its
 * own page, its link and headline only to show it).
 */
const placement = (e: SiteEntry) => JSON.stringify([e.section, e.folded, e.publishedAt ?? e.updatedAt]);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Every field of an entry (the type makes sure a field added to SiteEntry is added here). */
const ENTRY_FIELDS = Object.keys({
  id: 0,
  slug: 0,
  headline: 0,
  sapo: 0,
  section: 0,
  tags: 0,
  folded: 0,
  tagPaths: 0,
  related: 0,
  publishedAt: 0,
  updatedAt: 0,
  featured: 0,
  images: 0,
} satisfies Record<keyof SiteEntry, 0>) as (keyof SiteEntry)[];

/** Whether two entries say the same (every field: lists, neighbours and the feeds show them). */
function sameSiteEntry(a: SiteEntry, b: SiteEntry): boolean {
  for (const field of ENTRY_FIELDS) {
    const [x, y] = [a[field], b[field]];
    if (x !== y && !(Array.isArray(x) && Array.isArray(y) && sameList(x, y))) return false;
  }
  return true;
}

/** How many articles read to find what changed are kept for rendering (beyond it they are read again: memory stays bounded). */
const KEEP_READ = 256;
/** Files written at once. */
const WRITES_AT_ONCE = 8;
/** Articles read or looked at at once. */
const READS_AT_ONCE = 8;

async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Runs writes a few at a time, in the background of the rendering; `drain` waits for all and throws the first failure. */
function writePool() {
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  return {
    async add(task: () => Promise<void>): Promise<void> {
      while (running.size >= WRITES_AT_ONCE) await Promise.race(running);
      if (failure) throw failure;
      const promise: Promise<void> = task()
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain(): Promise<void> {
      await Promise.all(running);
      if (failure) throw failure;
    },
  };
}

/**
 * Writes the site into `outDir`, rendering only the pages whose inputs changed since the last
 * export there (exportRecord.ts says what is recorded): after one edit, the article's page, the
 * list pages it is on, the pages that show it beside them, and the feeds. Pages are rendered and
 * written one at a time (a few writes in flight), never all held at once.
 *
 * An article the catalog lists as published whose file cannot be read keeps the pages it had:
 * its own page is not touched, lists show it as the last export did, and the export says so
 * (`unreadable-article:<id>` in the notes, and `unreadable`).
 */
export async function exportSite(options: WriteOptions & SiteSource): Promise<ExportResult> {
  const { outDir, settings, catalog, read, onProgress } = options;
  const now = options.now ?? new Date();
  await mkdir(outDir, { recursive: true });
  const [target, manifest, record] = await Promise.all([ExportTarget.open(outDir), readManifest(outDir), readRecord(outDir)]);
  const logo = settings.logoAssetId ? (await options.imageInfo([settings.logoAssetId]))(settings.logoAssetId) : null;
  const settingsKey = inputHash(JSON.stringify([pageSettings(settings), logo]));
  const templates = templatesOf(settings, settingsKey, options.version ?? '');
  // Entries are kept while the templates are the same; pages' inputs while the settings are too.
  const known = record && record.templates === templates ? record : null;
  const trusted = known && known.settings === settingsKey ? known : null;
  const next: ExportRecord = { format: RECORD_FORMAT, templates, settings: settingsKey, articles: new Map(), pages: new Map() };
  const nextManifest: Record<string, string> = {};
  const notes: string[] = [];

  // ---- The articles: read again only those whose file or catalog entry changed.
  const onSiteNow = catalog.filter(onSite);
  const { fileStamp } = options;
  const files = new Map<string, string>();
  if (fileStamp) {
    await eachLimited(onSiteNow, READS_AT_ONCE * 4, async (summary) => {
      files.set(summary.id, (await fileStamp(summary.id).catch(() => null)) ?? 'unknown');
    });
  }
  const stampOf = (summary: ArticleSummary) => `${summary.revision}|${summary.updatedAt}|${files.get(summary.id) ?? ''}`;
  const fresh = new Map<string, Article>();
  /** Articles whose file cannot be read: their page is kept as it is. */
  const frozen = new Set<string>();
  const unreadable: { id: string; headline: string }[] = [];
  const toRead: ArticleSummary[] = [];
  for (const summary of onSiteNow) {
    const before = known?.articles.get(summary.id);
    if (before && before.stamp === stampOf(summary)) next.articles.set(summary.id, before);
    else toRead.push(summary);
  }
  await eachLimited(toRead, READS_AT_ONCE, async (summary) => {
    const article = await read(summary.id).catch(() => null);
    if (article) {
      if (!onSite(article)) return;
      next.articles.set(summary.id, { stamp: stampOf(summary), key: articleKey(article), entry: siteEntry(article) });
      if (fresh.size < KEEP_READ) fresh.set(summary.id, article);
      return;
    }
    unreadable.push({ id: summary.id, headline: summary.headline });
    // As the last export showed it; else as the catalog knows it (its sapo unknown). The stamp is
    // left empty so that the file is read again next time. With no page of it in the folder (never
    // exported), nothing is kept and nothing links to it.
    const before = known?.articles.get(summary.id);
    const entry = before?.entry ?? catalogEntry(summary);
    if (!target.isFile(articlePath(entry.slug))) return;
    frozen.add(summary.id);
    next.articles.set(summary.id, { stamp: '', key: before?.key ?? '', entry });
  });
  unreadable.sort((a, b) => (a.id < b.id ? -1 : 1));
  notes.push(...unreadable.map((u) => `unreadable-article:${u.id}`));

  // One page per article (the newest keeps a page name two articles claim).
  const entries: SiteEntry[] = [];
  const articleAt = new Map<string, SiteEntry>();
  // In the last export's order (the site's, newest first) as far as it goes: sorted again, they are found in order.
  if (known) {
    for (const id of known.articles.keys()) {
      const still = next.articles.get(id);
      if (still) entries.push(still.entry);
    }
  }
  for (const [id, { entry }] of next.articles) if (!known?.articles.has(id)) entries.push(entry);
  const site = siteModel(settings, entries);
  for (const entry of site.entries) {
    const path = articlePath(entry.slug);
    if (articleAt.has(path)) notes.push(`duplicate-page:${path}`);
    else articleAt.set(path, entry);
  }
  const lists = listPagePaths(site);

  // ---- Which pages' inputs may have changed.
  const candidates = new Set<string>();
  let changedArticles = false;
  if (!trusted) {
    for (const path of articleAt.keys()) candidates.add(path);
    for (const path of lists) candidates.add(path);
  } else {
    const ids = new Set([...trusted.articles.keys(), ...next.articles.keys()]);
    let reselect = false;
    const listed = new Set<string>();
    for (const id of ids) {
      const a = trusted.articles.get(id);
      const b = next.articles.get(id);
      if (a === b) continue;
      const sameEntry = !!a && !!b && sameSiteEntry(a.entry, b.entry);
      if (sameEntry && a.key === b.key) continue;
      changedArticles = true;
      if (b) candidates.add(articlePath(b.entry.slug));
      if (!sameEntry) {
        // Its place among the others (the blocks beside every article choose by it; a new or
        // removed article too), how the blocks show it (link, headline), the lists it was and is on.
        if (!a || !b || placement(a.entry) !== placement(b.entry)) reselect = true;
        if (!a || !b || a.entry.slug !== b.entry.slug || a.entry.headline !== b.entry.headline) listed.add(id);
        candidates.add('index.html');
        for (const entry of [a?.entry, b?.entry]) {
          if (!entry) continue;
          for (const path of entry.tagPaths) candidates.add(path);
          const section = settings.sections.find((s) => s.slug === entry.section);
          if (section) candidates.add(`chuyen-muc/${section.slug}.html`);
        }
      }
    }
    for (const [path, page] of trusted.pages) {
      if (page.miss || (listed.size > 0 && page.ids?.split(' ').some((id) => listed.has(id)))) candidates.add(path);
    }
    for (const path of [...articleAt.keys(), ...lists]) {
      if (reselect && articleAt.has(path)) candidates.add(path);
      // New pages, and pages gone from the folder (or replaced by a link) since.
      if (!trusted.pages.has(path) || !manifest[path] || !target.isFile(path)) candidates.add(path);
    }
  }

  // ---- Render what changed; keep the rest.
  const planned = articleAt.size + lists.length;
  const feeds = settings.baseUrl ? 4 : 0;
  let done = 0;
  let total = planned + feeds + FONT_FACES.length;
  const tick = (count = 1) => {
    const before = done;
    done += count;
    if (Math.floor(before / 50) !== Math.floor(done / 50) || done === total) onProgress?.({ done, total });
  };
  onProgress?.({ done: 0, total });
  // Recorded before writing: pages written by an export that fails midway are known (and removed
  // when no longer planned) next time.
  const newPaths = [...articleAt.keys(), ...lists].filter((path) => !(path in manifest));
  if (newPaths.length) await writeManifest(outDir, { ...manifest, ...Object.fromEntries(newPaths.map((path) => [path, 'pending'])) }, true);

  const listSet = new Set(lists);
  const toRender = [...candidates].filter((path) => articleAt.has(path) || listSet.has(path));
  const imageIds = new Set<string>();
  for (const path of toRender) for (const id of articleAt.get(path)?.images ?? []) imageIds.add(id);
  if (settings.baseUrl) for (const entry of rssEntries(site)) if (entry.featured) imageIds.add(entry.featured);
  const info = imageIds.size ? await options.imageInfo([...imageIds]) : () => null;
  const lookup: ImageLookup = (id) => (id === settings.logoAssetId ? logo : info(id));

  let written = 0;
  let unchanged = 0;
  /** A file kept as the last export left it: its record and manifest entry carried over. */
  const keep = (path: string) => {
    const page = trusted?.pages.get(path) ?? known?.pages.get(path);
    if (page) next.pages.set(path, page);
    if (manifest[path] !== undefined) nextManifest[path] = manifest[path];
  };
  const keepUnchanged = (path: string) => {
    keep(path);
    unchanged++;
    tick();
  };
  /** Keeps a page whose inputs are those the last export made it from, when it is still there as it wrote it (a plain file, in the manifest). */
  const keptAsBefore = (path: string, input: string): boolean => {
    if (trusted?.pages.get(path)?.in !== input || !target.isFile(path) || !manifest[path]) return false;
    keepUnchanged(path);
    return true;
  };
  for (const path of [...articleAt.keys(), ...lists]) {
    if (!candidates.has(path)) {
      keep(path);
      unchanged++;
    }
  }
  tick(unchanged);

  const pool = writePool();
  const put = async (path: string, content: string, page: PageRecord | null) => {
    const hash = sha(content);
    if (manifest[path] === hash && target.isFile(path)) {
      unchanged++;
      nextManifest[path] = hash;
      if (page) next.pages.set(path, page);
      tick();
      return;
    }
    await pool.add(async () => {
      if (await target.write(path, content)) {
        written++;
        nextManifest[path] = hash;
        if (page) next.pages.set(path, page);
      }
      tick();
    });
  };
  for (const path of toRender) {
    const entry = articleAt.get(path);
    if (entry) {
      if (frozen.has(entry.id)) {
        keep(path);
        tick();
        continue;
      }
      const neighbours = siteNeighbours(site, entry);
      const input = inputHash(`${next.articles.get(entry.id)!.key}|${neighboursInput(neighbours)}|${JSON.stringify(entry.images.map(lookup))}`);
      if (keptAsBefore(path, input)) continue;
      const article = fresh.get(entry.id) ?? (await read(entry.id).catch(() => null));
      fresh.delete(entry.id);
      if (!article || !onSite(article)) {
        // Read a moment ago, unreadable now: as above, its page is kept.
        if (!frozen.has(entry.id)) {
          frozen.add(entry.id);
          unreadable.push({ id: entry.id, headline: entry.headline });
          notes.push(`unreadable-article:${entry.id}`);
        }
        keep(path);
        tick();
        continue;
      }
      const used = new Set<string>();
      const html = renderSiteArticle(site, article, neighbours, lookup, used);
      const missing = entry.images.some((id) => !lookup(id)) || (!!settings.logoAssetId && !logo);
      await put(path, html, { in: input, ids: neighbourIds(neighbours).join(' '), ...(used.size ? { img: [...used] } : {}), ...(missing ? { miss: true } : {}) });
    } else {
      const page = listPage(site, path)!;
      const input = inputHash(listPageInput(page));
      if (keptAsBefore(path, input)) continue;
      const used = new Set<string>();
      const html = renderSiteList(site, page, lookup, used);
      await put(path, html, { in: input, ...(used.size ? { img: [...used] } : {}), ...(settings.logoAssetId && !logo ? { miss: true } : {}) });
    }
  }

  // ---- Feeds for readers and search engines (their links are absolute: only with the site's address).
  if (settings.baseUrl) {
    const share = shareAddress(settings);
    const enclosureNames: string[] = [];
    const enclosures = new Map<string, Enclosure>();
    for (const entry of rssEntries(site)) {
      const found = entry.featured ? lookup(entry.featured) : null;
      if (!entry.featured || !found) continue;
      const name = derivativeName(entry.featured, widthUpTo(found, SHARE_WIDTH), found.fallback);
      const file = await options.derivative(name).catch(() => null);
      const size = file ? await stat(file.path).then((s) => s.size, () => null) : null;
      const url = share(name);
      if (size === null || !url) continue;
      enclosures.set(entry.id, { url, length: size, type: MIME_OF_DERIVED[found.fallback] });
      enclosureNames.push(name);
    }
    const sitemap: SitemapPage[] = [
      ...lists.map((path) => ({ path, lastmod: lastChanged(listPage(site, path)!.items) })),
      ...[...articleAt].map(([path, entry]) => ({ path, lastmod: entry.updatedAt })),
    ];
    const files: [string, () => string, PageRecord | null][] = [
      ['sitemap.xml', () => renderSitemap(settings, sitemap), null],
      ['rss.xml', () => renderRss(site, (entry) => enclosures.get(entry.id) ?? null), { in: '', ...(enclosureNames.length ? { img: enclosureNames } : {}) }],
      ['sitemap-news.xml', () => renderNewsSitemap(site, now), null],
      ['robots.txt', () => renderRobots(settings), null],
    ];
    for (const [path, render, page] of files) {
      if (trusted && !changedArticles && (path === 'sitemap.xml' || path === 'rss.xml') && manifest[path] && target.isFile(path)) keepUnchanged(path);
      else await put(path, render(), page);
    }
  } else notes.push('no-base-url');

  // ---- Images and fonts the pages refer to, then what is no longer planned.
  await pool.drain();
  const images = new Set<string>();
  for (const page of next.pages.values()) for (const name of page.img ?? []) if (DERIVATIVE_NAME.test(name)) images.add(name);
  total += images.size;
  const copied = await copyFiles(target, { images, fonts: FONT_FACES.map((f) => f.file), manifest, nextManifest, derivative: options.derivative, fontsDir: options.fontsDir, tick });
  const removed = await removeUnplanned(target, manifest, nextManifest);
  await target.flush();
  // The articles in the site's order (newest first): the next export finds them sorted.
  next.articles = new Map(site.entries.map((entry) => [entry.id, next.articles.get(entry.id)!]));
  await Promise.all([writeManifest(outDir, nextManifest), writeRecord(outDir, next, record)]);
  onProgress?.({ done: total, total });
  return {
    outDir,
    pages: planned,
    written: written + copied.written,
    unchanged: unchanged + copied.unchanged,
    removed,
    notes: [...notes, ...copied.notes, ...target.notes],
    unreadable,
  };
}

/** What the catalog knows of an article whose file cannot be read (its sapo is not there). */
function catalogEntry(summary: ArticleSummary): SiteEntry {
  return siteEntry({ ...summary, sapo: '', byline: '', related: [], featuredImage: null, body: { type: 'doc', content: [] } } as unknown as Article);
}

/**
 * Copies the image derivatives and fonts the pages refer to. Their content never changes under
 * their names (a derivative is named by its original's hash and its width), so one that is there
 * is kept. Only derivatives are copied, never an original; through a temporary file, so a half
 * copied image is never taken for a whole one.
 */
async function copyFiles(
  target: ExportTarget,
  options: {
    images: Set<string>;
    fonts: string[];
    manifest: Record<string, string>;
    nextManifest: Record<string, string>;
    derivative: WriteOptions['derivative'];
    fontsDir: string;
    tick: () => void;
  },
): Promise<{ written: number; unchanged: number; notes: string[] }> {
  const copies = [
    ...[...options.images].map((name) => ({ path: `assets/${name}`, from: () => options.derivative(name).then((made) => made?.path ?? null) })),
    ...options.fonts.map((file) => ({ path: `assets/fonts/${file}`, from: async () => join(options.fontsDir, file) })),
  ];
  const notes: string[] = [];
  let written = 0;
  let unchanged = 0;
  await eachLimited(copies, WRITES_AT_ONCE, async ({ path, from }) => {
    if (target.isFile(path)) {
      options.nextManifest[path] = path;
      unchanged++;
    } else {
      const source = await from().catch(() => null);
      const bytes = source ? await readFile(source).catch(() => null) : null;
      if (!bytes) notes.push(`missing-file:${path}`);
      else if (await target.write(path, bytes)) {
        options.nextManifest[path] = path;
        written++;
      }
    }
    options.tick();
  });
  notes.sort();
  return { written, unchanged, notes };
}

/** Removes the files the last export wrote that are no longer planned (never through a link, never a folder). */
async function removeUnplanned(target: ExportTarget, manifest: Record<string, string>, nextManifest: Record<string, string>): Promise<number> {
  let removed = 0;
  await eachLimited(
    Object.keys(manifest).filter((path) => !(path in nextManifest)),
    WRITES_AT_ONCE,
    async (path) => {
      if (await target.remove(path)) removed++;
    },
  );
  return removed;
}

/** Writes a few planned pages with the images and fonts they use (one article into a folder). */
export async function writePlan(plan: SitePlan, { outDir, derivative, fontsDir, onProgress }: WriteOptions): Promise<ExportResult> {
  await mkdir(outDir, { recursive: true });
  const target = await ExportTarget.open(outDir);
  const manifest = await readManifest(outDir);
  const nextManifest: Record<string, string> = {};
  const newPaths = [...plan.pages.keys()].filter((path) => !(path in manifest));
  if (newPaths.length) await writeManifest(outDir, { ...manifest, ...Object.fromEntries(newPaths.map((path) => [path, 'pending'])) }, true);
  const total = plan.pages.size + plan.images.size + plan.fonts.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % 50 === 0 || done === total) onProgress?.({ done, total });
  };
  let written = 0;
  let unchanged = 0;
  for (const [path, content] of plan.pages) {
    const hash = sha(content);
    if (manifest[path] === hash && target.isFile(path)) {
      nextManifest[path] = hash;
      unchanged++;
    } else if (await target.write(path, content)) {
      nextManifest[path] = hash;
      written++;
    }
    tick();
  }
  const copied = await copyFiles(target, { images: plan.images, fonts: plan.fonts, manifest, nextManifest, derivative, fontsDir, tick });
  const removed = await removeUnplanned(target, manifest, nextManifest);
  await target.flush();
  await writeManifest(outDir, nextManifest);
  return {
    outDir,
    pages: plan.pages.size,
    written: written + copied.written,
    unchanged: unchanged + copied.unchanged,
    removed,
    notes: [...plan.notes, ...copied.notes, ...target.notes],
    unreadable: [],
  };
}
