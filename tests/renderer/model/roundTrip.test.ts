// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateHTML, generateJSON, getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { blockSpecs, inlineSpecs, markSpecs, partSpecs } from '../../../shared/model/blocks';
import { bodySchema, bodyWordCount, renderBody, type BodyDoc } from '../../../shared/model/body';
import { canonicalBody } from '../../../shared/model/canonicalBody';
import { countWords } from '../../../shared/text/vietnamese';
import { articleExtensions } from '../../../renderer/editor/articleExtensions';
import { editorText } from '../../../renderer/editor/bodyText';
import { PAGE_IMAGES, type RoundTripCase } from './case';

const extensions = articleExtensions({ assetUrl: (id) => `assets/${id}` });
const schema = getSchema(extensions);
const root = process.cwd();
const modules = import.meta.glob<{ cases: RoundTripCase[] }>('./*.cases.ts', { eager: true });
const caseFiles = Object.keys(modules).map((path) => path.replace('./', '')).sort();
const suites = caseFiles.map((file) => [file.replace('.cases.ts', ''), modules[`./${file}`]!.cases] as [string, RoundTripCase[]]);

describe.each(suites)('%s: editor HTML → stored body → page HTML', (_file, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // The editor parses its HTML; the canonicaliser makes the stored body of it, changing nothing a reader would notice.
    const { body, notes } = canonicalBody(generateJSON(c.editorHtml, extensions));
    expect(notes).toEqual([]);
    expect(body.content).toEqual(c.stored);
    // The stored form is what the API accepts and keeps, unchanged, and canonical already.
    expect(bodySchema.parse(body)).toEqual(body);
    expect(canonicalBody(body)).toEqual({ body, notes: [] });
    // The page shows exactly the expected HTML.
    expect(renderBody(body, PAGE_IMAGES)).toBe(c.page);
    // The editor, given the stored body back, holds what it held.
    expect(generateHTML(body, extensions)).toBe(c.editorHtml);
    // The status bar counts the syllables the stored article counts.
    expect(countWords(editorText(PMNode.fromJSON(schema, body)))).toBe(bodyWordCount(body));
  });
});

describe('every block, part, inline node and mark, with every attribute it has, has a round trip', () => {
  const seen = new Map<string, Set<string>>();
  const visit = (node: { type: string; attrs?: Record<string, unknown>; content?: unknown[]; marks?: Array<{ type: string; attrs?: Record<string, unknown> }> }) => {
    const attrs = seen.get(node.type) ?? new Set<string>();
    for (const key of Object.keys(node.attrs ?? {})) attrs.add(key);
    seen.set(node.type, attrs);
    for (const mark of node.marks ?? []) visit(mark);
    for (const child of node.content ?? []) visit(child as typeof node);
  };
  for (const [, cases] of suites) for (const c of cases) for (const block of c.stored) visit(block as Parameters<typeof visit>[0]);

  const attrKeys = (spec: { schema: unknown }): string[] => {
    const shape = (spec.schema as z.ZodObject).shape as Record<string, z.ZodType> | undefined;
    let attrs = shape?.attrs;
    if (!attrs) return [];
    if (attrs instanceof z.ZodOptional) attrs = attrs.unwrap() as z.ZodType;
    return Object.keys((attrs as z.ZodObject).shape);
  };

  it.each([...blockSpecs, ...partSpecs, ...inlineSpecs, ...markSpecs].map((spec) => [spec.type, spec] as const))('%s', (type, spec) => {
    expect(seen.has(type), `no round trip stores a ${type}`).toBe(true);
    for (const key of attrKeys(spec)) expect(seen.get(type)!.has(key), `no round trip stores ${type}.attrs.${key}`).toBe(true);
  });
});

describe('the editor holds exactly what an article stores', () => {
  it('has a node for every block, part and inline node of the model, and no other', () => {
    const model = [...blockSpecs, ...partSpecs, ...inlineSpecs].map((spec) => spec.type as string);
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', ...model].sort());
  });

  it('has the model marks, in the model order (which nests them on the page)', () => {
    expect(Object.keys(schema.marks)).toEqual(markSpecs.map((spec) => spec.type));
  });

  it('has, for every model file, an editor twin and round trips of the same name (docs/model.md)', () => {
    const infrastructure = new Set(['spec.ts', 'index.ts', 'inline.ts', 'simpleMark.ts']);
    for (const folder of ['blocks', 'marks']) {
      for (const file of readdirSync(join(root, 'shared/model', folder)).filter((name) => !infrastructure.has(name))) {
        expect(readdirSync(join(root, 'renderer/editor/model', folder)), `renderer/editor/model/${folder}/${file}`).toContain(file);
        expect(caseFiles, `tests/renderer/model/${file.replace('.ts', '.cases.ts')}`).toContain(file.replace('.ts', '.cases.ts'));
      }
    }
  });

  it('keeps the body of a stored article as it is when the editor opens it', () => {
    const body: BodyDoc = { type: 'doc', content: suites.flatMap(([, cases]) => cases.flatMap((c) => c.stored)) };
    const reopened = canonicalBody(PMNode.fromJSON(schema, body).toJSON());
    expect(reopened).toEqual({ body, notes: [] });
  });
});
