import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJSON } from '@tiptap/core';
import { expect } from 'vitest';
import { bodySchema, bodyToPlainText, type BodyDoc } from '../../shared/model/body';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { articleExtensions } from '../../renderer/editor/articleExtensions';
import { cleanPastedHtml } from '../../renderer/editor/paste/cleanPastedHtml';
import { cleanPastedText } from '../../renderer/editor/paste/cleanText';

export const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/paste', name), 'utf8');

function stored(json: unknown): BodyDoc {
  const { body, notes } = canonicalBody(json);
  expect(bodySchema.safeParse(body).success).toBe(true);
  // What the cleanup lets through, the article holds as it is.
  expect(notes).toEqual([]);
  return body;
}

/** The whole way an HTML paste goes: cleanup → the editor's schema parser → the stored body. */
export function pasteToBody(html: string): { body: BodyDoc; converted: string | null; json: string } {
  const cleaned = cleanPastedHtml(html);
  const body = stored(generateJSON(cleaned.html, articleExtensions()));
  return { body, converted: cleaned.converted, json: JSON.stringify(body) };
}

/**
 * The whole way a plain-text paste goes: cleanup (transformPastedText), then what ProseMirror's
 * parseFromClipboard does with text (no clipboardTextParser is set): one paragraph per run of line
 * ends, `text.split(/(?:\r\n?|\n)+/)`, each holding `schema.text(block)` (nothing for an empty
 * block), then the stored body.
 */
export function plainPasteToBody(text: string): { body: BodyDoc; converted: string | null } {
  const cleaned = cleanPastedText(text);
  const content = cleaned.text.split(/(?:\r\n?|\n)+/).map((block) => ({ type: 'paragraph', ...(block ? { content: [{ type: 'text', text: block }] } : {}) }));
  return { body: stored({ type: 'doc', content }), converted: cleaned.converted };
}

/** The paragraphs' plain text in reading order (list items' paragraphs included). */
export const paragraphTexts = (body: BodyDoc) => bodyToPlainText(body).split('\n');

type Node = { type: string; text?: string; attrs?: Record<string, unknown>; content?: Node[]; marks?: Array<{ type: string }> };

const inline = (node: Node): string => (node.type === 'hardBreak' ? '⏎' : (node.text ?? '') + (node.content ?? []).map(inline).join(''));

function roman(value: number): string {
  const numerals: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [size, numeral] of numerals) for (; value >= size; value -= size) out += numeral;
  return out;
}

/** The number a reader sees in front of an item of an ordered list. */
function label(attrs: Record<string, unknown> | undefined, index: number): string {
  const n = ((attrs?.start as number | undefined) ?? 1) + index;
  switch (attrs?.type) {
    case 'a': return `${String.fromCharCode(96 + n)}.`;
    case 'A': return `${String.fromCharCode(64 + n)}.`;
    case 'i': return `${roman(n)}.`;
    case 'I': return `${roman(n).toUpperCase()}.`;
    default: return `${n}.`;
  }
}

/**
 * The body as a reader sees it, one line per paragraph: list items with their bullet (•) or number
 * as the page numbers them (start and style), nested items indented, headings marked, line breaks
 * as ⏎.
 */
export function outline(body: BodyDoc): string[] {
  const lines = (nodes: Node[], indent: string): string[] =>
    nodes.flatMap((node) => {
      if (node.type === 'bulletList' || node.type === 'orderedList') {
        return (node.content ?? []).flatMap((item, index) => {
          const [paragraph, ...lists] = item.content ?? [];
          const mark = node.type === 'bulletList' ? '•' : label(node.attrs, index);
          return [`${indent}${mark} ${inline(paragraph!)}`, ...lines(lists, `${indent}  `)];
        });
      }
      if (node.type === 'heading') return [`${indent}## ${inline(node)}`];
      return [`${indent}${inline(node)}`];
    });
  return lines(body.content as Node[], '');
}

/** The texts that are bold, in order. */
export function boldTexts(body: BodyDoc): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.text && node.marks?.some((mark) => mark.type === 'bold')) found.push(node.text);
    node.content?.forEach(visit);
  };
  visit(body as unknown as Node);
  return found;
}
