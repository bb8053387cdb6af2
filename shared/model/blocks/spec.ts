import type { PageImages } from '../../publish/images';
import { z } from 'zod';

/**
 * What a block or mark of the article body is, in one place: its stored form (schema), how
 * whatever the editor or an import produced becomes that form (canonical), how the page renders
 * it, and its plain text (for counting and search). The body's schema, canonicaliser, page
 * renderer and word counter loop over the lists in `./index.ts`; docs/model.md has the recipe for
 * adding one.
 */

/** A node or mark as it arrives from the editor or an import: nothing about it is trusted. */
export interface Json {
  type?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

/**
 * What the canonicaliser changed that a reader would notice. Each is reported to the user; none
 * loses text.
 * - block: a block Newsdesk does not know, kept as paragraphs of its text
 * - misplaced: a known block where it may not be (a table inside a table cell), kept as paragraphs
 * - inline: an inline node Newsdesk does not know, kept as its text
 * - mark: formatting Newsdesk does not know, removed (the text stays)
 * - link: a link to a refused address (javascript:, file:…), kept as plain text
 * - attr: an attribute out of range (a heading level 1, a list starting at -4, merged table cells),
 *   brought into range; text over a field's limit is kept in a paragraph after the block
 * - image: a photo whose image is not in the library, kept as a paragraph of its caption
 */
export const noteKinds = ['block', 'misplaced', 'inline', 'mark', 'link', 'attr', 'image'] as const;
export type NoteKind = (typeof noteKinds)[number];

export interface CanonicalNote {
  kind: NoteKind;
  /** The node, mark or attribute concerned, as it arrived ("codeBlock", "orderedList.start"). */
  type: string;
}

/** Any stored node: a block, a part of one (list item, table row or cell) or an inline node. */
export interface StoredNode {
  type: string;
  [key: string]: unknown;
}

export interface CanonicalContext {
  /** A container's children, canonical, restricted to `allowed` types (others become paragraphs, reported). */
  blocks(content: unknown, allowed: readonly string[]): StoredNode[];
  /** Inline content (text with marks, line breaks), canonical. */
  inline(content: unknown): StoredNode[];
  /** A string attribute as stored: NFC, no control characters; anything else becomes ''. */
  text(value: unknown): string;
  /** Whether a photo's image is in the library (always true where the caller cannot tell). */
  hasAsset(assetId: string): boolean;
  /** A text node's marks, canonical: known ones only, each once, in the order of the mark list. */
  marks(value: unknown): StoredNode[];
  note(kind: NoteKind, type: string): void;
  /** Paragraphs holding `text`, one per line (no line gives no paragraph). */
  paragraphs(text: string): StoredNode[];
  /**
   * Paragraphs of everything a container's `content` holds, however deep, in reading order
   * (formatting of text kept), without recursion: for what is nested deeper than a body may be.
   */
  flatten(content: unknown): StoredNode[];
  /** How many of the nodes being made canonical around this point (the current one included) are of these types: how deep a list is in lists. */
  nestedIn(types: readonly string[]): number;
}

export interface RenderContext {
  blocks(nodes: readonly StoredNode[]): string;
  inline(nodes: readonly StoredNode[] | undefined): string;
  /** How the page shows a library image (derivatives in a site, embedded in a single file, the library's in the preview). */
  images: PageImages;
}

export interface TextContext {
  /** Lines of text of child blocks. */
  blocks(nodes: readonly StoredNode[]): string[];
  /** The text of inline content (a line break is "\n"). */
  inline(nodes: readonly StoredNode[] | undefined): string;
}

/** A block of the body, or a part of one (list item, table row, table cell). */
export interface BlockSpec<N extends StoredNode = StoredNode> {
  type: N['type'];
  /** The stored form. The API refuses a body that does not match. */
  schema: z.ZodType<N, unknown>;
  /** The stored form of a node of this type as the editor or an import gave it: usually one node, none when it holds nothing, more when text had to move out of it. */
  canonical(json: Json, cx: CanonicalContext): StoredNode[];
  /** Page HTML. Every text escaped. */
  render(node: N, cx: RenderContext): string;
  /** Its text, one line per paragraph-like part, as a reader reads it. */
  plainText(node: N, cx: TextContext): string[];
  /**
   * Text it holds in attributes (a caption, an attribution), kept as a paragraph after its own
   * paragraphs when the block must become paragraphs (it stands where it may not).
   */
  attrText?(node: N): string;
}

/** An inline node (text, line break). Marks are opened and closed around it by the inline renderer. */
export interface InlineSpec<N extends StoredNode = StoredNode> {
  type: N['type'];
  schema: z.ZodType<N, unknown>;
  canonical(json: Json, cx: CanonicalContext): StoredNode[];
  /** Page HTML of the node itself (its marks are not its business). */
  render(node: N): string;
  plainText(node: N): string;
}

/** A mark (formatting on a run of text). Marks are ordered: the first in the list wraps the others. */
export interface MarkSpec<M extends StoredNode = StoredNode> {
  type: M['type'];
  schema: z.ZodType<M, unknown>;
  /** The stored mark, or null when it cannot be kept (say why with cx.note). */
  canonical(json: Json, cx: Pick<CanonicalContext, 'note' | 'text'>): M | null;
  /** Page HTML around the marked text. */
  open(mark: M): string;
  close(mark: M): string;
}

/** Text over `max` characters is cut at a word boundary; the whole text is returned as overflow, for a paragraph after the block. */
export function fitText(value: string, max: number): { kept: string; overflow: string | null } {
  if (value.length <= max) return { kept: value, overflow: null };
  const cut = value.slice(0, max);
  const boundary = cut.lastIndexOf(' ');
  return { kept: (boundary > max / 2 ? cut.slice(0, boundary) : cut).trimEnd(), overflow: value };
}

/** One schema accepting any of the specs' stored forms. */
export function unionOf<S extends { schema: z.ZodType<StoredNode, unknown> }>(specs: readonly S[]): z.ZodType<z.output<S['schema']>, unknown> {
  const schemas = specs.map((spec) => spec.schema);
  return (schemas.length === 1 ? schemas[0]! : z.union(schemas as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])) as never;
}
