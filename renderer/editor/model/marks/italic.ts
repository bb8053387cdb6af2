import { Italic } from '@tiptap/extension-italic';

/** Twin of shared/model/marks/italic.ts. */
export const italic = [Italic];
