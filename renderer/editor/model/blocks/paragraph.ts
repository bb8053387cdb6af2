import { Paragraph } from '@tiptap/extension-paragraph';

/** Twin of shared/model/blocks/paragraph.ts. */
export const paragraph = [Paragraph];
