/**
 * Electronegativity (Doyensec's checker for Electron misconfigurations) on the main process and
 * preload sources (electron/) and the renderer's HTML documents. Any finding fails the test: a
 * finding is fixed, or suppressed on its own line with an `eng-disable CHECK_ID` comment that says
 * why. Electronegativity reads a Content-Security-Policy only from a literal it can see; ours are
 * built in electron/transport/csp.ts and sent by app:// and the web host, so the test hands it the
 * policies the app really sends, written as the header assignment its CSP check recognises.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PREVIEW_CONTENT_SECURITY_POLICY } from '../../electron/transport/csp';
import { makeTempDir, removeDir } from '../helpers/tempDir';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  sample?: string;
  severity: { name: string };
  confidence: { name: string };
}
interface Report {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
type Run = (options: Record<string, unknown>) => Promise<Report>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as Run;
const electronVersion = (JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const describeFinding = (f: Finding) => `${f.id} (${f.severity.name}, ${f.confidence.name}) ${f.file}:${f.location.line} ${f.description}${f.sample ? ` — ${f.sample.slice(0, 160)}` : ''}`;

async function scan(input: string): Promise<Report> {
  return run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Compares the Electron version with the release feed online: needs the internet and answers
    // differently from day to day. Upgrades are `npm outdated`'s business, not this test's.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
}

let dir: string;
let report: Report;

beforeAll(async () => {
  dir = await makeTempDir('newsdesk-eng-');
  await cp(join(root, 'electron'), join(dir, 'electron'), { recursive: true });
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await cp(join(root, 'renderer/index.html'), join(dir, 'renderer/index.html'));
  await cp(join(root, 'renderer/public'), join(dir, 'renderer/public'), { recursive: true });
  await writeFile(
    join(dir, 'policies.js'),
    [
      '// The policies electron/transport/csp.ts sends (app:// and the web host), for the CSP check.',
      // script-src 'self' is flagged as possibly weak ("if you host JSONP, Angular or user uploaded
      // files"): the app's origin serves our own bundles and the library's image derivatives, which
      // go out as image/* with nosniff, so no uploaded file can ever run as a script.
      `details.responseHeaders['content-security-policy'] = ${JSON.stringify(CONTENT_SECURITY_POLICY)}; // eng-disable CSP_GLOBAL_CHECK`,
      `details.responseHeaders['content-security-policy'] = ${JSON.stringify(PREVIEW_CONTENT_SECURITY_POLICY)};`,
      '',
    ].join('\n'),
  );
  report = await scan(dir);
}, 120_000);

afterAll(async () => {
  if (dir) await removeDir(dir);
});

describe('electronegativity', () => {
  it('reads every file of the main process, the preload and the renderer’s documents', () => {
    expect(report.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([]);
    expect(report.atomicChecks).toBeGreaterThan(30);
    expect(report.globalChecks).toBeGreaterThan(4);
  });

  it('finds nothing (each suppression is on its line, with its reason)', () => {
    expect(report.issues.map(describeFinding)).toEqual([]);
  });
});

describe('electronegativity itself', () => {
  it('does find an unsafe window, unlimited navigation, no permission handler and no policy', async () => {
    const probe = await makeTempDir('newsdesk-eng-probe-');
    try {
      await writeFile(
        join(probe, 'main.js'),
        [
          "const { BrowserWindow, shell } = require('electron');",
          "const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });",
          'win.webContents.on("new-window", (e, url) => shell.openExternal(url));',
          '',
        ].join('\n'),
      );
      const found = new Set((await scan(probe)).issues.map((f) => f.id));
      // Also what the app has and this probe lacks: navigation limits, a permission handler, a policy.
      for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']) expect(found, id).toContain(id);
    } finally {
      await removeDir(probe);
    }
  }, 120_000);
});
