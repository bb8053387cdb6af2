import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsdeskApi, Result } from '../../shared/api/contract';
import { bodySchema, bodyToPlainText } from '../../shared/model/body';
import { MAX_LIST_DEPTH } from '../../shared/model/blocks/lists';
import { LibraryService } from '../../electron/library/LibraryService';
import { dispatch } from '../../electron/transport/dispatch';
import type { WebHost } from '../../electron/transport/webHost';
import { makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';
import { electronTransport, rawRequest, webTransport } from '../helpers/transports';

/**
 * Issue 12, item 5: a body nested a few hundred levels deep, through the API, is refused as
 * invalid_input (not an internal error from an overflowing validator), changing no file; one
 * found nested so deep in an article file is read flattened, its text kept, and reported.
 */

type J = Record<string, unknown>;
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function nestedLists(depth: number): J {
  let list: J | null = null;
  for (let level = depth; level >= 1; level--) {
    list = { type: level % 2 ? 'bulletList' : 'orderedList', content: [{ type: 'listItem', content: [para(`mục ${level}`), ...(list ? [list] : [])] }] };
  }
  return { type: 'doc', content: [list] };
}

function nestedContainers(type: string, depth: number): J {
  let node: J = para('sâu');
  for (let level = 0; level < depth; level++) node = { type, content: [node] };
  return { type: 'doc', content: [node] };
}

let dir: string;
let service: LibraryService;
let host: WebHost;
const transports: Record<string, NewsdeskApi> = {};

beforeAll(async () => {
  dir = await makeTempDir();
  service = await LibraryService.open({ dataDir: join(dir, 'library'), newId: () => `bai-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
  transports.ipc = electronTransport(service).api;
  const web = await webTransport(service, join(dir, 'static'));
  host = web.host;
  transports.web = web.api;
});
afterAll(async () => {
  await host.close();
  await service.dispose();
  await removeDir(dir);
});

const deepBodies: Array<[string, () => J]> = [
  [`lists ${MAX_LIST_DEPTH + 1} deep`, () => nestedLists(MAX_LIST_DEPTH + 1)],
  ['lists 300 deep', () => nestedLists(300)],
  ['quotes 300 deep', () => nestedContainers('blockquote', 300)],
  ['list items 300 deep', () => nestedContainers('listItem', 300)],
  ['tables 300 deep', () => nestedContainers('table', 300)],
];

describe.each(['ipc', 'web'])('a body nested too deep, through the %s transport', (name) => {
  it.each(deepBodies)('is refused as invalid input: %s', async (_, body) => {
    const api = transports[name]!;
    const created = await api.createArticle({ headline: 'Danh sách lồng nhau' });
    expect(created.ok).toBe(true);
    const article = (created as Extract<Result<{ id: string; revision: number }>, { ok: true }>).value;
    const before = await snapshotDir(join(dir, 'library', 'articles'));
    const saved = await api.saveArticle({ id: article.id, baseRevision: article.revision, changes: { body: body() as never } });
    expect(saved.ok).toBe(false);
    expect((saved as { error: { code: string } }).error.code).toBe('invalid_input');
    const createdDeep = await api.createArticle({ headline: 'Lồng sâu', body: body() as never });
    expect((createdDeep as { error?: { code: string } }).error?.code).toBe('invalid_input');
    expect(await snapshotDir(join(dir, 'library', 'articles'))).toEqual(before);
  });

  it(`takes lists ${MAX_LIST_DEPTH} deep`, async () => {
    const api = transports[name]!;
    const created = await api.createArticle({ headline: 'Danh sách lồng vừa đủ', body: nestedLists(MAX_LIST_DEPTH) as never });
    expect(created.ok).toBe(true);
  });
});

// Deeper still: more than the senders' own copying can take (structured clone in Electron's
// renderer, JSON.stringify in a browser), but a hand-written request can carry it.
const deeper: Array<[string, () => J]> = [
  ['lists 3000 deep', () => nestedLists(3000)],
  ['lists 20,000 deep', () => nestedLists(20_000)],
  ['quotes 20,000 deep', () => nestedContainers('blockquote', 20_000)],
  ['blocks nobody knows 20,000 deep', () => nestedContainers('div', 20_000)],
];

/** Whether a node holds nodes that hold nodes (a paragraph holds only text). */
const holdsContainers = (node: unknown) => Array.isArray((node as J | null)?.content) && ((node as J).content as unknown[]).some((child) => Array.isArray((child as J | null)?.content));

/** JSON text of a value nested too deep for JSON.stringify, written without recursion along its one deep chain of `content`. */
function jsonText(value: J): string {
  const close: string[] = [];
  let node: unknown = value;
  let text = '';
  while (holdsContainers(node)) {
    const { content, ...rest } = node as J;
    const children = content as unknown[];
    const deep = children.findIndex((child) => Array.isArray((child as J | null)?.content) && (holdsContainers(child) || children.length === 1));
    const head = JSON.stringify(rest);
    const before = children.slice(0, deep).map((child) => `${JSON.stringify(child)},`).join('');
    text += `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"content":[${before}`;
    close.push(`${children.slice(deep + 1).map((child) => `,${JSON.stringify(child)}`).join('')}]}`);
    node = children[deep];
  }
  return text + JSON.stringify(node) + close.reverse().join('');
}

describe('the dispatcher both transports use', () => {
  it.each([...deepBodies, ...deeper])('answers invalid_input, never internal: %s', async (_, body) => {
    const article = await service.createArticle({ headline: 'Qua bộ điều phối' });
    const result = await dispatch(service, 'saveArticle', { id: article.id, baseRevision: article.revision, changes: { body: body() } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the web host, sent a request written by hand', () => {
  it('(the request is written as JSON.stringify would write it)', () => {
    for (const body of [nestedLists(5), nestedContainers('blockquote', 5)]) expect(jsonText(body)).toBe(JSON.stringify(body));
  });

  it.each(deeper)('answers invalid_input, never internal: %s', async (_, body) => {
    const article = await service.createArticle({ headline: 'Yêu cầu viết tay' });
    const text = jsonText(body());
    expect(text.length).toBeGreaterThan(20_000);
    const response = await rawRequest(host, {
      method: 'POST',
      path: '/api/saveArticle',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: `{"id":${JSON.stringify(article.id)},"baseRevision":${article.revision},"changes":{"body":${text}}}`,
    });
    expect(response.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await service.getArticle({ id: article.id })).revision).toBe(article.revision);
  });
});

describe('an article file holding a body nested too deep', () => {
  it('is read with the body flattened below the limit, its text kept, and the repair reported', async () => {
    const article = await service.createArticle({ headline: 'Tệp lồng sâu' });
    const path = join(dir, 'library', 'articles', `${article.id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...file, body: nestedLists(300) }));
    const read = await service.getArticle({ id: article.id });
    expect(bodySchema.safeParse(read.body).success).toBe(true);
    expect(bodyToPlainText(read.body).split('\n')).toEqual(Array.from({ length: 300 }, (_, i) => `mục ${i + 1}`));
    const problem = (await service.getAppInfo({})).problems.find((p) => p.file === path);
    expect(problem).toMatchObject({ kind: 'repaired', fields: ['body'] });
  });
});
