import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * The installers' configuration (build/electron-builder.yml) and the icons drawn for it
 * (scripts/icons.mjs). Packaging itself needs Electron's release archives and runs on the hosted
 * CI; here the configuration is checked against the JSON schema the installed electron-builder
 * validates with, and the icon files are read back byte by byte.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

type FileAssociation = { ext: string | string[]; name?: string; mimeType?: string; role?: string };
type Config = {
  electronFuses: Record<string, boolean>;
  fileAssociations: FileAssociation[];
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: string; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; installerLanguages: string[]; language: string };
  directories: { buildResources: string };
};

let text: string;
let config: Config;
let validate: ReturnType<Ajv['compile']>;
let dir: string;

beforeAll(async () => {
  text = await readFile(join(root, 'build', 'electron-builder.yml'), 'utf8');
  config = parse(text) as Config;
  // The schema electron-builder itself checks a configuration with (app-builder-lib/scheme.json).
  const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json', { paths: [require.resolve('electron-builder')] }), 'utf8'));
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  dir = await makeTempDir('newsdesk-icons-');
});
afterAll(async () => {
  await removeDir(dir);
});

const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));

describe('the installers configuration', () => {
  it("is valid under the installed electron-builder's schema", () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('is refused by that schema when an option is misspelt or mistyped (the check can fail)', () => {
    expect(errorsOf({ ...config, nsis: { ...config.nsis, perMachin: false } }).join('\n')).toContain('perMachin');
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }).join('\n')).toContain('runAsNod');
    expect(errorsOf({ ...config, fileAssociations: [{ name: 'no extension' }] }).join('\n')).toContain('ext');
    expect(errorsOf({ ...config, nsis: { ...config.nsis, oneClick: 'no' } }).join('\n')).toContain('boolean');
  });

  it('flips the Electron fuses that close Node.js backdoors and load only the checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, an NSIS installer and a dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
  });

  it('installs on Windows for this user, without an administrator, in Vietnamese or English', () => {
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.installerLanguages).toEqual(['vi_VN', 'en_US']);
    expect(config.nsis.language).toBe('1066');
  });

  it('opens .newsdesk bundles with Newsdesk', () => {
    const association = config.fileAssociations.find((a) => [a.ext].flat().includes('newsdesk'));
    expect(association).toBeDefined();
    expect(association!.mimeType).toBe('application/x-newsdesk');
  });
});

/** The sizes in an ICO file's directory (a 0 byte means 256). */
function icoSizes(data: Buffer): number[] {
  expect(data.readUInt16LE(0)).toBe(0);
  expect(data.readUInt16LE(2)).toBe(1);
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + i * 16;
    const width = data[entry] || 256;
    const height = data[entry + 1] || 256;
    expect(width).toBe(height);
    expect(data.readUInt32LE(entry + 12) + data.readUInt32LE(entry + 8)).toBeLessThanOrEqual(data.length);
    return width;
  });
}

/** The element types in an ICNS file, with their PNG data where they hold PNG. */
function icnsElements(data: Buffer): Map<string, Buffer> {
  expect(data.toString('latin1', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const elements = new Map<string, Buffer>();
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    elements.set(data.toString('latin1', at, at + 4), data.subarray(at + 8, at + length));
    at += length;
  }
  return elements;
}

describe('the icons, drawn from build/icon.svg by npm run package', () => {
  const draw = (...args: string[]) => spawnSync(process.execPath, ['scripts/icons.mjs', ...args], { cwd: root, encoding: 'utf8' });

  it('npm run package draws them before electron-builder runs', async () => {
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const steps = scripts.package!.split('&&').map((step) => step.trim());
    expect(steps.indexOf('node scripts/icons.mjs')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('node scripts/icons.mjs')).toBeLessThan(steps.findIndex((step) => step.startsWith('electron-builder --config build/electron-builder.yml')));
  });

  it('writes every size as PNG, an ICO and an ICNS where the configuration looks for them', async () => {
    const out = join(dir, 'icons');
    const result = draw('--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    // The configuration's paths are under build/icons/: the same files, drawn into `out` here.
    const inOut = (path: string) => join(out, path.replace(/^build\/icons\//, ''));
    for (const path of [config.linux.icon, config.win.icon, config.mac.icon]) expect(path).toMatch(/^build\/icons\//);

    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const meta = await sharp(join(inOut(config.linux.icon), `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
    }
    expect(icoSizes(await readFile(inOut(config.win.icon))).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = icnsElements(await readFile(inOut(config.mac.icon)));
    const pngSizes: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const [type, size] of Object.entries(pngSizes)) {
      const meta = await sharp(icns.get(type)!).metadata();
      expect([type, meta.width, meta.height]).toEqual([type, size, size]);
    }
    expect(icns.has('ic04') && icns.has('ic05')).toBe(true);
  });

  it('draws them from the SVG it is given: another source gives other pixels', async () => {
    const svg = join(dir, 'other.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00ff00"/></svg>');
    expect(draw('--source', svg, '--out', join(dir, 'other')).status).toBe(0);
    const { data } = await sharp(join(dir, 'other', 'png', '64x64.png')).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(32 * 64 * 4 + 32 * 4, 32 * 64 * 4 + 32 * 4 + 4)]).toEqual([0, 255, 0, 255]);
    const ours = await sharp(join(dir, 'icons', 'png', '64x64.png')).raw().toBuffer();
    expect(ours.equals(data)).toBe(false);
  });

  it('fails, saying so, when the source is missing', () => {
    const result = draw('--source', join(dir, 'missing.svg'), '--out', join(dir, 'none'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ENOENT|no such file/);
  });
});
