import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A tiny static web server for an exported site, on 127.0.0.1, behaving as an ordinary web host
 * does, so that what Lighthouse measures is the pages and not the server: the right Content-Type
 * for every file the export writes, gzip for text (as any real host gives), a year's caching for
 * assets/ (images and fonts, whose names change when their content does) and revalidation for the
 * pages. GET and HEAD only; nothing outside the folder is ever served.
 */

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg']);
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000';

export interface ServedFolder {
  /** http://127.0.0.1:port (no trailing slash). */
  origin: string;
  /** Every request made, for diagnostics: "GET /path 200 (bytes)". */
  log: string[];
  close: () => Promise<void>;
}

async function respond(root: string, request: IncomingMessage, response: ServerResponse, log: string[]): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const done = (status: number, body: Buffer | string = '', headers: Record<string, string> = {}) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    response.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
    response.end(method === 'HEAD' ? undefined : bytes);
    log.push(`${method} ${url.pathname} ${status} (${bytes.length} bytes)`);
  };
  if (method !== 'GET' && method !== 'HEAD') return done(405, 'Method not allowed', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return done(400, 'Bad request', { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  if (pathname.includes('\0')) return done(400, 'Bad request', { 'Content-Type': 'text/plain; charset=utf-8' });
  let path = resolve(join(root, pathname));
  if (path !== root && !path.startsWith(root + sep)) return done(403, 'Forbidden', { 'Content-Type': 'text/plain; charset=utf-8' });
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) path = join(path, 'index.html');
  const body = await readFile(path).catch(() => null);
  if (!body) return done(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
  const extension = extname(path).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': pathname.startsWith('/assets/') ? ASSET_CACHE_CONTROL : 'no-cache',
  };
  if (COMPRESSIBLE.has(extension)) {
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      headers['Content-Encoding'] = 'gzip';
      return done(200, gzipSync(body), headers);
    }
  }
  return done(200, body, headers);
}

/** Serves `folder` on 127.0.0.1 at a free port (or `port`). */
export async function serveFolder(folder: string, port = 0): Promise<ServedFolder> {
  const root = resolve(folder);
  const log: string[] = [];
  const server = createServer((request, response) => {
    respond(root, request, response, log).catch((error: unknown) => {
      log.push(`${request.method} ${request.url} 500 ${String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    log,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
