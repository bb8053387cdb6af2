import type { StoredNode } from '../model/blocks/spec';
import type { BodyDoc, Mark } from '../model/body';

/**
 * The body as a reviewer reads it: every run of text (a paragraph, a heading, a paragraph in a
 * quote, a list item or a table cell), every photo and every rule, in reading order, each with
 * its path (the child indexes from the document down to it, the same in the stored JSON and in
 * the editor's ProseMirror document). The checklist and the diff both read the body through this.
 */

/** A block that holds the piece (a list, a list item, a quote…), outermost first. */
export interface PieceContext {
  type: string;
  attrs?: Record<string, unknown>;
}

/** Marks over a stretch of a text piece ([from, to) in its text). */
export interface TextRun {
  from: number;
  to: number;
  marks: readonly Mark[];
}

export type BodyPiece =
  | {
      kind: 'text';
      path: number[];
      /** The text block's own type (paragraph, heading) and attributes (a heading's level). */
      type: string;
      attrs?: Record<string, unknown>;
      context: PieceContext[];
      /** Its text; a line break counts as one character, '\n' (as it does in the editor's positions). */
      text: string;
      runs: TextRun[];
    }
  | { kind: 'figure'; path: number[]; context: PieceContext[]; assetId: string; alt: string; caption: string; credit: string }
  | { kind: 'rule'; path: number[]; context: PieceContext[] };

const isInline = (node: StoredNode) => node.type === 'text' || node.type === 'hardBreak';

export function bodyPieces(doc: BodyDoc): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  const visit = (nodes: readonly StoredNode[], path: number[], context: PieceContext[]) => {
    nodes.forEach((node, index) => {
      const at = [...path, index];
      const attrs = (node as { attrs?: Record<string, unknown> }).attrs;
      const content = (node as { content?: StoredNode[] }).content;
      if (node.type === 'figure') {
        const a = attrs as { assetId: string; alt: string; caption: string; credit: string };
        pieces.push({ kind: 'figure', path: at, context, assetId: a.assetId, alt: a.alt, caption: a.caption, credit: a.credit });
      } else if (node.type === 'horizontalRule') {
        pieces.push({ kind: 'rule', path: at, context });
      } else if (node.type === 'paragraph' || node.type === 'heading' || (content && content.length > 0 && content.every(isInline))) {
        let text = '';
        const runs: TextRun[] = [];
        for (const inline of content ?? []) {
          const value = inline.type === 'text' ? (inline as unknown as { text: string }).text : '\n';
          runs.push({ from: text.length, to: text.length + value.length, marks: (inline as { marks?: Mark[] }).marks ?? [] });
          text += value;
        }
        pieces.push({ kind: 'text', path: at, type: node.type, ...(attrs ? { attrs } : {}), context, text, runs });
      } else if (content) {
        visit(content, at, [...context, attrs ? { type: node.type, attrs } : { type: node.type }]);
      }
    });
  };
  visit(doc.content, [], []);
  return pieces;
}
