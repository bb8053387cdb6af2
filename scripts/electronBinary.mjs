// Where Electron's binary is, or why there is none. The electron package's index.js throws when
// its postinstall download did not happen (as on machines without access to Electron's releases).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function findElectron() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `Electron's binary is missing (${path})` };
  } catch {
    // The electron package is installed, but its binary (downloaded by its own install script from
    // Electron's release server, outside the npm registry) is not.
    return { reason: "Electron's binary was never downloaded (it comes from Electron's release server, not the npm registry)" };
  }
}
