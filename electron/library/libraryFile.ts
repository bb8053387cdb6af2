import { z } from 'zod';
import { articleSummarySchema } from '../../shared/model/article';
import { migrateForward } from '../../shared/model/migrate';
import { defaultSettings, readSettings, settingsSchema } from '../../shared/model/settings';

/** library.json: schema version, newsroom settings and the catalog of article summaries. */
export const LIBRARY_SCHEMA_VERSION = 1;

export const libraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  settings: settingsSchema,
  catalog: z.array(articleSummarySchema),
});
export type LibraryFile = z.infer<typeof libraryFileSchema>;

export function emptyLibraryFile(): LibraryFile {
  return { schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog: [] };
}

/**
 * Forward migrations, one per schema version: `migrations[n]` turns a version-n file into n+1.
 * A file newer than this build is refused rather than rewritten.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => ({ ...data, schemaVersion: 1 }),
};

export function migrateLibraryFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return migrateForward(raw as Record<string, unknown>, LIBRARY_SCHEMA_VERSION, migrations);
}

export interface Salvaged {
  data: LibraryFile;
  /** What was wrong, when something was (the original is then kept beside the repaired file). */
  problem: string | null;
  /** The parts repaired: 'settings', 'catalog'. */
  fields: string[];
  /** The catalog could not be used and must be rebuilt from the article files. */
  catalogLost: boolean;
  /** The file's format version, when it is newer than this build reads. */
  tooNew: number | null;
}

/**
 * Reads library.json as far as it can be trusted: a newer format is reported (never rewritten);
 * a setting that fails its schema falls back to its default, the others are kept (each reset one
 * reported as a field `settings.<path>`); catalog entries that fail are dropped and the catalog
 * rebuilt from the article files.
 */
export function salvageLibraryFile(raw: unknown): Salvaged {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > LIBRARY_SCHEMA_VERSION) {
    return { data: emptyLibraryFile(), problem: null, fields: [], catalogLost: false, tooNew: version };
  }
  const whole = libraryFileSchema.safeParse(migrateLibraryFile(raw));
  if (whole.success) return { data: whole.data, problem: null, fields: [], catalogLost: false, tooNew: null };

  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const settings = readSettings(record.settings);
  const catalog = z.array(articleSummarySchema).safeParse(record.catalog);
  const problems = [
    ...(settings.reset.length ? [`settings reset to their defaults: ${settings.reset.join(', ')}`] : []),
    ...(catalog.success ? [] : ['the catalog was invalid and was rebuilt from the article files']),
  ];
  return {
    data: {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      settings: settings.settings,
      catalog: catalog.success ? catalog.data : [],
    },
    problem: `library.json: ${problems.join('; ') || whole.error.issues[0]?.message}`,
    fields: [...settings.reset.map((path) => (path === 'settings' ? path : `settings.${path}`)), ...(catalog.success ? [] : ['catalog'])],
    catalogLost: !catalog.success,
    tooNew: null,
  };
}
