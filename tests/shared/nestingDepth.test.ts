import { describe, expect, it } from 'vitest';
import { bodySchema, bodyToPlainText, type BodyDoc } from '../../shared/model/body';
import { MAX_LIST_DEPTH } from '../../shared/model/blocks/lists';
import { canonicalBody, canonicalFragment } from '../../shared/model/canonicalBody';

/**
 * Issue 12, item 5: a body nested a few hundred levels deep (lists in list items in lists, or
 * anything the canonicaliser meets nested: quotes, tables, cells, blocks it does not know, inline
 * nodes it does not know) must never overflow the stack. The schema refuses lists nested deeper
 * than MAX_LIST_DEPTH, without recursing into them; the canonicaliser flattens what is deeper than
 * its limits, keeping every text in reading order.
 */

type J = Record<string, unknown>;
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Lists `depth` deep, each item's text before the list it holds: item 1, item 2, … in reading order. */
function nestedLists(depth: number, type: (level: number) => string = () => 'bulletList'): J {
  let list: J | null = null;
  for (let level = depth; level >= 1; level--) {
    list = { type: type(level), content: [{ type: 'listItem', content: [para(`mục ${level}`), ...(list ? [list] : [])] }] };
  }
  return doc(list);
}
const listTexts = (depth: number) => Array.from({ length: depth }, (_, i) => `mục ${i + 1}`);

/** Containers of a type `depth` deep, each holding the one inside, then a paragraph of its own: "sâu", then "lớp d-1" … "lớp 0". */
function nestedContainers(type: string, depth: number): J {
  let node: J = para('sâu');
  for (let level = 0; level < depth; level++) node = { type, content: [node, para(`lớp ${level}`)] };
  return doc(node);
}
const containerTexts = (depth: number) => ['sâu', ...Array.from({ length: depth }, (_, i) => `lớp ${i}`)];

/** How deep the lists of a stored body go. */
function listDepth(body: BodyDoc): number {
  let deepest = 0;
  const stack: Array<{ node: J; depth: number }> = body.content.map((node) => ({ node: node as J, depth: 0 }));
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const here = node.type === 'bulletList' || node.type === 'orderedList' ? depth + 1 : depth;
    deepest = Math.max(deepest, here);
    if (Array.isArray(node.content)) for (const child of node.content as J[]) stack.push({ node: child, depth: here });
  }
  return deepest;
}

const lines = (body: BodyDoc) => bodyToPlainText(body).split('\n').filter(Boolean);
const alternating = (level: number) => (level % 2 ? 'bulletList' : 'orderedList');

describe('the body schema', () => {
  it(`accepts lists nested ${MAX_LIST_DEPTH} deep`, () => {
    expect(bodySchema.safeParse(nestedLists(MAX_LIST_DEPTH)).success).toBe(true);
    expect(bodySchema.safeParse(nestedLists(MAX_LIST_DEPTH, alternating)).success).toBe(true);
  });

  it.each([MAX_LIST_DEPTH + 1, 300, 1000, 20_000])('refuses lists nested %i deep, without overflowing', (depth) => {
    for (const type of [() => 'bulletList', () => 'orderedList', alternating]) {
      const parsed = bodySchema.safeParse(nestedLists(depth, type));
      expect(parsed.success).toBe(false);
    }
  });

  it.each([
    ['list items straight in list items', 'listItem'],
    ['quotes in quotes', 'blockquote'],
    ['tables in tables', 'table'],
    ['cells in cells', 'tableCell'],
    ['blocks nobody knows', 'div'],
  ])('refuses %s nested thousands deep, without overflowing', (_, type) => {
    for (const depth of [300, 20_000]) expect(bodySchema.safeParse(nestedContainers(type, depth)).success).toBe(false);
  });

  it('refuses a body that holds itself (structured clone keeps cycles), without overflowing', () => {
    const list: J = { type: 'bulletList', content: [] };
    (list.content as unknown[]).push({ type: 'listItem', content: [para('vòng'), list] });
    expect(bodySchema.safeParse(doc(list)).success).toBe(false);
  });
});

describe('the canonicaliser', () => {
  it(`keeps lists nested ${MAX_LIST_DEPTH} deep as they are`, () => {
    const input = nestedLists(MAX_LIST_DEPTH, alternating);
    const { body, notes } = canonicalBody(input);
    expect(notes).toEqual([]);
    expect(body).toEqual(input);
  });

  it.each([MAX_LIST_DEPTH + 1, 300, 1000])('flattens lists nested %i deep below the limit, keeping every item’s text in order', (depth) => {
    for (const type of [() => 'bulletList', alternating]) {
      const { body, notes } = canonicalBody(nestedLists(depth, type));
      expect(bodySchema.safeParse(body).success).toBe(true);
      // The items deeper than the limit are lines of the deepest item the limit allows.
      expect(listDepth(body)).toBe(MAX_LIST_DEPTH);
      expect(lines(body)).toEqual(listTexts(depth));
      expect(notes.some((note) => note.kind === 'misplaced')).toBe(true);
      // Canonical: a second pass changes nothing.
      expect(canonicalBody(body)).toEqual({ body, notes: [] });
    }
  });

  it('flattens lists nested 20,000 deep without overflowing, keeping every item’s text in order', () => {
    // (So many lines are more than one item may hold: the list becomes paragraphs.)
    const { body } = canonicalBody(nestedLists(20_000, alternating));
    expect(bodySchema.safeParse(body).success).toBe(true);
    expect(listDepth(body)).toBeLessThanOrEqual(MAX_LIST_DEPTH);
    expect(lines(body)).toEqual(listTexts(20_000));
  });

  it.each([
    ['quotes in quotes', 'blockquote'],
    ['pull quotes in pull quotes', 'pullQuote'],
    ['tables in tables', 'table'],
    ['rows in rows', 'tableRow'],
    ['cells in cells', 'tableCell'],
    ['list items in list items', 'listItem'],
    ['blocks nobody knows', 'div'],
  ])('flattens %s nested hundreds and thousands deep, keeping every text in order', (_, type) => {
    for (const depth of [300, 3000]) {
      const { body } = canonicalBody(nestedContainers(type, depth));
      expect(bodySchema.safeParse(body).success, `${type} ${depth}`).toBe(true);
      expect(lines(body), `${type} ${depth}`).toEqual(containerTexts(depth));
    }
  });

  it('keeps the text of inline nodes nobody knows nested thousands deep', () => {
    let inline: J = { type: 'text', text: 'tận cùng' };
    for (let level = 0; level < 20_000; level++) inline = { type: 'mention', content: [inline] };
    const { body } = canonicalBody(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Trước ' }, inline] }));
    expect(lines(body)).toEqual(['Trước tận cùng']);
  });

  it('keeps the text of a block nobody knows whose text lies thousands deep', () => {
    let node: J = { type: 'text', text: 'đáy' };
    for (let level = 0; level < 20_000; level++) node = { type: 'span', content: [node] };
    const { body } = canonicalBody(doc({ type: 'aside', content: [node] }));
    expect(lines(body)).toEqual(['đáy']);
  });

  it('flattens a pasted fragment nested thousands deep too', () => {
    const { content } = canonicalFragment(nestedLists(5000).content);
    expect(bodyToPlainText({ type: 'doc', content } as BodyDoc).split('\n')).toEqual(listTexts(5000));
  });
});
