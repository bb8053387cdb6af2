import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../shared/api/contract';
import { LibraryService } from '../../electron/library/LibraryService';
import { PREVIEW_CONTENT_SECURITY_POLICY } from '../../electron/transport/csp';
import type { WebHost } from '../../electron/transport/webHost';
import { makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';
import { post, rawRequest, webTransport } from '../helpers/transports';

let dir: string;
let service: LibraryService;
let host: WebHost;

beforeAll(async () => {
  dir = await makeTempDir();
  service = await LibraryService.open({ dataDir: join(dir, 'library') });
  host = (await webTransport(service, join(dir, 'static'))).host;
});
afterAll(async () => {
  await host.close();
  await service.dispose();
  await removeDir(dir);
});

describe('the loopback web host', () => {
  it('listens on 127.0.0.1 and prints an address carrying the token in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a request with the token', async () => {
    const response = await post(host, 'getSettings', {});
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
  });

  it('refuses a request without the token', async () => {
    const response = await post(host, 'getSettings', {}, { Authorization: '' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a wrong token', async () => {
    const last = host.token.at(-1) === 'x' ? 'y' : 'x';
    const response = await post(host, 'getSettings', {}, { Authorization: `Bearer ${host.token.slice(0, -1)}${last}` });
    expect(response.status).toBe(401);
  });

  it('refuses a wrong Host (DNS rebinding), for the API and for pages', async () => {
    const api = await post(host, 'getSettings', {}, { Host: `evil.example:${host.port}` });
    expect(api.status).toBe(403);
    expect(api.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await rawRequest(host, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a request from another origin, even with the token', async () => {
    const response = await post(host, 'createArticle', { headline: 'từ trang lạ' }, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    const crossSite = await post(host, 'createArticle', { headline: 'từ trang lạ' }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const listing = await post(host, 'listArticles', { query: 'từ trang lạ' });
    expect(listing.body).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('accepts its own origin', async () => {
    const response = await post(host, 'getSettings', {}, { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(response.status).toBe(200);
  });

  it('refuses a request over the size limit with invalid_input, writing nothing', async () => {
    await service.whenIdle();
    const before = await snapshotDir(join(dir, 'library'));
    const response = await post(host, 'createArticle', { headline: 'x'.repeat(MAX_REQUEST_BYTES + 10) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await service.whenIdle();
    expect(await snapshotDir(join(dir, 'library'))).toEqual(before);
  });

  it('refuses bodies that are not JSON', async () => {
    const response = await rawRequest(host, {
      method: 'POST',
      path: '/api/getSettings',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const page = await rawRequest(host, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Newsdesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("style-src 'self';");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('serves the preview’s document with its own policy: inline styles, no script, sandboxed', async () => {
    await writeFile(join(dir, 'static', 'preview.html'), '<!doctype html><body data-preview-shell></body>', 'utf8');
    const preview = await rawRequest(host, { path: '/preview.html', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(preview.status).toBe(200);
    expect(preview.headers['content-security-policy']).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    // Any other spelling of the path gets the app's policy.
    const other = await rawRequest(host, { path: '/preview.html/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(other.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('serves library images to its own pages only', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const imported = await post(host, 'importAsset', { fileName: 'a.gif', dataBase64: gif.toString('base64') });
    const { assetId } = (imported.body as { value: { assetId: string } }).value;
    // Its derivative at the column's width (the image is narrower: its own width, as WebP).
    const derived = `/library/images/${assetId.slice(0, 64)}-800.webp`;
    const own = await rawRequest(host, { path: derived, headers: { Host: `127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('image/webp');
    const other = await rawRequest(host, { path: derived, headers: { Host: `127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'cross-site' } });
    expect(other.status).toBe(404);
    // Never the original, by any address.
    for (const path of [`/library/assets/${assetId}`, `/library/images/${assetId}`, '/library/images/..%2f..%2flibrary.json', '/library/images/..%2fassets%2f' + assetId]) {
      const response = await rawRequest(host, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(404);
    }
  });

  it('never serves files outside the app folder', async () => {
    // (The URL parser already folds plain /../ and /%2e%2e/; encoded slashes and backslashes reach
    // our own check.)
    for (const path of ['/..%2flibrary%2flibrary.json', '/%2e%2e%2flibrary%2flibrary.json', '/..%5clibrary%5clibrary.json', '/x%00.js', '/%E0%A4%A']) {
      const response = await rawRequest(host, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain('catalog');
    }
  });

  it('answers a malformed method name with invalid_input', async () => {
    const response = await post(host, '%E0%A4%A', {});
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
