import { cleanLine, isBylineLine, isCaptionLine, splitCaption } from '../../shared/model/importedArticle';

/** The parts of mammoth's document tree we read (its `transformDocument` hands us the whole tree). */
export interface DocxElement {
  type: string;
  children?: DocxElement[];
  /** A text element's text. */
  value?: string;
  /** A paragraph's style (as Word names it: "caption" for the Caption style) and alignment (w:jc). */
  styleName?: string | null;
  alignment?: string | null;
}

export interface PictureCaption {
  caption: string;
  credit: string;
}

export interface DocxConventions {
  /** The document without the paragraphs read as captions and byline. */
  document: DocxElement;
  /** The byline read from the last line, or ''. */
  byline: string;
  /** Each picture (mammoth's image element) and the caption read from the paragraph under it. */
  captions: Map<DocxElement, PictureCaption>;
}

function textOf(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab' || element.type === 'break') return ' ';
  return (element.children ?? []).map(textOf).join('');
}

function imagesIn(element: DocxElement): DocxElement[] {
  if (element.type === 'image') return [element];
  return (element.children ?? []).flatMap(imagesIn);
}

const hasText = (element: DocxElement) => textOf(element).trim() !== '';
const isParagraph = (element: DocxElement | undefined): element is DocxElement => element?.type === 'paragraph';
const isBlank = (element: DocxElement) => isParagraph(element) && !hasText(element) && imagesIn(element).length === 0;
const isPicture = (element: DocxElement) => isParagraph(element) && !hasText(element) && imagesIn(element).length > 0;
const isRightAligned = (element: DocxElement) => element.alignment === 'right' || element.alignment === 'end';

/**
 * Reads the newsroom's conventions from a Word document (mammoth's tree, before it becomes HTML):
 *  - the paragraph right under a picture is its caption when it uses Word's Caption style or opens
 *    with "Trong ảnh" or "Ảnh:"; it is split into caption and credit and leaves the text;
 *  - the last line is the byline when it is aligned right and short, a name rather than a
 *    sentence (see isBylineLine); a long right-aligned line, or a centred one, stays body text.
 * Mammoth drops alignment from its HTML, which is why this reads its tree.
 */
export function readDocxConventions(document: DocxElement): DocxConventions {
  const children = document.children ?? [];
  const captions = new Map<DocxElement, PictureCaption>();
  const kept: DocxElement[] = [];
  for (let i = 0; i < children.length; i++) {
    const element = children[i]!;
    kept.push(element);
    if (!isPicture(element)) continue;
    let next = i + 1;
    while (next < children.length && isBlank(children[next]!)) next++;
    const candidate = children[next];
    if (!isParagraph(candidate) || imagesIn(candidate).length || !hasText(candidate)) continue;
    const text = textOf(candidate);
    if (!/^caption$/i.test(candidate.styleName ?? '') && !isCaptionLine(text)) continue;
    captions.set(imagesIn(element).at(-1)!, splitCaption(text));
    kept.push(...children.slice(i + 1, next));
    i = next;
  }

  let byline = '';
  let last = kept.length - 1;
  while (last >= 0 && isBlank(kept[last]!)) last--;
  const line = kept[last];
  if (line && isParagraph(line) && isRightAligned(line) && isBylineLine(textOf(line)) && kept.slice(0, last).some(hasText)) {
    byline = cleanLine(textOf(line));
    kept.splice(last, 1);
  }
  return { document: { ...document, children: kept }, byline, captions };
}
