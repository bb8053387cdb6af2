import { z } from 'zod';
import { articleSummarySchema } from '../../shared/model/article';
import { defaultSettings, settingsSchema } from '../../shared/model/settings';

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
  let data = raw as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  while (version < LIBRARY_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) break;
    data = step(data);
    version++;
  }
  return data;
}
