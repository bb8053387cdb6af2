import type { BodyDoc } from '../../../shared/model/body';

/**
 * One round trip of a block or mark: what the editor holds (as Tiptap serialises it), what the
 * article stores, and what the page shows. roundTrip.test.ts checks each step against these, so a
 * pass that drops a mark, a level or a start number fails.
 */
export interface RoundTripCase {
  name: string;
  /** The editor's HTML for it, in Tiptap's own serialisation. */
  editorHtml: string;
  /** The stored body's blocks. */
  stored: BodyDoc['content'];
  /** The page's HTML for the body (renderBody, images at assets/<id>). */
  page: string;
}

/** An image of the library, for figures. */
export const ASSET = `${'ab'.repeat(32)}.jpg`;

export const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
