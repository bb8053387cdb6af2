import { Heading } from '@tiptap/extension-heading';
import { HEADING_LEVELS } from '../../../../shared/model/blocks/heading';

/** Twin of shared/model/blocks/heading.ts: h2 and h3 only (the page's h1 is the headline). */
export const heading = [Heading.configure({ levels: [...HEADING_LEVELS] })];
