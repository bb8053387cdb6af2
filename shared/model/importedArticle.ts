import type { Block, BodyDoc, Inline } from './body';

const inlineText = (content: Inline[] | undefined) =>
  (content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('').replace(/\s+/g, ' ').trim();

const isAllBold = (block: Block) =>
  block.type === 'paragraph' &&
  (block.content ?? []).length > 0 &&
  (block.content ?? []).every((node) => node.type === 'hardBreak' || node.marks?.some((m) => m.type === 'bold') || !node.text.trim());

/**
 * An imported document's first blocks as the article's fields: the headline from the first
 * heading (or, failing that, a short first paragraph), the sapo from a leading paragraph that is
 * bold throughout. What is taken out of the body is not repeated in it.
 */
export function splitHeadlineAndSapo(body: BodyDoc, fallbackHeadline = ''): { headline: string; sapo: string; body: BodyDoc } {
  const blocks = [...body.content];
  let headline = '';
  const first = blocks[0];
  if (first && (first.type === 'heading' || (first.type === 'paragraph' && inlineText(first.content).length <= 200))) {
    headline = inlineText(first.content);
    blocks.shift();
  }
  let sapo = '';
  const next = blocks[0];
  if (next && next.type === 'paragraph' && isAllBold(next)) {
    sapo = inlineText(next.content);
    blocks.shift();
  }
  return { headline: headline || fallbackHeadline, sapo, body: { type: 'doc', content: blocks } };
}
