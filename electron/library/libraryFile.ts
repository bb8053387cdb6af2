import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { articleSummarySchema, type ArticleSummary } from '../../shared/model/article';
import { migrateForward } from '../../shared/model/migrate';
import { defaultSettings, readSettings, settingsSchema } from '../../shared/model/settings';

/** library.json: schema version, newsroom settings and the catalog of article summaries. */
export const LIBRARY_SCHEMA_VERSION = 1;

const catalogSchema = z.array(articleSummarySchema);

export const libraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  settings: settingsSchema,
  catalog: catalogSchema,
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
  const migrated = migrateLibraryFile(raw);
  const quick = quickRead(migrated);
  if (quick) return { data: quick, problem: null, fields: [], catalogLost: false, tooNew: null };
  const whole = libraryFileSchema.safeParse(migrated);
  if (whole.success) return { data: whole.data, problem: null, fields: [], catalogLost: false, tooNew: null };

  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const settings = readSettings(record.settings);
  const catalog = catalogSchema.safeParse(record.catalog);
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

/** The catalog's check as Ajv compiled it (see readCatalog). */
let catalogCheck: ValidateFunction | null = null;
/** Below this many summaries zod checks the catalog itself: Ajv's compiling (some 30 ms) would cost more than it saves. */
const CHECK_WITH_AJV_FROM = 5000;

/**
 * The catalog's check, compiled by Ajv from the catalog's own zod schema (z.toJSONSchema: one
 * source of truth). At 100,000 articles zod takes about twice as long as JSON.parse to check the
 * catalog, Ajv's compiled code a quarter of that, and opening a library must stay within twice
 * the time of reading library.json. Defaults (fields absent from older catalogs) are filled in as
 * zod fills them. Compiled on first use; a schema that cannot be said in JSON Schema throws there.
 * Returns the summaries, checked (defaults filled in), or null when they are not all valid.
 */
export function readCatalog(catalog: unknown, { ajv = Array.isArray(catalog) && catalog.length >= CHECK_WITH_AJV_FROM } = {}): ArticleSummary[] | null {
  if (!ajv) {
    const parsed = catalogSchema.safeParse(catalog);
    return parsed.success ? parsed.data : null;
  }
  catalogCheck ??= new Ajv2020({ useDefaults: true, allErrors: false, strict: false, validateSchema: false })
    // The pattern beside each date-time already says what zod checks.
    .addFormat('date-time', true)
    .compile(z.toJSONSchema(catalogSchema, { io: 'input' }));
  return catalogCheck(catalog) ? (catalog as ArticleSummary[]) : null;
}

/** library.json when it is entirely valid (the usual case), checked the fast way; null to take the careful path. */
function quickRead(raw: unknown): LibraryFile | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { schemaVersion, settings, catalog, ...rest } = raw as Record<string, unknown>;
  if (schemaVersion !== LIBRARY_SCHEMA_VERSION || Object.keys(rest).length) return null;
  const parsedSettings = settingsSchema.safeParse(settings);
  const summaries = parsedSettings.success ? readCatalog(catalog) : null;
  return summaries && parsedSettings.success ? { schemaVersion, settings: parsedSettings.data, catalog: summaries } : null;
}
