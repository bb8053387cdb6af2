import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { escapeHtml } from '../../publish/html';
import { assetIdField, text } from '../fields';
import { fitText, type BlockSpec, type StoredNode } from './spec';

export const FIGURE_LIMITS = { alt: 500, caption: 2000, credit: 200 } as const;

export const figureSchema = z.strictObject({
  type: z.literal('figure'),
  marks: blockMarksField,
  attrs: z.strictObject({
    /** An image of the library (assets/<sha256>.<ext>). */
    assetId: assetIdField,
    alt: text(FIGURE_LIMITS.alt),
    caption: text(FIGURE_LIMITS.caption),
    credit: text(FIGURE_LIMITS.credit),
  }),
});
export type Figure = z.output<typeof figureSchema>;

/** A caption and its credit as the page shows them ("Trong ảnh: …" "Ảnh: …"). */
export function captionHtml(caption: string, credit: string): string {
  const parts = [caption && escapeHtml(caption), credit && `<span class="credit">${escapeHtml(credit)}</span>`].filter(Boolean);
  return parts.length ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
}

/**
 * A photo in the body: an image of the library with its alt text, caption and credit. A photo
 * whose image is not in the library becomes a paragraph of its caption and credit (reported);
 * text over a limit is kept whole in a paragraph after the photo.
 */
export const figure: BlockSpec<Figure> = {
  type: 'figure',
  schema: figureSchema,
  canonical(json, cx) {
    const assetId = cx.text(json.attrs?.assetId);
    const [alt, caption, credit] = (['alt', 'caption', 'credit'] as const).map((key) => cx.text(json.attrs?.[key]).trim()) as [string, string, string];
    if (!assetIdField.safeParse(assetId).success || !cx.hasAsset(assetId)) {
      cx.note('image', 'figure');
      return cx.paragraphs([caption || alt, credit].filter(Boolean).join(' '));
    }
    const overflow: StoredNode[] = [];
    const fit = (value: string, key: keyof typeof FIGURE_LIMITS) => {
      const result = fitText(value, FIGURE_LIMITS[key]);
      if (result.overflow) {
        cx.note('attr', `figure.${key}`);
        overflow.push(...cx.paragraphs(result.overflow));
      }
      return result.kept;
    };
    return [{ type: 'figure', attrs: { assetId, alt: fit(alt, 'alt'), caption: fit(caption, 'caption'), credit: fit(credit, 'credit') } }, ...overflow];
  },
  render: (node, cx) =>
    `<figure>${cx.images.picture(node.attrs.assetId, node.attrs.alt, 'body')}${captionHtml(node.attrs.caption, node.attrs.credit)}</figure>`,
  attrText: (node) => [node.attrs.caption || node.attrs.alt, node.attrs.credit].filter(Boolean).join(' '),
  // What a reader reads under the photo (the editor counts the same: its caption).
  plainText: (node) => (node.attrs.caption ? [node.attrs.caption] : []),
};
