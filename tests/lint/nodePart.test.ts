import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule looks at one file's import lines; this looks at the real import graph, as the
 * build bundles it (re-exports, dynamic imports and dependencies included): nothing the Node part
 * of electron/ reaches may come from electron/shell/ or be the `electron` module. Type-only
 * imports vanish from a bundle; the lint rule (tests/lint/layering.test.ts) covers those.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

const nodePart = tsFiles(join(root, 'electron')).filter((file) => !file.startsWith('electron/shell/'));

const bundleOptions: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  metafile: true,
  write: false,
  outdir: 'dist/node-part-check',
  logLevel: 'silent',
};

async function metafileOf(options: BuildOptions): Promise<Metafile> {
  const result = await build({ ...bundleOptions, ...options });
  return result.metafile!;
}

const isElectronModule = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

/** Every way the bundle reaches Electron: an import of the `electron` module, or a file of electron/shell/. */
function electronReach(metafile: Metafile): string[] {
  const found: string[] = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (input.startsWith('electron/shell/')) found.push(`${input} is bundled`);
    if (/(^|\/)node_modules\/electron\//.test(input)) found.push(`${input} is bundled`);
    for (const imported of imports) {
      // `path` is where the import resolved (for our own files, relative to the root, which also
      // starts with "electron/"); `original` is the specifier as written, when it differs.
      const written = imported.original ?? imported.path;
      const reachesElectron =
        (imported.external === true && isElectronModule(imported.path)) ||
        (imported.original !== undefined && isElectronModule(imported.original)) ||
        /(^|\/)node_modules\/electron\//.test(imported.path);
      if (reachesElectron) found.push(`${input} imports ${written} (${imported.kind})`);
    }
  }
  return found;
}

describe('the Node part of electron/ (everything outside electron/shell/)', () => {
  it('is found where DESIGN.md puts it, entry points included', () => {
    expect(nodePart).toEqual(
      expect.arrayContaining([
        'electron/transport/webHostMain.ts',
        'electron/publish/exportMain.ts',
        'electron/transport/webHost.ts',
        'electron/transport/ipc.ts',
        'electron/library/LibraryService.ts',
      ]),
    );
    expect(nodePart.some((file) => file.startsWith('electron/shell/'))).toBe(false);
  });

  it('bundles without electron/shell/ and without the electron module', async () => {
    const metafile = await metafileOf({ entryPoints: nodePart });
    // Every file of the Node part was bundled (so none was checked by accident only).
    for (const file of nodePart) expect(Object.keys(metafile.inputs), file).toContain(file);
    expect(electronReach(metafile)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('sees the electron module in the Electron main process', async () => {
    const metafile = await metafileOf({ entryPoints: ['electron/shell/main.ts'] });
    expect(metafile.inputs['electron/shell/main.ts']!.imports).toContainEqual(
      expect.objectContaining({ path: 'electron', external: true }),
    );
    expect(electronReach(metafile)).toContain('electron/shell/main.ts is bundled');
  });

  it('sees a dynamic import of electron and an import of electron/shell/ from the Node part', async () => {
    const metafile = await metafileOf({
      stdin: {
        contents: "export { buildMenuTemplate } from '../shell/menu';\nexport const load = () => import('electron/main');\n",
        resolveDir: join(root, 'electron/transport'),
        sourcefile: 'electron/transport/probe.ts',
        loader: 'ts',
      },
      outdir: undefined,
      outfile: 'dist/node-part-check/probe.cjs',
    });
    const reach = electronReach(metafile);
    expect(reach).toContain('electron/shell/menu.ts is bundled');
    expect(reach.some((line) => /imports electron\/main \(dynamic-import\)/.test(line))).toBe(true);
  });
});
