import { isAllowedHref } from './fields';
import type { Block, BodyDoc, Inline, ListItem, Mark, Paragraph, TableCell, TableRow } from './body';

/**
 * Turns whatever the editor (or an import) produced into the stored article body: only the
 * article blocks and marks of DESIGN.md, only their own attributes, text in NFC. Nothing a reader
 * could read is dropped: an unknown block becomes paragraphs of its text, an unknown inline node
 * its text, a link with a refused scheme plain text.
 */

interface Json {
  type?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

const asNodes = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Json[]) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value.normalize('NFC') : '');

function canonicalMarks(value: unknown): Mark[] {
  const marks: Mark[] = [];
  for (const mark of asNodes(value)) {
    switch (mark.type) {
      case 'bold':
      case 'italic':
      case 'subscript':
      case 'superscript':
        if (!marks.some((m) => m.type === mark.type)) marks.push({ type: mark.type });
        break;
      case 'link': {
        const href = str(mark.attrs?.href).trim();
        if (href && isAllowedHref(href) && !marks.some((m) => m.type === 'link')) marks.push({ type: 'link', attrs: { href } });
        break;
      }
      default:
        break;
    }
  }
  return marks;
}

function canonicalInline(value: unknown): Inline[] {
  const out: Inline[] = [];
  for (const node of asNodes(value)) {
    if (node.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (node.type === 'text') {
      const text = str(node.text);
      if (!text) continue;
      const marks = canonicalMarks(node.marks);
      out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    } else {
      const text = plainText(node);
      if (text) out.push({ type: 'text', text });
    }
  }
  return out;
}

function paragraph(content: Inline[]): Paragraph {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function plainText(node: Json): string {
  if (node.type === 'text') return str(node.text);
  return asNodes(node.content).map(plainText).join(' ').trim();
}

/** Paragraphs for containers that only hold paragraphs (quotes, table cells). */
function paragraphsOf(value: unknown): Paragraph[] {
  const blocks = canonicalBlocks(value);
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(block);
    else if (block.type === 'heading') out.push(paragraph(block.content ?? []));
    else {
      const text = plainText(block as unknown as Json);
      if (text) out.push(paragraph([{ type: 'text', text }]));
    }
  }
  return out.length ? out : [paragraph([])];
}

function listItems(value: unknown): ListItem[] {
  const items: ListItem[] = [];
  for (const node of asNodes(value)) {
    const blocks = canonicalBlocks(node.type === 'listItem' ? node.content : [node]);
    const content = blocks.filter(
      (b): b is ListItem['content'][number] => b.type === 'paragraph' || b.type === 'bulletList' || b.type === 'orderedList',
    );
    items.push({ type: 'listItem', content: content.length ? content : [paragraph([])] });
  }
  return items;
}

function tableRows(value: unknown): TableRow[] {
  return asNodes(value)
    .filter((row) => row.type === 'tableRow')
    .map((row) => ({
      type: 'tableRow' as const,
      content: asNodes(row.content).map(
        (cell): TableCell => ({
          type: cell.type === 'tableHeader' ? 'tableHeader' : 'tableCell',
          content: paragraphsOf(cell.content),
        }),
      ),
    }))
    .filter((row) => row.content.length > 0);
}

function canonicalBlocks(value: unknown): Block[] {
  const out: Block[] = [];
  for (const node of asNodes(value)) {
    switch (node.type) {
      case 'paragraph':
        out.push(paragraph(canonicalInline(node.content)));
        break;
      case 'heading': {
        const level = node.attrs?.level === 3 ? 3 : 2;
        const content = canonicalInline(node.content);
        out.push(content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } });
        break;
      }
      case 'blockquote':
        out.push({ type: 'blockquote', content: paragraphsOf(node.content) });
        break;
      case 'pullQuote': {
        const cite = str(node.attrs?.cite);
        out.push({ type: 'pullQuote', ...(cite ? { attrs: { cite } } : {}), content: paragraphsOf(node.content) });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const content = listItems(node.content);
        if (!content.length) break;
        const start = node.attrs?.start;
        out.push(
          node.type === 'orderedList'
            ? { type: 'orderedList', ...(typeof start === 'number' && start !== 1 ? { attrs: { start } } : {}), content }
            : { type: 'bulletList', content },
        );
        break;
      }
      case 'figure': {
        const assetId = str(node.attrs?.assetId);
        if (/^[a-f0-9]{64}\.(jpg|png|webp|gif)$/.test(assetId)) {
          out.push({
            type: 'figure',
            attrs: { assetId, alt: str(node.attrs?.alt), caption: str(node.attrs?.caption), credit: str(node.attrs?.credit) },
          });
        }
        break;
      }
      case 'table': {
        const content = tableRows(node.content);
        if (content.length) out.push({ type: 'table', content });
        break;
      }
      case 'horizontalRule':
        out.push({ type: 'horizontalRule' });
        break;
      default: {
        // Anything else (a code block, a foreign node): keep its text as paragraphs.
        const inner = canonicalBlocks(node.content);
        if (inner.length) out.push(...inner);
        else {
          const text = plainText(node);
          if (text) out.push(paragraph([{ type: 'text', text }]));
        }
      }
    }
  }
  return out;
}

export function canonicalBody(json: unknown): BodyDoc {
  const doc = (json && typeof json === 'object' ? json : {}) as Json;
  const content = canonicalBlocks(doc.content);
  // Empty paragraphs at the end (the editor keeps one after a list or table to type into) are not content.
  while (content.length > 0 && content.at(-1)!.type === 'paragraph' && !(content.at(-1) as Paragraph).content) content.pop();
  return { type: 'doc', content };
}
