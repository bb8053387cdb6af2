import { Superscript } from '@tiptap/extension-superscript';

/** Twin of shared/model/marks/superscript.ts. */
export const superscript = [Superscript];
