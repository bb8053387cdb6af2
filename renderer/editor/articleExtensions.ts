import type { Extensions } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Link } from '@tiptap/extension-link';
import { ListItem } from '@tiptap/extension-list';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { assetUrl } from '../../shared/api/methods';
import { isAllowedHref } from '../../shared/model/fields';
import { Figure, type FigureOptions } from './extensions/Figure';
import { PullQuote } from './extensions/PullQuote';
import { SearchReplace } from './extensions/SearchReplace';

/**
 * The editor schema: exactly the article blocks and marks of DESIGN.md (paragraph, h2/h3,
 * blockquote, pull quote, lists, figure, simple table, separator; bold, italic, link, sub, sup).
 * Code, strike-through and underline are left out; links only for http, https, mailto and tel.
 */
export function articleExtensions(options: Partial<FigureOptions> = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
      listItem: false,
      blockquote: false,
    }),
    // The editor allows exactly what the stored article allows (shared/model/body.ts), so nothing
    // typed can be dropped on saving: a list item holds a paragraph and sub-lists, a quote and a
    // table cell hold paragraphs (a photo goes beside them, not inside).
    ListItem.extend({ content: 'paragraph (bulletList | orderedList)*' }),
    Blockquote.extend({ content: 'paragraph+' }),
    // Text typed right after a link is not part of it (Tiptap makes links inclusive when autolink is on).
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto', 'tel'],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
    }),
    Subscript,
    Superscript,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader.extend({ content: 'paragraph+' }),
    TableCell.extend({ content: 'paragraph+' }),
    PullQuote,
    Figure.configure({ assetUrl, ...options }),
    SearchReplace,
  ];
}
