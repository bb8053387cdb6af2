import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built into dist/renderer, served by app:// in Electron and by the web host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // A desktop app loads from disk; one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
