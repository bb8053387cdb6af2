import { Text } from '@tiptap/extension-text';

/** Twin of shared/model/blocks/text.ts. */
export const text = [Text];
