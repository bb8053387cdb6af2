import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/transport/staticFiles';

describe('resolveStaticPath', () => {
  const root = '/srv/app';
  it('resolves paths inside the folder', () => {
    expect(resolveStaticPath(root, '/index.html')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe('/srv/app/assets/a b.js');
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe('/srv/app/index.html');
  });
  it('refuses anything that leaves it', () => {
    for (const path of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd', '/a/../../etc', '/%2e%2e%5cwin.ini', '/x%00', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });
});
