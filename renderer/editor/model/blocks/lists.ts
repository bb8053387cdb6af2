import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';

/**
 * Twin of shared/model/blocks/lists.ts: a list item holds a paragraph and then nested lists, as
 * the stored article does. Ordered lists keep their start and numbering style (Tiptap's `start`
 * and `type`).
 */
export const lists = [BulletList, OrderedList, ListItem.extend({ content: 'paragraph (bulletList | orderedList)*' })];
