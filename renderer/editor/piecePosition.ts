import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Where a piece of the body (shared/review/bodyPieces.ts: a path of child indexes from the
 * document down) is in the editor's ProseMirror document: the position just before that node, or
 * null when the document no longer has it. The stored body and the editor's document have the
 * same tree, so the same path leads to the same node.
 */
export function positionOfPath(doc: PMNode, path: readonly number[]): number | null {
  let node = doc;
  let contentStart = 0;
  let before = 0;
  for (const index of path) {
    if (index >= node.childCount) return null;
    let offset = 0;
    for (let i = 0; i < index; i++) offset += node.child(i).nodeSize;
    before = contentStart + offset;
    node = node.child(index);
    contentStart = before + 1;
  }
  return before;
}

/** The range of text at `offset` (length `length`) in the text block at `path`, in editor positions, kept inside the block. */
export function textRangeAt(doc: PMNode, path: readonly number[], offset = 0, length = 0): { from: number; to: number } | null {
  const before = positionOfPath(doc, path);
  if (before === null) return null;
  const node = doc.nodeAt(before);
  if (!node) return null;
  const start = before + 1;
  const size = node.content.size;
  const from = start + Math.min(offset, size);
  return { from, to: Math.min(from + length, start + size) };
}
