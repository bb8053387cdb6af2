/**
 * The shell's decisions (electron/shell/policy.ts, closeGuard.ts, transport/csp.ts) in plain Node.
 * tests/electron/mainProcess.test.ts checks the built main process hands them to Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { LibraryLockedError, LOCKED_EXIT_CODE } from '../../electron/library/libraryLock';
import { createCloseGuard, createQuitGuard } from '../../electron/shell/closeGuard';
import {
  allowsFrameNavigation,
  allowsNavigation,
  appProtocolResponse,
  externalUrl,
  focusExisting,
  isAppUrl,
  languageForLocale,
  permissionAllowed,
  startupFailure,
  openMainWindow,
  windowOpenDecision,
  type AppSources,
} from '../../electron/shell/policy';
import { CONTENT_SECURITY_POLICY, PREVIEW_CONTENT_SECURITY_POLICY, securityHeadersFor } from '../../electron/transport/csp';

const directives = (policy: string) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

/** Stands in for BrowserWindow: keeps the options it was opened with. */
class Capture {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('the window', () => {
  it('is isolated, sandboxed, without Node, with web security and our preload only', () => {
    const options = openMainWindow(Capture, { width: 1200, height: 800, maximized: false }, '/app/preload.cjs').options;
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options).toMatchObject({ width: 1200, height: 800, show: false });
    expect(options).not.toHaveProperty('x');
    expect(openMainWindow(Capture, { x: 10, y: 20, width: 1200, height: 800, maximized: false }, '/p').options).toMatchObject({ x: 10, y: 20 });
  });
});

describe('navigation, new windows, permissions', () => {
  it('keeps the window on app://newsdesk', () => {
    expect(allowsNavigation('app://newsdesk/index.html#/article/1')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'app://newsdesk@evil.example/', 'app://newsdesk.evil/', 'javascript:alert(1)', 'not a url']) {
      expect(allowsNavigation(url), url).toBe(false);
    }
    expect(isAppUrl('app://newsdesk/preview.html')).toBe(true);
  });

  it('lets the preview frame hold the app’s own documents only', () => {
    expect(allowsFrameNavigation('app://newsdesk/preview.html', false)).toBe(true);
    expect(allowsFrameNavigation('about:blank', false)).toBe(true);
    for (const url of ['https://example.com/', 'data:text/html,<script>1</script>', 'blob:app://newsdesk/1', 'file:///tmp/x.html']) {
      expect(allowsFrameNavigation(url, false), url).toBe(false);
    }
    expect(allowsFrameNavigation('about:blank', true)).toBe(false);
  });

  it('opens no window; https and mailto links go to the system, parsed', () => {
    expect(windowOpenDecision('https://baocantho.example/a b')).toEqual({ action: 'deny', openExternally: 'https://baocantho.example/a%20b' });
    expect(windowOpenDecision('mailto:a@b.example')).toEqual({ action: 'deny', openExternally: 'mailto:a@b.example' });
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', '']) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternally: null });
    }
    expect(externalUrl('HTTPS://Example.com')).toBe('https://example.com/');
  });

  it('refuses every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) expect(permissionAllowed(permission)).toBe(false);
  });
});

describe('app://', () => {
  const file = (text: string, contentType = 'text/html; charset=utf-8') => ({ body: Buffer.from(text), contentType });
  const sources: AppSources = {
    readStatic: async (path) => (path === '/index.html' ? file('<div id="root"></div>') : path === '/preview.html' ? file('<body data-preview-shell></body>') : null),
    readImage: async (name) => (name === 'a-480.webp' ? file('RIFF', 'image/webp') : null),
  };

  it('serves the app with the app’s policy and the preview document with its own', async () => {
    const index = await appProtocolResponse('app://newsdesk/index.html', sources);
    expect(index).toMatchObject({ status: 200, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/html; charset=utf-8' } });
    expect(Buffer.from(index.body).toString()).toBe('<div id="root"></div>');
    const preview = await appProtocolResponse('app://newsdesk/preview.html', sources);
    expect(preview.headers['Content-Security-Policy']).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    const image = await appProtocolResponse('app://newsdesk/library/images/a-480.webp', sources);
    expect(image).toMatchObject({ status: 200, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'image/webp' } });
  });

  it('answers 404, with the app’s policy, for another host, a missing file or image', async () => {
    for (const url of ['app://other/index.html', 'app://newsdesk/missing.js', 'app://newsdesk/library/images/b.webp', 'app://newsdesk@x/index.html']) {
      const answer = await appProtocolResponse(url, sources);
      expect(answer.status, url).toBe(404);
      expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('the policies', () => {
  it('the app: style-src and script-src self only, nothing inline, frames from itself', () => {
    const app = directives(CONTENT_SECURITY_POLICY);
    expect(app['style-src']).toEqual(["'self'"]);
    expect(app['script-src']).toEqual(["'self'"]);
    expect(app['frame-src']).toEqual(["'self'"]);
    expect(app['object-src']).toEqual(["'none'"]);
    expect(app['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('the preview: inline styles, no script, sandboxed, framed by the app only', () => {
    const preview = directives(PREVIEW_CONTENT_SECURITY_POLICY);
    expect(preview['style-src']).toEqual(["'unsafe-inline'"]);
    expect(preview['script-src']).toEqual(["'none'"]);
    expect(preview['default-src']).toEqual(["'none'"]);
    expect(preview.sandbox).toEqual(['allow-same-origin']);
    expect(preview['frame-ancestors']).toEqual(["'self'"]);
  });

  it('the preview’s policy is for its exact path only', () => {
    expect(securityHeadersFor('/preview.html')['Content-Security-Policy']).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    for (const path of ['/', '/index.html', '/preview.html/', '//preview.html', '/assets/preview.html', '/Preview.html']) {
      expect(securityHeadersFor(path)['Content-Security-Policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('closing and quitting', () => {
  function harness() {
    const log: string[] = [];
    const timers: (() => void)[] = [];
    let flushed: (() => void) | null = null;
    const guard = createCloseGuard({
      requestFlush: () => log.push('flush?'),
      onFlushed: (listener) => {
        flushed = listener;
        return () => {
          flushed = null;
          log.push('unsubscribed');
        };
      },
      close: () => log.push('close'),
      afterClose: () => log.push('after'),
      timeoutMs: 3000,
      setTimer: (run) => timers.push(run),
      clearTimer: () => log.push('timer cleared'),
    });
    const close = () => {
      let prevented = false;
      guard({ preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { log, timers, close, answer: () => flushed?.() };
  }

  it('holds the first close until the page has saved, then closes once', () => {
    const h = harness();
    expect(h.close()).toBe(true);
    expect(h.log).toEqual(['flush?']);
    // A second click while saving waits for the same answer.
    expect(h.close()).toBe(true);
    expect(h.log).toEqual(['flush?']);
    h.answer();
    expect(h.log).toEqual(['flush?', 'unsubscribed', 'timer cleared', 'close', 'after']);
    // The close it makes goes through; the late timer does nothing.
    expect(h.close()).toBe(false);
    h.timers[0]!();
    expect(h.log.filter((entry) => entry === 'close')).toHaveLength(1);
  });

  it('closes anyway when the page does not answer in time', () => {
    const h = harness();
    h.close();
    h.timers[0]!();
    expect(h.log).toEqual(['flush?', 'unsubscribed', 'timer cleared', 'close', 'after']);
  });

  it('quits only after the library is disposed, once', async () => {
    const log: string[] = [];
    let finishDispose = () => {};
    const library = { dispose: () => new Promise<void>((resolve) => (finishDispose = () => (log.push('disposed'), resolve()))) };
    const willQuit = createQuitGuard(() => library, () => log.push('quit'));
    const quitEvent = () => {
      let prevented = false;
      willQuit({ preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(quitEvent()).toBe(true);
    expect(quitEvent()).toBe(true);
    finishDispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['disposed', 'quit']);
    expect(quitEvent()).toBe(false);
    expect(createQuitGuard(() => null, () => log.push('x'))({ preventDefault: () => log.push('prevented') })).toBeUndefined();
    expect(log).toEqual(['disposed', 'quit']);
  });
});

describe('starting', () => {
  it('speaks the system’s language when Newsdesk has it, else Vietnamese', () => {
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('vi-VN')).toBe('vi');
    expect(languageForLocale('fr')).toBe('vi');
  });

  it('a locked library exits with its own code and says which process has it', () => {
    const locked = startupFailure(new LibraryLockedError('/lib', 4242));
    expect(locked.exitCode).toBe(LOCKED_EXIT_CODE);
    expect(locked.message).toMatch(/^Thư viện đang được một Newsdesk khác mở \(tiến trình 4242\)\./);
    expect(startupFailure(new Error('disk full'))).toEqual({ message: 'disk full', exitCode: 1 });
    expect(startupFailure('odd')).toEqual({ message: 'odd', exitCode: 1 });
  });

  it('a second launch restores a minimised window and focuses it', () => {
    const calls: string[] = [];
    focusExisting({ isMinimized: () => true, restore: () => calls.push('restore'), focus: () => calls.push('focus') });
    focusExisting(null);
    expect(calls).toEqual(['restore', 'focus']);
  });
});
