import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BYTES, type ApiError, type Result } from '../../shared/api/contract';
import { SECURITY_HEADERS, securityHeadersFor } from './csp';
import { readStaticFile } from './staticFiles';
import { IMAGE_ROUTE, PROFILE_HEADER } from '../../shared/api/methods';
import type { Dispatcher } from './dispatch';
import { faultFromFile, setWriteFault } from '../library/atomicFile';

export interface WebHostOptions {
  dispatch: Dispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The library's images (their derivatives, never an original), served under /library/images/. */
  images?: { read(name: string): Promise<{ body: Buffer; contentType: string } | null> };
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token for this launch. */
  token?: string;
}

export interface WebHost {
  /** The address to open, token included (in the fragment, so it never reaches a log or a Referer). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

/**
 * The loopback web host: serves the built renderer and the API on 127.0.0.1 only. Every API call
 * needs this launch's token (Authorization: Bearer …); every request must name our own host
 * (against DNS rebinding), and API calls from a page must come from our own origin.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // TEST HOOK (tests/e2e/disk-failures.spec.ts), inert unless the variable is set: while the file
  // it names exists, the library's writes fail with the errno written in it (see atomicFile.ts).
  const faultFile = process.env.NEWSDESK_FAULT_FILE;
  if (faultFile) setWriteFault(faultFromFile(faultFile));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expectedToken = Buffer.from(`Bearer ${token}`);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', String(error)));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      request.resume();
      return sendJson(response, 403, failure('forbidden', 'Unexpected Host header.'));
    }
    const url = new URL(request.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith(IMAGE_ROUTE) && options.images) {
      // Images are for our own pages only (not for another site's <img>).
      const site = request.headers['sec-fetch-site'];
      const asset = site === undefined || site === 'same-origin' || site === 'none' ? await options.images.read(url.pathname.slice(IMAGE_ROUTE.length)) : null;
      if (!asset) return sendJson(response, 404, failure('not_found', 'Not found.'));
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': asset.contentType, 'Content-Length': asset.body.length, 'Cache-Control': 'private, max-age=31536000, immutable' });
      response.end(request.method === 'HEAD' ? undefined : asset.body);
      return;
    }

    if (!url.pathname.startsWith(API_PREFIX)) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        request.resume();
        return sendJson(response, 405, failure('invalid_input', 'Method not allowed.'));
      }
      const file = await readStaticFile(options.staticDir, url.pathname);
      if (!file) return sendJson(response, 404, failure('not_found', 'Not found.'));
      response.writeHead(200, {
        // The preview's document has its own policy (inline styles there only); every other file the app's.
        ...securityHeadersFor(url.pathname),
        'Content-Type': file.contentType,
        'Content-Length': file.body.length,
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
      return;
    }

    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if ((origin !== undefined && !allowedOrigins.has(origin)) || (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')) {
      request.resume();
      return sendJson(response, 403, failure('forbidden', 'Requests from other sites are refused.'));
    }
    if (request.method !== 'POST') {
      request.resume();
      return sendJson(response, 405, failure('invalid_input', 'Use POST.'));
    }
    const authorization = Buffer.from(request.headers.authorization ?? '');
    if (authorization.length !== expectedToken.length || !timingSafeEqual(authorization, expectedToken)) {
      request.resume();
      return sendJson(response, 401, failure('unauthorized', 'Missing or wrong token.'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      request.resume();
      return sendJson(response, 415, failure('invalid_input', 'Send JSON.'));
    }
    const body = await readBody(request, MAX_REQUEST_BYTES);
    if (body === null) {
      return sendJson(response, 413, failure('invalid_input', `The request is larger than ${MAX_REQUEST_BYTES} bytes.`));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, failure('invalid_input', 'The request is not valid JSON.'));
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    } catch {
      return sendJson(response, 400, failure('invalid_input', 'Malformed method name.'));
    }
    // Who is acting (a profile id; see shared/review/people.ts): a header beside the input.
    const profile = request.headers[PROFILE_HEADER.toLowerCase()];
    sendJson(response, 200, await options.dispatch(method, input, { profileId: typeof profile === 'string' ? profile : undefined }));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function failure(code: ApiError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
  });
  response.end(payload);
}

/** Reads the whole body; null when it is larger than `limit` (the excess is read and dropped). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A port in 41000–48999 made from the library's folder: the same library, the same address. */
export function preferredPort(dataDir: string): number {
  const digest = createHash('sha256').update(dataDir).digest();
  return 41_000 + (digest.readUInt32BE(0) % 8_000);
}
