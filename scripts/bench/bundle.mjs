// Benchmarks run the real TypeScript code: this bundles the named exports for Node with esbuild.
// sharp stays outside the bundle (it loads its native part from node_modules, as in the app's build).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** `exports` maps a module path (from the repository root) to the names to take from it. */
export async function bundleForBench(name, exports) {
  const outfile = join(root, `dist/bench/${name}.mjs`);
  await build({
    stdin: {
      contents: Object.entries(exports)
        .map(([module, names]) => `export { ${names.join(', ')} } from './${module}';`)
        .join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['sharp', 'pouchdb-adapter-leveldb'],
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return import(outfile);
}
