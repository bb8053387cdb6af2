/** A file's size as people say it, in the interface's language: "412 KB", "1,2 MB" (vi) or "1.2 MB" (en). */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < 1000 * 1000) return `${number(Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${number(bytes / 1000 / 1000)} MB`;
}
