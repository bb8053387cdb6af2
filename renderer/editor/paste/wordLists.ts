/**
 * Word's lists as Word puts them on the clipboard: not <ul>/<ol> but paragraphs whose style says
 * `mso-list:l0 level2 lfo1`, with the bullet or number written out in front of the text for
 * programs that cannot show lists. Depending on the version (Windows 2010–365, Mac) and the browser
 * the marker is:
 * - between `<![if !supportLists]>` and `<![endif]>` (Safari: `<!--[if !supportLists]-->` …
 *   `<!--[endif]-->`), with or without a `mso-list:Ignore` span around it;
 * - in a `mso-list:Ignore` span without the conditional;
 * - plain text (or a Symbol/Wingdings character) followed by no-break spaces.
 * The marker goes in every case; what it said (bullet, 1 2 3, a b c, i ii iii, the first number)
 * becomes the list's kind, `type` and `start`. Text that is not in a Word list paragraph is
 * never touched, even if it starts with "1.".
 */

type Numbering = 'a' | 'A' | 'i' | 'I';

/** A level of a Word list as the <style> defines it: `@list l0:level2 {mso-level-number-format:alpha-lower}`. */
interface LevelDefinition {
  format: string;
  start?: number;
}

const MSO_LIST = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;
const IGNORE = /mso-list\s*:\s*ignore/i;
const SYMBOL_FONT = /symbol|wingdings|webdings/i;

/** The list definitions in Word's stylesheet, by "l0:2". */
export function wordListDefinitions(css: string): Map<string, LevelDefinition> {
  const definitions = new Map<string, LevelDefinition>();
  for (const match of css.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
    const body = match[3]!;
    const format = /mso-level-number-format\s*:\s*([\w-]+)/i.exec(body)?.[1]?.toLowerCase() ?? 'decimal';
    const start = /mso-level-start-at\s*:\s*(\d+)/i.exec(body)?.[1];
    definitions.set(`${match[1]!.toLowerCase()}:${match[2]}`, { format, ...(start ? { start: Number(start) } : {}) });
  }
  return definitions;
}

const styleOf = (element: Element) => element.getAttribute('style') ?? '';

const isConditionalStart = (node: Node) => node.nodeType === 8 && /^\s*\[if\s+!supportLists\s*\]\s*$/i.test((node as Comment).data);
const isIf = (node: Node) => node.nodeType === 8 && /^\s*\[if\b/i.test((node as Comment).data);
const isEndif = (node: Node) => node.nodeType === 8 && /^\s*\[endif\]\s*$/i.test((node as Comment).data);

function commentsIn(root: Element): Comment[] {
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Comment[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node as Comment);
  return comments;
}

const squeeze = (text: string) => text.replace(/[\s\u00A0]+/g, ' ').trim();

/** The content between `[if !supportLists]` and its `[endif]` (nested conditionals counted), removed. */
function takeConditionalMarker(block: Element): string | null {
  const comments = commentsIn(block);
  const startIndex = comments.findIndex(isConditionalStart);
  if (startIndex < 0) return null;
  const start = comments[startIndex]!;
  let depth = 0;
  for (const comment of comments.slice(startIndex + 1)) {
    if (isIf(comment)) depth++;
    else if (isEndif(comment) && depth-- === 0) {
      const range = block.ownerDocument.createRange();
      range.setStartAfter(start);
      range.setEndBefore(comment);
      const marker = squeeze(range.toString());
      range.deleteContents();
      start.remove();
      comment.remove();
      return marker;
    }
  }
  start.remove();
  return null;
}

/** A `mso-list:Ignore` span (the marker without the conditional), removed. */
function takeIgnoredMarker(block: Element): string | null {
  const span = Array.from(block.querySelectorAll('[style]')).find((element) => IGNORE.test(styleOf(element)));
  if (!span) return null;
  const marker = squeeze(span.textContent ?? '');
  span.remove();
  return marker;
}

/** Bullets Word writes as text: symbols, dashes, Symbol/Wingdings characters (private use area too). */
const BULLET = /^(?:[-–—•·◦‣⁃∙▪▫■□●○◆◇◊❖➢➣➤►▸▶✓✔✗✘*+>§¨Øüo]|[\uF000-\uF0FF])$/u;
/** Numbers and letters: 1. 1) (1) 1.2. a. a) (a) A. i. ii) IV. */
const NUMBER = /^[([]?(?:\d{1,5}(?:\.\d{1,5})*|[a-zA-Z]{1,2}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})[.):\]]\.?$/;

const isMarker = (token: string) => BULLET.test(token) || NUMBER.test(token);

function firstText(block: Element): Text | null {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/[^\s\u00A0]/.test((node as Text).data)) return node as Text;
  return null;
}

function fontIsSymbol(node: Node, block: Element): boolean {
  for (let element = node.parentElement; element && element !== block.parentElement; element = element.parentElement) {
    const family = /font-family\s*:\s*([^;]+)/i.exec(styleOf(element))?.[1] ?? element.getAttribute('face') ?? '';
    if (family) return SYMBOL_FONT.test(family);
  }
  return false;
}

/** Removes the first `count` characters of the block's text, across elements. */
function removeLeadingText(block: Element, count: number): void {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  let left = count;
  for (let node = walker.nextNode() as Text | null; node && left > 0; node = walker.nextNode() as Text | null) {
    const take = Math.min(left, node.data.length);
    node.data = node.data.slice(take);
    left -= take;
  }
}

/**
 * The marker written as text at the start of a list paragraph: a bullet or number followed by
 * spaces (no-break spaces, a tab), or whatever stands in a Symbol/Wingdings font there. Its length
 * is the marker's with the spaces after it.
 */
function textMarker(block: Element): { token: string; length: number } | null {
  const first = firstText(block);
  if (!first) return null;
  const match = /^[\s\u00A0]*(\S+?)[\s\u00A0]+(?=\S)/u.exec(block.textContent ?? '');
  if (!match) return null;
  const token = match[1]!;
  const symbol = token.length <= 2 && fontIsSymbol(first, block) && first.data.replace(/[\s\u00A0]+/g, '') === token;
  return symbol || isMarker(token) ? { token, length: match[0].length } : null;
}

function takeTextMarker(block: Element): string | null {
  const marker = textMarker(block);
  if (!marker) return null;
  removeLeadingText(block, marker.length);
  return marker.token;
}

/** Points from a CSS length ("36.0pt", ".5in", "1.27cm"). */
function points(length: string): number {
  const match = /^(-?[\d.]+)(pt|in|cm|mm|px)?$/i.exec(length.trim());
  if (!match) return 0;
  const factor = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75 }[(match[2] ?? 'pt').toLowerCase() as 'pt'] ?? 1;
  return Number(match[1]) * factor;
}

/**
 * Where a paragraph stands in Word's lists. Word says `mso-list:l0 level1 lfo1` in its style (not
 * `mso-list:none`). Without it, a paragraph is still a list item if it has Word's marker (in the
 * conditional or an Ignore span: numbering from a style such as List Bullet), or if it is styled as
 * a list paragraph and starts with a bullet or number ("filtered" HTML, which keeps neither):
 * level 1, or deeper by Word's 36pt steps of indent.
 */
function listPosition(element: Element): { id: string; level: number } | null {
  const match = MSO_LIST.exec(styleOf(element));
  if (match) return { id: `${match[1]!.toLowerCase()} ${match[3]?.toLowerCase() ?? ''}`, level: Number(match[2]) };
  const marked = commentsIn(element).some(isConditionalStart) || Array.from(element.querySelectorAll('[style]')).some((e) => IGNORE.test(styleOf(e)));
  if (!marked && !(/\bMsoList(?:Paragraph|Bullet|Number)/.test(element.className) && textMarker(element))) return null;
  const indent = points(/(?:^|;)\s*margin-left\s*:\s*([^;]+)/i.exec(styleOf(element))?.[1] ?? '');
  return { id: `class ${element.className.replace(/CxSp\w+$/, '')}`, level: Math.max(1, Math.round(indent / 36)) };
}

/** Takes the marker out of a Word list paragraph (or heading), whichever way Word wrote it. */
function takeWordListMarker(block: Element, listParagraph: boolean): string | null {
  const conditional = takeConditionalMarker(block);
  if (conditional !== null) {
    // Word 365 also wraps it in a mso-list:Ignore span; an empty one may be left.
    for (const span of Array.from(block.querySelectorAll('[style]'))) if (IGNORE.test(styleOf(span)) && !span.textContent?.trim()) span.remove();
    return conditional;
  }
  return takeIgnoredMarker(block) ?? (listParagraph ? takeTextMarker(block) : null);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(numeral: string): number | null {
  const lower = numeral.toLowerCase();
  if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(lower) || !lower) return null;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN[lower[i]!]!;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** "1.", "(a)", "iv)" → "1", "a", "iv"; "1.2." → "2". */
const coreOf = (marker: string) => {
  const core = marker.replace(/^[([]|[.):\]]+$/g, '');
  return /^\d+(?:\.\d+)+$/.test(core) ? core.split('.').at(-1)! : core;
};

/** Whether a marker numbers its item (else it is a bullet). A lone letter ("o", "v") is a bullet. */
function isOrderedMarker(marker: string, definition?: LevelDefinition): boolean {
  if (definition) return definition.format !== 'bullet' && definition.format !== 'none';
  return NUMBER.test(marker);
}

const FORMATS: Record<string, Numbering> = { 'alpha-lower': 'a', 'alpha-upper': 'A', 'roman-lower': 'i', 'roman-upper': 'I' };

/** The numbering style and first number of an ordered list, from its markers (and Word's definition). */
function numberingOf(markers: string[], definition?: LevelDefinition): { type?: Numbering; start: number } {
  const cores = markers.map(coreOf);
  const first = cores[0] ?? '';
  let type: Numbering | undefined;
  if (definition) type = FORMATS[definition.format];
  else if (/^[a-z]+$/i.test(first)) {
    const roman = cores.every((core) => romanValue(core) !== null) && (cores.some((core) => core.length > 1) || /^i$/i.test(first));
    const upper = first === first.toUpperCase();
    type = roman ? (upper ? 'I' : 'i') : upper ? 'A' : 'a';
  }
  let start: number | null;
  if (type === 'i' || type === 'I') start = romanValue(first);
  else if (type === 'a' || type === 'A') start = /^[a-z]$/i.test(first) ? first.toLowerCase().charCodeAt(0) - 96 : /^([a-z])\1$/i.test(first) ? first.toLowerCase().charCodeAt(0) - 96 + 26 : null;
  else start = /^\d+$/.test(first) ? Number(first) : null;
  return { ...(type ? { type } : {}), start: start ?? definition?.start ?? 1 };
}

/**
 * Word list paragraphs → nested <ul>/<ol>. Consecutive list paragraphs make one block of lists: a
 * deeper level nests in the item before it, another list (or another kind) at the same level starts
 * a new list. Numbered headings keep their number as text.
 */
export function convertWordLists(root: Element, definitions: Map<string, LevelDefinition>): void {
  const doc = root.ownerDocument;
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const position = listPosition(heading);
    const marker = takeWordListMarker(heading, !!position);
    if (marker && position && isOrderedMarker(marker, definitions.get(`${position.id.split(' ')[0]}:${position.level}`))) heading.prepend(`${marker} `);
  }
  const paragraphs = Array.from(root.querySelectorAll('p'));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first) || !listPosition(first)) continue;
    const run: Element[] = [];
    for (let node: Element | null = first; node && node.tagName === 'P' && listPosition(node); node = node.nextElementSibling) {
      run.push(node);
      done.add(node);
    }
    const container = doc.createElement('div');
    const stack: Array<{ level: number; id: string; ordered: boolean; list: Element; definition?: LevelDefinition; markers: string[] }> = [];
    const lists: typeof stack = [];
    for (const paragraph of run) {
      const { id, level } = listPosition(paragraph)!;
      const definition = definitions.get(`${id.split(' ')[0]}:${level}`);
      const marker = takeWordListMarker(paragraph, true) ?? '';
      const ordered = isOrderedMarker(marker, definition);
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      const top = stack.at(-1);
      if (top && top.level === level && (top.id !== id || top.ordered !== ordered)) stack.pop();
      if (!stack.length || stack.at(-1)!.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        const parentItem = stack.at(-1)?.list.lastElementChild;
        (parentItem ?? container).append(list);
        const entry = { level, id, ordered, list, markers: [] as string[], ...(definition ? { definition } : {}) };
        stack.push(entry);
        lists.push(entry);
      }
      const item = doc.createElement('li');
      const p = doc.createElement('p');
      p.append(...Array.from(paragraph.childNodes));
      item.append(p);
      stack.at(-1)!.list.append(item);
      stack.at(-1)!.markers.push(marker);
    }
    for (const { ordered, list, markers, definition } of lists) {
      if (!ordered) continue;
      const { type, start } = numberingOf(markers, definition);
      if (type) list.setAttribute('type', type);
      if (start !== 1) list.setAttribute('start', String(start));
    }
    run[0]!.before(...Array.from(container.childNodes));
    for (const paragraph of run) paragraph.remove();
  }
}
