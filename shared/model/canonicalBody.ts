import { blockSpecs, markSpecs, partSpecs } from './blocks';
import { MAX_CHILDREN } from './blocks/inline';
import { paragraphOf, type Paragraph } from './blocks/paragraph';
import type { CanonicalContext, CanonicalNote, Json, NoteKind, StoredNode } from './blocks/spec';
import { MAX_TEXT_NODE, type TextNode } from './blocks/text';
import { blocksToLines, inlineSpec, markSpec, nodeSpec, type BodyDoc } from './body';
import { cleanText } from './fields';
import type { Mark } from './marks';
import { SUGGESTION_MARKS } from './marks/suggestion';

/**
 * Turns whatever the editor (or an import, or an old file) produced into the stored article
 * body: only the blocks and marks of ./blocks and ./marks, only their own attributes, text in
 * NFC. Nothing a reader could read is dropped, and nothing is changed silently: every change a
 * reader would notice is returned as a note for the user (an unknown block kept as paragraphs of
 * its text, a refused link kept as plain text, a list start out of range…).
 */

export interface CanonicalOptions {
  /** Whether an image is in the library; photos of images that are not become paragraphs. */
  hasAsset?: (assetId: string) => boolean;
}

export interface CanonicalResult {
  body: BodyDoc;
  notes: CanonicalNote[];
}

const TOP_LEVEL = blockSpecs.map((spec) => spec.type as string);

const asNodes = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Json[]) : []);
const typeOf = (node: Json): string => (typeof node.type === 'string' ? node.type : '');

/** Attributes that hold what a reader reads of a node that has no text of its own (a mention's label, an image's alt). */
const TEXT_ATTRS = ['text', 'label', 'caption', 'alt', 'title', 'name'];

/**
 * Containers inside containers (blocks() within blocks()) at most this deep; what is deeper is
 * flattened to paragraphs of its text, so that no input, however deep, overflows the stack.
 * (Lists have their own, lower limit: MAX_LIST_DEPTH in ./blocks/lists.ts.)
 */
export const MAX_NESTING = 64;

/** Whether a node (as it arrived) is inline content: text or an inline node, not a block. */
const isInlineJson = (node: Json) => !nodeSpec(typeOf(node)) && (typeof node.text === 'string' || Boolean(inlineSpec(typeOf(node))));

/** A node's own text when it has no children: its text, or the attribute that holds what a reader reads. */
function ownText(node: Json): string | null {
  if (typeof node.text === 'string') return node.text;
  if (asNodes(node.content).length) return null;
  const key = TEXT_ATTRS.find((name) => typeof node.attrs?.[name] === 'string' && (node.attrs[name] as string).trim());
  return key ? (node.attrs![key] as string) : '';
}

/** The text of a node nobody knows: its own text, or its children's, a line per block-like child (found without recursion, at any depth). */
function jsonText(root: Json): string {
  interface Frame {
    children: Json[];
    separator: string;
    parts: string[];
  }
  const frameOf = (node: Json): Frame => {
    const children = asNodes(node.content);
    const inlineOnly = children.every((child) => typeof child.text === 'string' || inlineSpec(typeOf(child)));
    return { children, separator: inlineOnly ? '' : '\n', parts: [] };
  };
  const own = ownText(root);
  if (own !== null) return own;
  const frames = [frameOf(root)];
  for (;;) {
    const frame = frames.at(-1)!;
    if (frame.parts.length === frame.children.length) {
      const text = frame.parts.join(frame.separator);
      frames.pop();
      if (!frames.length) return text;
      frames.at(-1)!.parts.push(text);
      continue;
    }
    const child = frame.children[frame.parts.length]!;
    const text = ownText(child);
    if (text !== null) frame.parts.push(text);
    else frames.push(frameOf(child));
  }
}

const sameMarks = (a: TextNode, b: TextNode) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

class Canonicaliser implements CanonicalContext {
  readonly notes: CanonicalNote[] = [];
  /** The types of the nodes being made canonical, outermost first (see nestedIn). */
  private readonly open: string[] = [];
  /** How many blocks() calls are under way (see MAX_NESTING). */
  private depth = 0;

  constructor(private readonly assetCheck: (assetId: string) => boolean) {}

  text(value: unknown): string {
    return typeof value === 'string' ? cleanText(value) : '';
  }

  hasAsset(assetId: string): boolean {
    return this.assetCheck(assetId);
  }

  note(kind: NoteKind, type: string): void {
    this.notes.push({ kind, type });
  }

  paragraphs(text: string): StoredNode[] {
    return text
      .split(/\r\n|\r|\n/)
      .map((line) => cleanText(line).trim())
      .filter(Boolean)
      .map((line) => paragraphOf(this.inline([{ type: 'text', text: line }]) as Paragraph['content'] & object));
  }

  marks(value: unknown): StoredNode[] {
    // Each mark once, except suggested modifications: two people may suggest two changes of one block (a list's start and its numbering).
    const found = new Map<string, Mark[]>();
    for (const json of asNodes(value)) {
      const type = typeOf(json);
      const spec = markSpec(type);
      if (!spec) {
        this.note('mark', type || '?');
        continue;
      }
      const seen = found.get(type) ?? [];
      if (seen.length && type !== 'modification') continue;
      const mark = spec.canonical(json, this) as Mark | null;
      if (mark && !seen.some((other) => JSON.stringify(other) === JSON.stringify(mark))) found.set(type, [...seen, mark]);
    }
    return markSpecs.flatMap((spec) => found.get(spec.type) ?? []);
  }

  /** A block's marks: suggested edits only (a block has no formatting of its own). */
  blockMarks(value: unknown): StoredNode[] {
    const marks = this.marks(value);
    return marks.filter((mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type));
  }

  inline(content: unknown): StoredNode[] {
    const out: StoredNode[] = [];
    for (const json of asNodes(content)) {
      const type = typeOf(json);
      const spec = inlineSpec(type);
      if (spec) {
        out.push(...spec.canonical(json, this));
        continue;
      }
      // A node Newsdesk does not know, or a block where only text may be: its text stays.
      this.note(nodeSpec(type) ? 'misplaced' : 'inline', type || '?');
      out.push(...this.inline([{ type: 'text', text: jsonText(json).replace(/\s*\n\s*/g, ' ') }]));
    }
    return mergeRuns(out);
  }

  nestedIn(types: readonly string[]): number {
    return this.open.filter((type) => types.includes(type)).length;
  }

  flatten(content: unknown): StoredNode[] {
    const out: StoredNode[] = [];
    // Siblings being read, outermost first, each with the text its container holds in attributes (said after it).
    const frames: Array<{ nodes: Json[]; next: number; after: string }> = [{ nodes: asNodes(content), next: 0, after: '' }];
    let loose: Json[] = [];
    const flushLoose = () => {
      if (loose.length) out.push(paragraphOf(this.inline(loose) as Paragraph['content'] & object));
      loose = [];
    };
    while (frames.length) {
      const frame = frames.at(-1)!;
      const node = frame.nodes[frame.next++];
      if (!node) {
        flushLoose();
        frames.pop();
        out.push(...this.paragraphs(frame.after));
        continue;
      }
      if (isInlineJson(node)) {
        loose.push(node);
        continue;
      }
      flushLoose();
      const children = asNodes(node.content);
      const attrText = node.attrs !== null && typeof node.attrs === 'object' ? nodeSpec(typeOf(node))?.attrText?.(node as StoredNode) : undefined;
      const after = typeof attrText === 'string' ? attrText : '';
      if (children.some((child) => !isInlineJson(child))) frames.push({ nodes: children, next: 0, after });
      else if (children.length) out.push(paragraphOf(this.inline(children) as Paragraph['content'] & object), ...this.paragraphs(after));
      else out.push(...this.paragraphs(jsonText(node)));
    }
    return out;
  }

  blocks(content: unknown, allowed: readonly string[]): StoredNode[] {
    if (this.depth >= MAX_NESTING) {
      // Nested deeper than a body may be: what it holds becomes paragraphs (reported), its text kept.
      for (const json of asNodes(content)) if (!isInlineJson(json)) this.note('misplaced', typeOf(json) || '?');
      return this.flatten(content).flatMap((node) => this.restrict(node, allowed));
    }
    this.depth++;
    try {
      return this.blocksWithin(content, allowed);
    } finally {
      this.depth--;
    }
  }

  private blocksWithin(content: unknown, allowed: readonly string[]): StoredNode[] {
    const out: StoredNode[] = [];
    let loose: Json[] = [];
    const flushLoose = () => {
      // Text straight inside a container (no paragraph around it) is a paragraph.
      if (loose.length) out.push(...this.restrict(paragraphOf(this.inline(loose) as Paragraph['content'] & object), allowed));
      loose = [];
    };
    for (const json of asNodes(content)) {
      const type = typeOf(json);
      const spec = nodeSpec(type);
      if (!spec && (inlineSpec(type) || typeof json.text === 'string')) {
        loose.push(json);
        continue;
      }
      flushLoose();
      if (spec) {
        if (!allowed.includes(type)) this.note('misplaced', type);
        this.open.push(type);
        let nodes: StoredNode[];
        try {
          nodes = spec.canonical(json, this);
        } finally {
          this.open.pop();
        }
        const marks = this.blockMarks(json.marks);
        // A block's suggested-edit marks stay on it (they cannot follow it when it had to be split).
        if (marks.length && nodes.length === 1 && nodes[0]!.type === type) nodes[0] = { ...nodes[0]!, marks };
        for (const node of nodes) out.push(...this.restrict(node, allowed));
      } else {
        this.note('block', type || '?');
        const children = asNodes(json.content);
        const holdsBlocks = children.some((child) => nodeSpec(typeOf(child)) || Array.isArray(child.content));
        if (holdsBlocks) out.push(...this.blocks(children, allowed));
        else out.push(...this.paragraphs(jsonText(json)).flatMap((node) => this.restrict(node, allowed)));
      }
    }
    flushLoose();
    return out;
  }

  /** A node where only `allowed` may stand: itself, or paragraphs of what it holds (every container holds paragraphs). */
  private restrict(node: StoredNode, allowed: readonly string[]): StoredNode[] {
    if (allowed.includes(node.type)) return [node];
    return this.asParagraphs(node);
  }

  asParagraphs(node: StoredNode): StoredNode[] {
    if (node.type === 'paragraph') return [node];
    const content = (node as { content?: StoredNode[] }).content;
    const attrText = this.paragraphs(nodeSpec(node.type)?.attrText?.(node) ?? '');
    if (Array.isArray(content) && content.every((child) => inlineSpec(child.type))) return [paragraphOf(content as Paragraph['content'] & object), ...attrText];
    if (Array.isArray(content)) return [...content.flatMap((child) => this.asParagraphs(child)), ...attrText];
    return attrText.length ? attrText : this.paragraphs(blocksToLines([node]).join('\n'));
  }

  /** A top-level block that still fails its schema (a table over the size limit…) becomes paragraphs of its text. */
  validated(block: StoredNode): StoredNode[] {
    const spec = nodeSpec(block.type)!;
    if (spec.schema.safeParse(block).success) return [block];
    this.note('attr', block.type);
    return this.asParagraphs(block).flatMap((paragraph) => splitParagraph(paragraph as Paragraph));
  }
}

/** Neighbouring runs with the same marks are one run (as the editor keeps them), within the size limit. */
function mergeRuns(nodes: StoredNode[]): StoredNode[] {
  const out: StoredNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1) as TextNode | undefined;
    const text = node as TextNode;
    if (last?.type === 'text' && text.type === 'text' && sameMarks(last, text) && last.text.length + text.text.length <= MAX_TEXT_NODE) {
      out[out.length - 1] = { ...last, text: last.text + text.text };
    } else out.push(node);
  }
  return out;
}

/** A paragraph with more runs than one may hold, as several. */
function splitParagraph(paragraph: Paragraph): Paragraph[] {
  const content = paragraph.content ?? [];
  if (content.length <= MAX_CHILDREN) return [paragraph];
  const out: Paragraph[] = [];
  for (let i = 0; i < content.length; i += MAX_CHILDREN) out.push(paragraphOf(content.slice(i, i + MAX_CHILDREN)));
  return out;
}

export function canonicalBody(json: unknown, options: CanonicalOptions = {}): CanonicalResult {
  const cx = new Canonicaliser(options.hasAsset ?? (() => true));
  const doc = (json !== null && typeof json === 'object' ? json : {}) as Json;
  const content = cx.blocks(doc.content, TOP_LEVEL).flatMap((block) => cx.validated(block));
  // Empty paragraphs at the end (the editor keeps one after a list or table to type into) are not content.
  while (content.length > 0 && content.at(-1)!.type === 'paragraph' && !(content.at(-1) as Paragraph).content && !(content.at(-1) as Paragraph).marks) content.pop();
  return { body: { type: 'doc', content: content as BodyDoc['content'] }, notes: cx.notes };
}

const ALL_NODES = [...TOP_LEVEL, ...partSpecs.map((spec) => spec.type as string)];

/**
 * A piece of a body (what is pasted: it may start inside a list or a table), canonical, with the
 * notes. Parts of blocks (list items, rows, cells) may stand at its top.
 */
export function canonicalFragment(content: unknown, options: CanonicalOptions = {}): { content: StoredNode[]; notes: CanonicalNote[] } {
  const cx = new Canonicaliser(options.hasAsset ?? (() => true));
  return { content: cx.blocks(content, ALL_NODES), notes: cx.notes };
}

/** The notes counted by kind, for one message per kind ("2 khối không hỗ trợ…"). */
export function countNotes(notes: readonly CanonicalNote[]): Array<{ kind: NoteKind; count: number }> {
  const counts = new Map<NoteKind, number>();
  for (const note of notes) counts.set(note.kind, (counts.get(note.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}
