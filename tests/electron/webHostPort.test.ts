import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preferredPort } from '../../electron/transport/webHost';
import { makeTempDir, removeDir } from '../helpers/tempDir';

// `npm start` where Electron cannot start: the web host listens where it listened last time for
// the same library, so the browser keeps the preferences it stores for that address; another
// port when that one is taken.

const HOST = join(process.cwd(), 'dist/electron/webhost.cjs');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

/** Starts the built web host on a library, answers the port it printed, and stops it. */
async function portOf(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir], { env: { ...process.env, NEWSDESK_PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code) => reject(new Error(`the web host exited with ${code}: ${output}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return port;
}

describe.skipIf(!existsSync(HOST))('the web host’s address', () => {
  it('is the same for the same library, launch after launch, and another when that port is taken', async () => {
    const dataDir = await makeTempDir('newsdesk-port-');
    dirs.push(dataDir);
    const first = await portOf(dataDir);
    expect(first).toBe(preferredPort(dataDir));
    expect(await portOf(dataDir)).toBe(first);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(first, '127.0.0.1', resolve));
    try {
      const other = await portOf(dataDir);
      expect(other).not.toBe(first);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);

  it('is made from the library’s folder, within 41000–48999', () => {
    expect(preferredPort('/home/minhanh/.config/Newsdesk/library')).toBe(preferredPort('/home/minhanh/.config/Newsdesk/library'));
    const ports = new Set(['/a', '/b', '/c', '/d', '/e'].map(preferredPort));
    expect(ports.size).toBeGreaterThan(1);
    for (const port of ports) expect(port >= 41_000 && port < 49_000).toBe(true);
  });
});
