import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallContext, NewsdeskApi, Result } from '../../shared/api/contract';
import { methodNames, PROFILE_HEADER, type MethodName } from '../../shared/api/methods';
import type { LibraryService } from '../../electron/library/LibraryService';
import { createBridge, type RendererIpc } from '../../electron/shell/bridge';
import { registerIpc, type IpcCallEvent, type MainIpc } from '../../electron/transport/ipc';
import { createDispatcher } from '../../electron/transport/dispatch';
import { startWebHost, type WebHost } from '../../electron/transport/webHost';

/**
 * The Electron transport without Electron's wire: the real preload bridge and the real IPC
 * registration, joined by an in-memory ipc that delivers invoke() to the registered handler
 * with a sender frame of our choosing.
 */
export function electronTransport(service: LibraryService, senderUrl = 'app://newsdesk/index.html') {
  const handlers = new Map<string, (event: IpcCallEvent, input: unknown, context?: unknown) => Promise<unknown>>();
  const mainIpc: MainIpc = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  registerIpc(mainIpc, createDispatcher(service));
  const event: IpcCallEvent = { senderFrame: { url: senderUrl, parent: null } };
  const rendererIpc: RendererIpc = {
    invoke: async (channel, input, context) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler for ${channel}`);
      // IPC copies values with the structured clone algorithm; so do we.
      return handler(event, structuredClone(input), structuredClone(context));
    },
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
  };
  return { api: createBridge(rendererIpc) as NewsdeskApi, handlers };
}

/** The web host over real HTTP on 127.0.0.1, called as the renderer calls it. */
export async function webTransport(service: LibraryService, staticDir: string) {
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Newsdesk</title>', 'utf8');
  const host = await startWebHost({ dispatch: createDispatcher(service), staticDir, images: service.images });
  const api = Object.fromEntries(
    methodNames.map((method) => [
      method,
      (input: unknown, context?: CallContext) => post(host, method, input, context?.profileId ? { [PROFILE_HEADER]: context.profileId } : {}).then((r) => r.body),
    ]),
  ) as unknown as NewsdeskApi;
  return { api, host };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Result<unknown>;
  text: string;
}

/** A raw HTTP request (node:http, so Host and Origin can be set as an attacker would). */
export function rawRequest(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Result<unknown>;
          try {
            body = JSON.parse(text) as Result<unknown>;
          } catch {
            body = { ok: false, error: { code: 'internal', message: 'not JSON' } };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function post(host: WebHost, method: MethodName | string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${host.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${host.token}`,
      ...headers,
    },
    body: JSON.stringify(input),
  });
}
