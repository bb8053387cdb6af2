import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const modules = fileURLToPath(new URL('./node_modules/', import.meta.url));

/** The renderer: built into dist/renderer, served by app:// in Electron and by the web host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // The Hunspell dictionaries' files, which their packages do not export by path.
    alias: [{ find: /^@dictionaries\/(vi|en)\/(index\.(?:aff|dic))/, replacement: `${modules}dictionary-$1/$2` }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // A desktop app loads from disk; one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
