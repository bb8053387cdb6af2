import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// @ts-expect-error -- plain JavaScript module of the build scripts
const { licenseId } = (await import('../../scripts/licenses.mjs')) as { licenseId: (pkg: object) => string };

interface Written {
  builtAt: string;
  packages: { name: string; version: string; license: string; licenseText: string | null }[];
}
interface NpmNode {
  version?: string;
  _dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dependencies?: Record<string, NpmNode>;
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

/** Runs the generator as the build does, into a temporary file. */
async function generate(env: NodeJS.ProcessEnv = {}): Promise<Written> {
  dir = await makeTempDir();
  const out = join(dir, 'licenses.json');
  await run(process.execPath, ['scripts/licenses.mjs', out], { cwd: root, env: { ...process.env, ...env } });
  return JSON.parse(readFileSync(out, 'utf8')) as Written;
}

/**
 * npm's own view of the production tree (`npm ls --omit=dev --all --json --long`): every package
 * reached along the dependencies each package declares (`_dependencies`: its dependencies and
 * optional dependencies) and its required peers (which npm installs; an optional peer is only used
 * if installed for another reason, as react-i18next's typescript is, for development), and every
 * package the listing names at all.
 */
async function npmProductionTree(): Promise<{ shipped: Set<string>; listed: Set<string> }> {
  const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch(
    // npm ls exits 1 on a problem it also describes in the JSON (an invalid peer, say); the tree is still there.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const top = JSON.parse(stdout) as NpmNode;
  const shipped = new Set<string>();
  const listed = new Set<string>();
  const walk = (node: NpmNode, declaredOnly: boolean) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (!child.version) continue; // an optional package for another platform, not installed
      listed.add(`${name}@${child.version}`);
      const declared =
        node._dependencies?.[name] !== undefined || (node.peerDependencies?.[name] !== undefined && !node.peerDependenciesMeta?.[name]?.optional);
      if (declaredOnly && declared) shipped.add(`${name}@${child.version}`);
      walk(child, declaredOnly && declared);
    }
  };
  walk(top, true);
  return { shipped, listed };
}

describe('the licences file (scripts/licenses.mjs)', () => {
  it('lists every production dependency installed, at its installed version, each with a licence id and text, and no development tool', async () => {
    const [written, npm] = await Promise.all([generate(), npmProductionTree()]);
    const keys = written.packages.map((pkg) => `${pkg.name}@${pkg.version}`);
    expect(new Set(keys).size, 'each package once').toBe(keys.length);
    expect(npm.shipped.size).toBeGreaterThan(50);
    expect([...npm.shipped].filter((key) => !keys.includes(key)), 'production packages missing').toEqual([]);
    expect(
      keys.filter((key) => !npm.listed.has(key)),
      'packages outside the production tree',
    ).toEqual([]);

    const devOnly = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies).filter(
      (name) => ![...npm.shipped].some((key) => key.startsWith(`${name}@`)),
    );
    expect(devOnly).toContain('vitest');
    expect(written.packages.filter((pkg) => devOnly.includes(pkg.name)).map((pkg) => pkg.name)).toEqual([]);

    expect(written.packages.filter((pkg) => !pkg.license.trim()).map((pkg) => pkg.name), 'without a licence id').toEqual([]);
    expect(written.packages.filter((pkg) => !pkg.licenseText?.trim()).map((pkg) => pkg.name), 'without a licence text').toEqual([]);
  });

  it("gives each package's own licence: react's MIT and its LICENSE file word for word", async () => {
    const written = await generate();
    const react = written.packages.find((pkg) => pkg.name === 'react');
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/react/package.json'), 'utf8')) as { version: string; license: string };
    expect(react).toEqual({
      name: 'react',
      version: installed.version,
      license: 'MIT',
      licenseText: readFileSync(join(root, 'node_modules/react/LICENSE'), 'utf8').trim(),
    });
  });

  it('dates the build now, or at SOURCE_DATE_EPOCH when set (reproducible builds)', async () => {
    const before = Date.now();
    const now = await generate();
    expect(Date.parse(now.builtAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(now.builtAt)).toBeLessThanOrEqual(Date.now());
    await removeDir(dir!);
    const fixed = await generate({ SOURCE_DATE_EPOCH: '1795500000' });
    expect(fixed.builtAt).toBe(new Date(1795500000 * 1000).toISOString());
  });

  it.each([
    [{ license: 'MIT' }, 'MIT'],
    [{ license: '(MIT OR Apache-2.0)' }, '(MIT OR Apache-2.0)'],
    [{ license: { type: 'BSD-3-Clause', url: 'https://example.org' } }, 'BSD-3-Clause'],
    [{ licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }] }, '(MIT OR GPL-2.0)'],
    [{ licenses: [{ type: 'ISC' }] }, 'ISC'],
    [{}, ''],
  ])('reads the licence id of package.json %j as %j', (pkg, id) => {
    expect(licenseId(pkg)).toBe(id);
  });
});
