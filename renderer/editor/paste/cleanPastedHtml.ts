import DOMPurify from 'dompurify';
import {
  detectLegacyEncoding,
  encodingOfFont,
  hasUnicodeVietnamese,
  toUnicode,
  type LegacyEncoding,
} from '../../../shared/text/legacyEncodings';
import { cleanText } from './cleanText';

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

/** Removes Word's conditional comments (and the markers of its "downlevel-revealed" ones). */
function stripConditionalComments(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
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

/** Word: paragraphs styled as list items (MsoListParagraph, mso-list) become real, nested lists. */
function convertWordLists(root: Element): void {
  const isListParagraph = (node: Element | null): node is Element =>
    !!node && node.tagName === 'P' && (/MsoListParagraph/i.test(node.className) || /mso-list\s*:/i.test(node.getAttribute('style') ?? ''));
  // Word numbers each list (mso-list:l0, l1…); consecutive paragraphs of one list make one list.
  const listId = (node: Element) => /mso-list\s*:\s*(l\d+)/i.exec(node.getAttribute('style') ?? '')?.[1] ?? '';
  const paragraphs = Array.from(root.querySelectorAll('p')).filter(isListParagraph);
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    const run: Element[] = [];
    for (let node: Element | null = first; isListParagraph(node) && listId(node) === listId(first); node = node.nextElementSibling) {
      run.push(node);
      done.add(node);
    }
    const doc = root.ownerDocument;
    const stack: Array<{ level: number; list: Element }> = [];
    const container = doc.createElement('div');
    for (const paragraph of run) {
      const level = Number(/level(\d+)/i.exec(paragraph.getAttribute('style') ?? '')?.[1] ?? 1);
      const marker = paragraph.querySelector('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]');
      const markerText = (marker?.textContent ?? '').replace(/\s+/g, '');
      marker?.remove();
      const ordered = /^[\dA-Za-z]{1,3}[.)]$/.test(markerText);
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      if (!stack.length || stack.at(-1)!.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        const parentItem = stack.at(-1)?.list.lastElementChild;
        (parentItem ?? container).append(list);
        stack.push({ level, list });
      }
      const item = doc.createElement('li');
      const p = doc.createElement('p');
      p.append(...Array.from(paragraph.childNodes));
      item.append(p);
      stack.at(-1)!.list.append(item);
    }
    run[0]!.before(...Array.from(container.childNodes));
    for (const paragraph of run) paragraph.remove();
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
  const encoding = detectLegacyEncoding(nodes.map((n) => n.data).join(' '));
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
  const doc = new DOMParser().parseFromString(stripConditionalComments(raw), 'text/html');
  const body = doc.body;
  for (const element of Array.from(body.querySelectorAll('script, style, meta, link, title, xml, template, noscript, iframe, object, embed'))) {
    element.remove();
  }
  for (const element of Array.from(body.getElementsByTagName('*'))) {
    if (element.tagName.includes(':')) element.remove(); // <o:p>, <w:…>, <v:…>
  }
  convertWordLists(body);
  convertStyledSpans(body);
  mapHeadings(body);
  if (allowFigures) convertAssetImages(body);
  const unconvertedHtml = finish(body.innerHTML, allowFigures);
  const converted = convertLegacyText(body);
  return { html: finish(body.innerHTML, allowFigures), converted, unconvertedHtml };
}

function finish(html: string, allowFigures: boolean): string {
  const clean = new DOMParser().parseFromString(sanitize(html, allowFigures), 'text/html').body;
  for (const node of textNodes(clean)) node.data = cleanText(node.data);
  return clean.innerHTML;
}
