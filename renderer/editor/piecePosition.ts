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

/**
 * Where an offset counted in the text's NFC form (as the service counts it: everything is stored
 * in NFC) falls in the text as it is on screen, which may still hold decomposed letters (pasted
 * from a Mac, say) until it is saved and read again.
 */
export function rawOffset(raw: string, nfcOffset: number): number {
  if (raw === raw.normalize('NFC')) return Math.min(nfcOffset, raw.length);
  for (let i = 0; i <= raw.length; i++) if (raw.slice(0, i).normalize('NFC').length >= nfcOffset) return i;
  return raw.length;
}

/** The range of text at `offset` (length `length`, in NFC) in the text block at `path`, in editor positions, kept inside the block. */
export function textRangeAt(doc: PMNode, path: readonly number[], offset = 0, length = 0): { from: number; to: number } | null {
  const before = positionOfPath(doc, path);
  if (before === null) return null;
  const node = doc.nodeAt(before);
  if (!node) return null;
  const start = before + 1;
  const size = node.content.size;
  // The block's text as the checklist reads it: a line break (or any other leaf) is one character.
  const text = node.textBetween(0, size, undefined, '\n');
  const from = start + Math.min(rawOffset(text, offset), size);
  return { from, to: Math.min(start + rawOffset(text, offset + length), start + size) };
}
