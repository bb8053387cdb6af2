import type { Article } from './article';
import type { Block, BodyDoc, Inline } from './body';
import { cleanText } from './fields';

type FeaturedImage = NonNullable<Article['featuredImage']>;

const inlineText = (content: Inline[] | undefined) =>
  (content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('').replace(/\s+/g, ' ').trim();

const isAllBold = (block: Block) =>
  block.type === 'paragraph' &&
  (block.content ?? []).length > 0 &&
  (block.content ?? []).every((node) => node.type === 'hardBreak' || node.marks?.some((m) => m.type === 'bold') || !node.text.trim());

/** One line of text as it enters: cleaned (NFC, no control characters), spaces collapsed. */
export const cleanLine = (text: string): string => cleanText(text).replace(/\s+/g, ' ').trim();

/** "Trong ảnh" ("In the photo") opening a caption, with what follows it up to the caption proper. */
const IN_THE_PHOTO = /^trong ảnh(?![\p{L}\p{N}])[\s:,–—-]*/iu;
/** "Ảnh:" opening a credit, at the start or after a space, punctuation or an opening bracket. */
const CREDIT = /(?<=^|[\s.,;([–—-])ảnh\s*:/iu;

/**
 * Whether a line under a photo reads as its caption by the newsroom's convention: it opens with
 * "Trong ảnh" or is a credit ("Ảnh: …").
 */
export function isCaptionLine(text: string): boolean {
  const value = cleanLine(text).replace(/^[([]/, '');
  return IN_THE_PHOTO.test(value) || /^ảnh\s*:/iu.test(value);
}

/**
 * A caption line as the photo's caption and credit: the credit is the part from "Ảnh:" on
 * ("Trong ảnh: cầu Cần Thơ. Ảnh: Minh Anh" → "Trong ảnh: cầu Cần Thơ." and "Ảnh: Minh Anh"; a
 * credit in brackets loses them). A line with no credit is all caption.
 */
export function splitCaption(text: string): { caption: string; credit: string } {
  const value = cleanLine(text);
  // "Trong ảnh:" itself holds "ảnh:": look for the credit after it.
  const prefix = IN_THE_PHOTO.exec(value)?.[0] ?? '';
  const at = value.slice(prefix.length).search(CREDIT);
  if (at < 0) return { caption: value, credit: '' };
  let caption = value.slice(0, prefix.length + at).trim();
  let credit = value.slice(prefix.length + at).trim();
  const bracket = /[([]$/.exec(caption)?.[0];
  if (bracket) {
    caption = caption.slice(0, -1).trim();
    credit = credit.replace(bracket === '(' ? /\)$/ : /\]$/, '').trim();
  }
  return { caption: caption.replace(/[\s–—-]+$/, ''), credit };
}

/** An alt text for a photo that has none: its caption without "Trong ảnh:" and the closing stop. */
export function altFromCaption(caption: string): string {
  const value = cleanLine(caption).replace(IN_THE_PHOTO, '').replace(/\.$/, '').trim();
  return value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
}

/** At most this many characters make a byline ("Minh Anh - Quốc Huy", "NGUYỄN VĂN A"). */
export const BYLINE_MAX = 80;

/**
 * Whether a line reads as a byline rather than a sentence: short (at most BYLINE_MAX characters
 * and twelve words), opening with a letter, and with no sentence-ending punctuation except the stop
 * of an initial ("Nguyễn T.", "H.Vy").
 */
export function isBylineLine(text: string): boolean {
  const value = cleanLine(text);
  if (!value || value.length > BYLINE_MAX || value.split(' ').length > 12) return false;
  if (!/^[(\p{L}]/u.test(value)) return false;
  const withoutInitials = value.replace(/(?<![\p{L}\p{N}])\p{L}\./gu, '');
  return !/[.?!…;]/.test(withoutInitials);
}

const toFeatured = (block: Block): FeaturedImage | null =>
  block.type === 'figure' ? { assetId: block.attrs.assetId, caption: block.attrs.caption, credit: block.attrs.credit, alt: block.attrs.alt } : null;

function split(body: BodyDoc, fallbackHeadline: string, withFeatured: boolean) {
  const blocks = [...body.content];
  let featuredImage: FeaturedImage | null = null;
  // A photo before the body text (first, or after the headline or the sapo) is the featured photo.
  const takeFeatured = () => {
    if (!withFeatured || featuredImage || !blocks[0]) return;
    featuredImage = toFeatured(blocks[0]);
    if (featuredImage) blocks.shift();
  };
  takeFeatured();
  let headline = '';
  const first = blocks[0];
  if (first && (first.type === 'heading' || (first.type === 'paragraph' && inlineText(first.content).length <= 200))) {
    headline = inlineText(first.content);
    blocks.shift();
  }
  takeFeatured();
  let sapo = '';
  const next = blocks[0];
  if (next && next.type === 'paragraph' && isAllBold(next)) {
    sapo = inlineText(next.content);
    blocks.shift();
  }
  takeFeatured();
  return { headline: headline || fallbackHeadline, sapo, featuredImage: featuredImage as FeaturedImage | null, body: { type: 'doc' as const, content: blocks } };
}

/**
 * An imported document's first blocks as the article's fields: the headline from the first
 * heading (or, failing that, a short first paragraph), the sapo from a leading paragraph that is
 * bold throughout. What is taken out of the body is not repeated in it.
 */
export function splitHeadlineAndSapo(body: BodyDoc, fallbackHeadline = ''): { headline: string; sapo: string; body: BodyDoc } {
  const { headline, sapo, body: rest } = split(body, fallbackHeadline, false);
  return { headline, sapo, body: rest };
}

/**
 * As splitHeadlineAndSapo, and the newsroom's featured photo: a photo that comes before the body
 * text (first in the document, or right after the headline or the sapo) is the article's featured
 * photo, with its caption, credit and alt text, and leaves the body. Later photos stay in the body.
 */
export function splitImportedArticle(body: BodyDoc, fallbackHeadline = ''): { headline: string; sapo: string; featuredImage: FeaturedImage | null; body: BodyDoc } {
  return split(body, fallbackHeadline, true);
}
