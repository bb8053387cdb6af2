import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import { planSite, type ImageLookup, type SitePlan } from '../../shared/publish/site';
import { removeTempFilesUnder, writeFileAtomic, writeJsonAtomic } from '../library/atomicFile';
import { isSitePath, MANIFEST } from './exportFolder';
import type { MethodOutput } from '../../shared/api/contract';

export type ExportProgress = Omit<MethodOutput<'getExportProgress'>, 'running'>;

/** What an export did (the contract's output for exportSite and exportArticleFolder). */
export type ExportResult = MethodOutput<'exportSite'>;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

interface WriteOptions {
  outDir: string;
  /** Where an image derivative is, made now if missing (null: its image cannot be read). */
  derivative: (name: string) => Promise<{ path: string } | null>;
  fontsDir: string;
  onProgress?: (progress: ExportProgress) => void;
}

/** Writes the site into `outDir` (only what changed since the last export there). */
export function exportSite(options: WriteOptions & { settings: Settings; articles: readonly Article[]; images: ImageLookup }): Promise<ExportResult> {
  return writePlan(planSite(options.settings, options.articles, options.images), options);
}

/**
 * Writes planned pages, images and fonts into `outDir`. A manifest of what the last export wrote
 * (and its hashes) means only changed pages are written again, and pages no longer planned are
 * removed.
 */
export async function writePlan(plan: SitePlan, { outDir, derivative, fontsDir, onProgress }: WriteOptions): Promise<ExportResult> {
  // The folder is uploaded to the web as it is: a temporary file left by an export that was
  // killed midway must not go with it.
  await removeTempFilesUnder(outDir);
  await mkdir(join(outDir, 'assets', 'fonts'), { recursive: true });
  const manifestPath = join(outDir, MANIFEST);
  // The last export's manifest: only entries that are site paths inside this folder are trusted.
  const previous: Record<string, string> = {};
  const stored: unknown = await readFile(manifestPath, 'utf8').then(
    (raw) => JSON.parse(raw) as unknown,
    () => null,
  );
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [path, hash] of Object.entries(stored)) if (typeof hash === 'string' && isSitePath(path, outDir)) previous[path] = hash;
  }
  const next: Record<string, string> = {};
  // Recorded before writing, so that pages written by an export that fails midway are still
  // known (and removed when no longer published) next time.
  await writeJsonAtomic(manifestPath, { ...previous, ...Object.fromEntries([...plan.pages.keys()].map((path) => [path, 'pending'])) });
  const notes = [...plan.notes];
  const total = plan.pages.size + plan.images.size + plan.fonts.length;
  let done = 0;
  let written = 0;
  let unchanged = 0;
  const tick = () => {
    done++;
    if (done % 50 === 0 || done === total) onProgress?.({ done, total });
  };
  onProgress?.({ done: 0, total });

  for (const [path, content] of plan.pages) {
    const hash = sha(content);
    next[path] = hash;
    const target = join(outDir, path);
    if (previous[path] === hash && (await exists(target))) unchanged++;
    else {
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, content);
      written++;
    }
    tick();
  }
  // Images and font files never change under their names (a derivative is named by its
  // original's hash and its width). Only derivatives are copied, never an original.
  const copies = [
    ...[...plan.images].map((name) => ({ path: `assets/${name}`, from: () => derivative(name).then((made) => made?.path ?? null) })),
    ...plan.fonts.map((file) => ({ path: `assets/fonts/${file}`, from: async () => join(fontsDir, file) })),
  ];
  for (const { path, from } of copies) {
    if (await exists(join(outDir, path))) {
      next[path] = path;
      unchanged++;
    } else {
      // Copied through a temporary file, so a half-copied image is never taken for a whole one.
      const source = await from().catch(() => null);
      const bytes = source ? await readFile(source).catch(() => null) : null;
      if (bytes) {
        await writeFileAtomic(join(outDir, path), bytes);
        next[path] = path;
        written++;
      } else notes.push(`missing-file:${path}`);
    }
    tick();
  }
  let removed = 0;
  for (const path of Object.keys(previous)) {
    if (!(path in next)) {
      await unlink(join(outDir, path)).catch(() => undefined);
      removed++;
    }
  }
  await writeJsonAtomic(manifestPath, next);
  return { outDir, pages: plan.pages.size, written, unchanged, removed, notes };
}
