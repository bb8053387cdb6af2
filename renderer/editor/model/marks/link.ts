import { Link } from '@tiptap/extension-link';
import { isAllowedHref } from '../../../../shared/model/fields';

/**
 * Twin of shared/model/marks/link.ts: http, https, mailto and tel only. Text typed right after a
 * link is not part of it (Tiptap makes links inclusive when autolink is on).
 */
export const link = [
  Link.extend({ inclusive: () => false }).configure({
    openOnClick: false,
    autolink: true,
    linkOnPaste: true,
    defaultProtocol: 'https',
    protocols: ['http', 'https', 'mailto', 'tel'],
    isAllowedUri: (url) => isAllowedHref(url),
    HTMLAttributes: { rel: 'noopener noreferrer', target: null },
  }),
];
