import { z } from 'zod';
import { escapeHtml } from '../../publish/html';
import type { MarkSpec } from '../blocks/spec';
import { href, isAllowedHref } from '../fields';

export const linkSchema = z.strictObject({ type: z.literal('link'), attrs: z.strictObject({ href }) });
export type LinkMark = z.infer<typeof linkSchema>;

/**
 * A link: http, https, mailto and tel only. Any other address (javascript:, data:, file:, a
 * relative path) is refused; the text stays, as plain text, and the user is told.
 */
export const link: MarkSpec<LinkMark> = {
  type: 'link',
  schema: linkSchema,
  canonical(json, cx) {
    const target = cx.text(json.attrs?.href).trim();
    if (target && target.length <= 2048 && isAllowedHref(target)) return { type: 'link', attrs: { href: target } };
    cx.note('link', 'link');
    return null;
  },
  open: (mark) => (isAllowedHref(mark.attrs.href) ? `<a href="${escapeHtml(mark.attrs.href)}">` : ''),
  close: (mark) => (isAllowedHref(mark.attrs.href) ? '</a>' : ''),
};
