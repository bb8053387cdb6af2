/**
 * What the page may ask of the system's folder dialog: a title and a folder to start in, both
 * plain strings of sensible length. Anything else it sends is ignored.
 */
export function folderDialogOptions(raw: unknown): { title: string; defaultPath?: string } {
  const options = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const title = typeof options.title === 'string' ? options.title.slice(0, 200) : '';
  const defaultPath = typeof options.defaultPath === 'string' && options.defaultPath.length <= 1000 && !options.defaultPath.includes('\0') ? options.defaultPath : undefined;
  return defaultPath ? { title, defaultPath } : { title };
}
