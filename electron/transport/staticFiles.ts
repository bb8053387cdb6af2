import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { mimeType } from './csp';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path inside the built renderer folder, refusing anything that would leave it
 * (`..`, encoded slashes, absolute paths, NUL). Paths without a file extension fall back to
 * index.html so the single-page app can be reloaded on any route. Returns null when refused or
 * missing.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = normalize(decoded.replace(/^\/+/, ''));
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) return null;
  const full = join(root, relativePath);
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let path = resolveStaticPath(root, urlPath === '/' ? '/index.html' : urlPath);
  if (path === null) return null;
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    if (/\.[a-z0-9]+$/i.test(urlPath)) return null;
    path = join(root, 'index.html');
  }
  try {
    return { body: await readFile(path), contentType: mimeType(path) };
  } catch {
    return null;
  }
}
