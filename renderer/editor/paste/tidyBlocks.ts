/**
 * The blank lines and spaces a paste brings with it: Google Docs' <br> between its paragraphs
 * (and Chrome's `Apple-interchange-newline`), empty paragraphs (`<p><br></p>`, Word's
 * `<p><o:p>&nbsp;</o:p></p>`), a <br> at the start or end of a paragraph, runs of spaces. What is
 * left reads as the same paragraphs, with the same single spaces, as the same text pasted as plain
 * text. A <br> between words of a paragraph is a real line break and stays; two or more in a row
 * end a paragraph and start the next.
 */

import { collapseSpaces } from './cleanText';

const BLOCKS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH',
  'HR', 'FIGURE', 'FIGCAPTION', 'DIV', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'DL', 'DT', 'DD', 'ADDRESS',
]);
const TEXTBLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Where an empty paragraph holds a block open (a list item's first, a cell's or quote's only one), it stays. */
const HOLDERS = new Set(['TD', 'TH', 'BLOCKQUOTE', 'FIGCAPTION']);

const isBlock = (node: Node) => node.nodeType === 1 && BLOCKS.has((node as Element).tagName);
const isBreak = (node: Node): boolean => node.nodeType === 1 && (node as Element).tagName === 'BR';
const isBlank = (node: Node) => (node.nodeType === 3 && !/[^\s\u00A0]/.test((node as Text).data)) || node.nodeType === 8;
const hasContent = (element: Element) => /[^\s\u00A0]/.test(element.textContent ?? '') || !!element.querySelector('img, figure');

/**
 * Inline content standing between blocks (a <div>'s text once the div is gone) becomes a paragraph;
 * breaks and spaces that only stand between blocks go.
 */
function wrapInlineRuns(container: Element): void {
  const doc = container.ownerDocument;
  let run: Node[] = [];
  const flush = () => {
    if (run.some((node) => !isBlank(node) && !isBreak(node))) {
      const p = doc.createElement('p');
      container.insertBefore(p, run[0]!);
      p.append(...run);
    } else for (const node of run) if (isBreak(node)) container.removeChild(node);
    run = [];
  };
  for (const node of Array.from(container.childNodes)) {
    if (isBlock(node)) flush();
    else run.push(node);
  }
  flush();
}

/** Whether only blank text lies between two nodes of the same paragraph. */
function onlyBlankBetween(a: Node, b: Node): boolean {
  const range = a.ownerDocument!.createRange();
  range.setStartAfter(a);
  range.setEndBefore(b);
  return !/[^\s\u00A0]/.test(range.toString()) && !range.cloneContents().querySelector('img, figure');
}

/** A paragraph with two or more line breaks in a row is two paragraphs (marks carried over). */
function splitAtBlankLines(paragraph: Element): void {
  for (let current: Element | null = paragraph; current; ) {
    const breaks = Array.from(current.querySelectorAll('br'));
    const index = breaks.findIndex((br, i) => i + 1 < breaks.length && onlyBlankBetween(br, breaks[i + 1]!));
    if (index < 0) return;
    let last = index + 1;
    while (last + 1 < breaks.length && onlyBlankBetween(breaks[last]!, breaks[last + 1]!)) last++;
    const range = current.ownerDocument.createRange();
    range.setStartAfter(breaks[last]!);
    range.setEnd(current, current.childNodes.length);
    const rest: Element = current.ownerDocument.createElement(current.tagName);
    rest.append(range.extractContents());
    current.after(rest);
    for (const br of breaks.slice(index, last + 1)) br.remove();
    current = rest;
  }
}

/**
 * One pass over the text in reading order: runs of spaces become one, a line's leading and trailing
 * spaces go (also across marks: "a <b> b</b>"), and so do line breaks at the start or end of a block
 * and a second break in a row.
 */
function tidyLines(root: Element): void {
  let lastText: Text | null = null;
  let pendingBreak: Element | null = null;
  let blockHasContent = false;
  let spaceBefore = true;
  const endLine = () => {
    if (lastText) lastText.data = lastText.data.replace(/ +$/, '');
    lastText = null;
    spaceBefore = true;
  };
  const endBlock = () => {
    endLine();
    pendingBreak?.remove();
    pendingBreak = null;
    blockHasContent = false;
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node as Text;
      text.data = collapseSpaces(text.data);
      if (spaceBefore) text.data = text.data.replace(/^ +/, '');
      if (!text.data) return;
      pendingBreak = null;
      blockHasContent = true;
      lastText = text;
      spaceBefore = text.data.endsWith(' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (isBreak(element)) {
      if (!blockHasContent || pendingBreak) element.remove();
      else {
        endLine();
        pendingBreak = element;
      }
      return;
    }
    if (isBlock(element)) {
      endBlock();
      for (const child of Array.from(element.childNodes)) visit(child);
      endBlock();
      return;
    }
    if (element.tagName === 'IMG') {
      pendingBreak = null;
      blockHasContent = true;
      spaceBefore = false;
    }
    for (const child of Array.from(element.childNodes)) visit(child);
  };
  for (const child of Array.from(root.childNodes)) visit(child);
  endBlock();
}

/** Empty paragraphs and headings go, unless one holds a list item, a cell or a quote open. */
function removeEmptyBlocks(root: Element): void {
  for (const block of Array.from(root.querySelectorAll(Array.from(TEXTBLOCKS).join(', '))).reverse()) {
    if (hasContent(block)) continue;
    const parent = block.parentElement;
    if (parent?.tagName === 'LI' && parent.firstElementChild === block) continue;
    if (parent && HOLDERS.has(parent.tagName) && parent.children.length === 1) continue;
    block.remove();
  }
}

/** Tidies the blocks of pasted HTML (after sanitising: only article tags are left). */
export function tidyBlocks(root: Element): void {
  wrapInlineRuns(root);
  for (const quote of Array.from(root.querySelectorAll('blockquote'))) wrapInlineRuns(quote);
  for (const paragraph of Array.from(root.querySelectorAll('p'))) splitAtBlankLines(paragraph);
  tidyLines(root);
  removeEmptyBlocks(root);
}

/**
 * Before sanitising: a <div> that holds text directly (e-mail, web pages: one div per line) is a
 * paragraph, so its text does not run into the next one's when the div is unwrapped.
 */
export function divsToParagraphs(root: Element): void {
  for (const div of Array.from(root.querySelectorAll('div')).reverse()) {
    const children = Array.from(div.childNodes);
    if (!children.some((node) => !isBlank(node) && !isBreak(node))) continue;
    if (children.some(isBlock)) {
      wrapInlineRuns(div);
      continue;
    }
    const p = root.ownerDocument.createElement('p');
    p.append(...children);
    div.replaceWith(p);
  }
}
