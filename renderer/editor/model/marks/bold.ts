import { Bold } from '@tiptap/extension-bold';

/** Twin of shared/model/marks/bold.ts. */
export const bold = [Bold];
