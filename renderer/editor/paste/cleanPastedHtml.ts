import DOMPurify from 'dompurify';
import {
  detectLegacyEncoding,
  encodingOfFont,
  hasUnicodeVietnamese,
  toUnicode,
  type LegacyEncoding,
} from '../../../shared/text/legacyEncodings';
import { cleanText } from './cleanText';
import { divsToParagraphs, tidyBlocks } from './tidyBlocks';
import { convertWordLists, wordListDefinitions } from './wordLists';

export interface PasteCleanup {
  /** Safe HTML of article blocks, ready for the editor's schema parser. */
  html: string;
  /** The legacy encoding converted, if any (the user may undo the conversion). */
  converted: LegacyEncoding | null;
  /** The same content without the encoding conversion, for undoing it. */
  unconvertedHtml: string;
}

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'sub', 'sup', 'a', 'h2', 'h3', 'blockquote',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr',
];

const PASTE_ATTRS = ['href', 'start', 'type', 'colspan', 'rowspan', 'align'];

/**
 * Removes what Word hides from other programs (`<!--[if gte mso 9]>…<![endif]-->`: its XML, VML
 * shapes). What it shows them (`<![if !supportLists]>…<![endif]>`, in Safari
 * `<!--[if !supportLists]-->…<!--[endif]-->`) is left for the parser, which makes comments of the
 * markers: the list conversion needs to see where a list item's bullet begins and ends.
 */
function stripHiddenConditionals(html: string): string {
  return html.replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '');
}

function removeComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

const styleOf = (element: Element, property: string): string => {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(element.getAttribute('style') ?? '');
  return match ? match[1]!.trim() : '';
};

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

/** Google Docs: the docs-internal-guid wrapper goes; styled spans become real marks. */
function convertStyledSpans(root: Element): void {
  for (const wrapper of Array.from(root.querySelectorAll('b[id^="docs-internal-guid"]'))) unwrap(wrapper);
  for (const span of Array.from(root.querySelectorAll('span[style]'))) {
    const weight = styleOf(span, 'font-weight');
    if (weight === 'bold' || Number(weight) >= 600) wrapChildren(span, 'strong');
    if (styleOf(span, 'font-style') === 'italic') wrapChildren(span, 'em');
    const align = styleOf(span, 'vertical-align');
    if (align === 'super') wrapChildren(span, 'sup');
    if (align === 'sub') wrapChildren(span, 'sub');
  }
}

const LIST_STYLE_TYPES: Record<string, string> = {
  'lower-alpha': 'a', 'lower-latin': 'a', 'upper-alpha': 'A', 'upper-latin': 'A', 'lower-roman': 'i', 'upper-roman': 'I',
};

/**
 * Google Docs and web pages give a list's numbering style as CSS (on the <ol> or its items), which
 * the sanitiser drops: it becomes the list's `type`.
 */
function keepListStyleTypes(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ol:not([type])'))) {
    const item = Array.from(list.children).find((child) => child.tagName === 'LI');
    const style = styleOf(list, 'list-style-type') || (item ? styleOf(item, 'list-style-type') : '');
    const type = LIST_STYLE_TYPES[style.toLowerCase()];
    if (type) list.setAttribute('type', type);
  }
}

/** Article headings are h2 and h3: a pasted h1 becomes h2, h4–h6 become h3. */
function mapHeadings(root: Element): void {
  for (const heading of Array.from(root.querySelectorAll('h1, h4, h5, h6'))) {
    const replacement = root.ownerDocument.createElement(heading.tagName === 'H1' ? 'h2' : 'h3');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The legacy font a text node is set in, from inline styles or <font face>. */
function fontOf(node: Text): ReturnType<typeof encodingOfFont> {
  for (let element = node.parentElement; element; element = element.parentElement) {
    const family = styleOf(element, 'font-family') || element.getAttribute('face') || '';
    if (family) return encodingOfFont(family);
  }
  return null;
}

const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, td, th, div, blockquote, body';

/**
 * Converts TCVN3 / VNI text to Unicode: text set in a legacy font (named on the text itself) is
 * converted; otherwise the whole paste is converted only if the character statistics say it is
 * legacy text. Text that already has Unicode Vietnamese letters is never converted.
 */
function convertLegacyText(root: Element): LegacyEncoding | null {
  const nodes = textNodes(root);
  let converted: LegacyEncoding | null = null;
  for (const node of nodes) {
    const font = fontOf(node);
    if (!font || hasUnicodeVietnamese(node.data) || !/[\u00A0-\u00FF]/.test(node.data)) continue;
    node.data = toUnicode(node.data, font.encoding, { capitals: font.capitals });
    converted = font.encoding;
  }
  if (converted) return converted;
  // The text as a reader sees it: a word split over two spans is one word, paragraphs apart.
  let text = '';
  let previousBlock: Element | null = null;
  for (const node of nodes) {
    const block = node.parentElement?.closest(TEXT_BLOCKS) ?? null;
    text += (block === previousBlock ? '' : '\n') + node.data;
    previousBlock = block;
  }
  const encoding = detectLegacyEncoding(text);
  if (!encoding) return null;
  for (const node of nodes) if (!hasUnicodeVietnamese(node.data)) node.data = toUnicode(node.data, encoding);
  return encoding;
}

const FIGURE_TAGS = ['figure', 'img', 'figcaption', 'span'];

/** HTML the editor itself put on the clipboard (cut and paste within Newsdesk) carries this mark. */
export function isFromEditor(html: string): boolean {
  return /data-pm-slice=/.test(html);
}
const ASSET_SRC = /^asset:([a-f0-9]{64}\.(?:jpg|png|webp|gif))$/;

/**
 * Images already stored in the library (an import writes them first and refers to them as
 * "asset:<id>") become the editor's figures; any other image is dropped.
 */
function convertAssetImages(root: Element): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const assetId = ASSET_SRC.exec(img.getAttribute('src') ?? '')?.[1];
    if (!assetId) continue;
    const doc = root.ownerDocument;
    const figure = doc.createElement('figure');
    figure.setAttribute('data-asset-id', assetId);
    const image = doc.createElement('img');
    image.setAttribute('alt', img.getAttribute('alt') ?? '');
    const caption = doc.createElement('figcaption');
    caption.innerHTML = '<span class="caption"></span> <span class="credit"></span>';
    figure.append(image, caption);
    // A figure is a block: it replaces the paragraph that held only the image.
    const parent = img.parentElement;
    if (parent && parent.tagName === 'P' && parent.textContent?.trim() === '' && parent.querySelectorAll('img').length === 1) parent.replaceWith(figure);
    else img.replaceWith(figure);
  }
}

function sanitize(html: string, allowFigures: boolean): string {
  // DOMPurify hands back its input unchanged where it cannot run: never let that through.
  if (!DOMPurify.isSupported) throw new Error('The HTML sanitiser cannot run here.');
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowFigures ? [...ALLOWED_TAGS, ...FIGURE_TAGS] : ALLOWED_TAGS,
    // Kept for the canonicaliser to judge (and report): list numbering, merged and aligned cells.
    ALLOWED_ATTR: [...PASTE_ATTRS, ...(allowFigures ? ['data-asset-id', 'alt', 'class', 'data-pm-slice'] : [])],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
    // DOMPurify checks every other attribute's value against ALLOWED_URI_REGEXP, which would drop
    // start="3": these hold no address.
    ADD_URI_SAFE_ATTR: PASTE_ATTRS.filter((name) => name !== 'href'),
    KEEP_CONTENT: true,
  });
}

/**
 * Cleans HTML from the clipboard (Word, Google Docs, web pages) down to article blocks: Word's
 * conditional comments, <o:p>, mso styles and fake list paragraphs; Google Docs' wrapper and styled
 * spans; scripts, styles, event handlers and javascript: links; legacy encodings; look-alike Ð.
 */
export function cleanPastedHtml(raw: string, { allowFigures = false } = {}): PasteCleanup {
  // Moving content within the editor: keep its photos and pull quotes, still sanitised.
  if (isFromEditor(raw)) {
    const html = finish(raw, true);
    return { html, converted: null, unconvertedHtml: html };
  }
  const doc = new DOMParser().parseFromString(stripHiddenConditionals(raw), 'text/html');
  const body = doc.body;
  // Word's list definitions (numbering style, first number) are in its <style>, read before it goes.
  const listDefinitions = wordListDefinitions(Array.from(doc.querySelectorAll('style'), (style) => style.textContent ?? '').join('\n'));
  for (const element of Array.from(body.querySelectorAll('script, style, meta, link, title, xml, template, noscript, iframe, object, embed'))) {
    element.remove();
  }
  for (const element of Array.from(body.getElementsByTagName('*'))) {
    if (element.tagName.includes(':')) element.remove(); // <o:p>, <w:…>, <v:…>
  }
  convertWordLists(body, listDefinitions);
  removeComments(body);
  convertStyledSpans(body);
  keepListStyleTypes(body);
  divsToParagraphs(body);
  mapHeadings(body);
  if (allowFigures) convertAssetImages(body);
  const unconvertedHtml = finish(body.innerHTML, allowFigures, true);
  const converted = convertLegacyText(body);
  return { html: finish(body.innerHTML, allowFigures, true), converted, unconvertedHtml };
}

/** Sanitises, then fixes the text; pasted content (not the editor's own) also loses its blank lines and extra spaces. */
function finish(html: string, allowFigures: boolean, tidy = false): string {
  const clean = new DOMParser().parseFromString(sanitize(html, allowFigures), 'text/html').body;
  for (const node of textNodes(clean)) node.data = cleanText(node.data);
  if (tidy) tidyBlocks(clean);
  return clean.innerHTML;
}
