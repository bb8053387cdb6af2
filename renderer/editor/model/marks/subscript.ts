import { Subscript } from '@tiptap/extension-subscript';

/** Twin of shared/model/marks/subscript.ts. */
export const subscript = [Subscript];
