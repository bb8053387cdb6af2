/**
 * The Content-Security-Policies, the same from either transport (Electron's app:// and the web
 * host). The app: only our own scripts and stylesheets (no inline script, no inline style), no
 * plugins, no framing by others, no form posts. The preview: a document of its own
 * (PREVIEW_ROUTE), because the published page it shows carries its stylesheet inline, as the
 * exported file does; it may have inline styles and nothing else (no script at all, sandboxed).
 */
import { PREVIEW_ROUTE } from '../../shared/api/methods';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // Only the preview document (PREVIEW_ROUTE), from our own origin.
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The preview document's policy. The app writes the rendered page into it (same origin, so the
 * frame's scroll position can be kept); what it may load is what the page needs: its inline
 * stylesheet, its inline font (data:), the library's images. It runs no script even if opened on
 * its own (the sandbox directive), and only the app may frame it.
 */
export const PREVIEW_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-same-origin',
].join('; ');

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const SECURITY_HEADERS: Record<string, string> = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...COMMON_HEADERS };

export const PREVIEW_SECURITY_HEADERS: Record<string, string> = { 'Content-Security-Policy': PREVIEW_CONTENT_SECURITY_POLICY, ...COMMON_HEADERS };

/** The headers for a path the renderer's files are served under: the preview's own, or the app's. */
export function securityHeadersFor(pathname: string): Record<string, string> {
  return pathname === PREVIEW_ROUTE ? PREVIEW_SECURITY_HEADERS : SECURITY_HEADERS;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(path: string): string {
  const dot = path.lastIndexOf('.');
  return MIME[path.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}
