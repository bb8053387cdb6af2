import type { BodyDoc } from '../../../shared/model/body';
import { responsiveImages } from '../../../shared/publish/images';

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
  /** The page's HTML for the body (renderBody with PAGE_IMAGES). */
  page: string;
}

/** An image of the library, for figures. */
export const ASSET = `${'ab'.repeat(32)}.jpg`;

/** The page's images as a site shows them: every image a 1600×1200 photo, its derivatives in assets/. */
export const PAGE_IMAGES = responsiveImages(() => ({ width: 1600, height: 1200, fallback: 'jpg' }), (name) => `assets/${name}`);

export const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
