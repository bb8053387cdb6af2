/**
 * Runs a record forward through its migration table: `steps[n]` turns a version-n record into
 * version n + 1; a record with no `schemaVersion` is version 0. Used by library.json and the
 * article files alike (a record newer than `current` is the caller's to refuse).
 */
export function migrateForward<R extends Record<string, unknown>>(data: R, current: number, steps: Record<number, (data: R) => R>): R {
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  let migrated = data;
  while (version < current) {
    const step = steps[version];
    if (!step) break;
    migrated = step(migrated);
    version++;
  }
  return migrated;
}
